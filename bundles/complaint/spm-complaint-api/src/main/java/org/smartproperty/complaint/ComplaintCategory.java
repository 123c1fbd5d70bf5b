package org.smartproperty.complaint;

/**
 * Category of a complaint, as the Zhuhai 12345 practice (SLA-1) and the time limits of the
 * deadline engine (domain {@code complaint}) know them: ENQUIRY 2 working days; COMPLAINT,
 * REPORT, HELP 10 working days (defaults, configurable at /api/v1/calendar/time-limits).
 */
public enum ComplaintCategory {
    /** 咨询 */
    ENQUIRY,
    /** 投诉 */
    COMPLAINT,
    /** 举报 */
    REPORT,
    /** 求助 */
    HELP
}
