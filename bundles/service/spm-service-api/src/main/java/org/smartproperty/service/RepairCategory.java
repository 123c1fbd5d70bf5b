package org.smartproperty.service;

/**
 * Category of a repair, as the time limits of the deadline engine (domain {@code repair}) know
 * them (SLA-4, defaults, configurable at /api/v1/calendar/time-limits): NORMAL 8 working days,
 * MAJOR at most 45 working days, EMERGENCY 24 hours.
 */
public enum RepairCategory {
    /** 一般维修 */
    NORMAL,
    /** 较大维修（最长期限） */
    MAJOR,
    /** 紧急维修 */
    EMERGENCY
}
