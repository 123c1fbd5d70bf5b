package org.smartproperty.deadline;

/**
 * How a time limit counts (SLA-2): whole working days (the deadline is the end of the office hours
 * of the n-th working day after the start day; the start day itself does not count), working hours
 * (office hours of working days only) or calendar hours (around the clock, e.g. repair emergencies).
 */
public enum LimitUnit { WORKING_DAYS, WORKING_HOURS, CALENDAR_HOURS }
