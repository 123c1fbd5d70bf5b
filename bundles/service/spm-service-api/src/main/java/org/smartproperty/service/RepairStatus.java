package org.smartproperty.service;

import java.util.List;

/**
 * The repair workflow (SVC-REP-1, OWN-4, COS-6): REQUESTED → ACCEPTED by the company → SCHEDULED
 * (appointment time; may be rescheduled) → COMPLETED (reported back with photos, the requester is
 * told by SMS) → CONFIRMED by the requester (or automatically); from COMPLETED or CONFIRMED the
 * requester may REOPEN within the configured window, and a reopened repair is accepted again.
 * REJECTED (with a reason) from any open status.
 */
public enum RepairStatus {
    REQUESTED, ACCEPTED, SCHEDULED, COMPLETED, CONFIRMED, REOPENED, REJECTED;

    /** Which status may follow this one ({@link RepairWorkflow#TABLE}, manual and automatic transitions). */
    public List<RepairStatus> next() {
        return RepairWorkflow.TABLE.next(this);
    }

    /** Whether the repair is still being worked on (its deadline runs). */
    public boolean open() {
        return !RepairWorkflow.TABLE.terminal(this);
    }
}
