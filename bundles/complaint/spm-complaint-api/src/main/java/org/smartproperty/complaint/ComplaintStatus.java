package org.smartproperty.complaint;

import java.util.List;

/**
 * The workflow (SVC-CMP-1..4): REGISTERED → DISPATCHED (to an officer, or forwarded to the
 * company) → IN_PROGRESS (⇄ WAITING for the complainant, the clock stops) → RESOLVED (result
 * recorded, the complainant told by SMS) → CLOSED (the complainant confirms, or automatically);
 * from RESOLVED or CLOSED the complainant may REOPEN within the configured window, and a reopened
 * complaint is dispatched again. REJECTED (with a reason) from any open state.
 */
public enum ComplaintStatus {
    REGISTERED, DISPATCHED, IN_PROGRESS, WAITING, RESOLVED, CLOSED, REOPENED, REJECTED;

    /** Which status may follow this one. */
    public List<ComplaintStatus> next() {
        switch (this) {
            case REGISTERED:
            case REOPENED:
                return List.of(DISPATCHED, REJECTED);
            case DISPATCHED:
                return List.of(IN_PROGRESS, DISPATCHED, REJECTED);
            case IN_PROGRESS:
                return List.of(WAITING, RESOLVED, REJECTED);
            case WAITING:
                return List.of(IN_PROGRESS, REJECTED);
            case RESOLVED:
                return List.of(CLOSED, REOPENED);
            case CLOSED:
                return List.of(REOPENED);
            default:
                return List.of();
        }
    }

    /** Whether the complaint is still being worked on (its deadline runs or is paused). */
    public boolean open() {
        return this != RESOLVED && this != CLOSED && this != REJECTED;
    }
}
