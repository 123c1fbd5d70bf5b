package org.smartproperty.deadline;

/** RUNNING (clock runs), PAUSED (waiting for the complainant; the clock stops), COMPLETED, CANCELLED. */
public enum DeadlineState { RUNNING, PAUSED, COMPLETED, CANCELLED }
