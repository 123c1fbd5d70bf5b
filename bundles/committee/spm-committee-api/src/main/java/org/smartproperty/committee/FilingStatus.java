package org.smartproperty.committee;

import java.util.List;

/**
 * A committee filing (备案) is SUBMITTED by the elected head, then APPROVED or RETURNED (with a
 * reason) by the regulator. Both decisions are final for that filing; after a return the head
 * submits a new filing, so every round stays on record.
 */
public enum FilingStatus {
    SUBMITTED, RETURNED, APPROVED;

    /** The statuses a filing in this status may move to. */
    public List<FilingStatus> next() {
        return this == SUBMITTED ? List.of(APPROVED, RETURNED) : List.of();
    }
}
