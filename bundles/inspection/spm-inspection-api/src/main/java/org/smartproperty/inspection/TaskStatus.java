package org.smartproperty.inspection;

import java.util.List;

/**
 * A spot-check task's status (SUP-DR-1): PLANNED (the seed is recorded) → DRAWN (objects and inspectors drawn and
 * frozen, results are recorded) → FINISHED (the publication deadline of DR-3 runs) → PUBLISHED (on the public portal,
 * DIS-5); CANCELLED from PLANNED or DRAWN.
 */
public enum TaskStatus {
    PLANNED, DRAWN, FINISHED, PUBLISHED, CANCELLED;

    /** Which status may follow this one ({@link InspectionWorkflow#TABLE}). */
    public List<TaskStatus> next() {
        return InspectionWorkflow.TABLE.next(this);
    }
}
