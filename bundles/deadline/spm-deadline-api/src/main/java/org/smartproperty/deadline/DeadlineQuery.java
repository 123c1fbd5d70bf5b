package org.smartproperty.deadline;

/** Filters of {@link DeadlineTracker#monitoring}; nulls mean "any" (state null = ALL). */
public record DeadlineQuery(MonitorState state, String domain, Long estateId) {

    public static DeadlineQuery all() {
        return new DeadlineQuery(MonitorState.ALL, null, null);
    }
}
