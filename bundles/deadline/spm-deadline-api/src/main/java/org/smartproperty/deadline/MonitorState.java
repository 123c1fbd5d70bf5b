package org.smartproperty.deadline;

/**
 * Filter of the monitoring views: NEAR = past the warning point but not yet due, OVERDUE = past the
 * deadline, ALL = every open (running or paused) deadline.
 */
public enum MonitorState { NEAR, OVERDUE, ALL }
