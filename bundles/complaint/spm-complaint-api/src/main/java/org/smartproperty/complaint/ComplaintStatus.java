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

    /** Which status may follow this one ({@link ComplaintWorkflow#TABLE}, manual and automatic transitions). */
    public List<ComplaintStatus> next() {
        return ComplaintWorkflow.TABLE.next(this);
    }

    /** Whether the complaint is still being worked on (its deadline runs or is paused). */
    public boolean open() {
        return !ComplaintWorkflow.TABLE.terminal(this);
    }
}
