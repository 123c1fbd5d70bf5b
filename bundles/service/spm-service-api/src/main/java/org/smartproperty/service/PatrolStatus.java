package org.smartproperty.service;

import java.util.List;

/**
 * A patrol task (SVC-PAT-1, COS-5): OPEN (created from photo reports, deadline running) →
 * INSPECTED (findings recorded; may be recorded again) → CLOSED (the fix recorded with photos; the
 * reporters are told, the result is published).
 */
public enum PatrolStatus {
    OPEN, INSPECTED, CLOSED;

    /** Which status may follow this one ({@link PatrolWorkflow#TABLE}, manual and automatic transitions). */
    public List<PatrolStatus> next() {
        return PatrolWorkflow.TABLE.next(this);
    }
}
