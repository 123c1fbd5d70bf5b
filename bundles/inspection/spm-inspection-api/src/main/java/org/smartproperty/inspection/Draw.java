package org.smartproperty.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A task's drawn list (DR-2) with the recorded seed and the algorithm ({@link #ALGORITHM}; {@code description} in the
 * caller's language, filled by the REST layer). {@code drawDate} and {@code formerEmployerYears} are the inputs of the
 * conflict rule as recorded at the draw. From GET …/draw {@code identical} is null; from GET …/draw/replay the list is
 * recomputed from the recorded seed and inputs, and {@code identical} says whether it equals the frozen list.
 */
public record Draw(long taskId, String number, String seed, String algorithm, String description, LocalDate drawDate, int formerEmployerYears,
                   Instant drawnAt, List<DrawnObject> objects, Boolean identical) {

    /** The identifier of the algorithm of docs/architecture.md "Double-random draw (DR-2)". */
    public static final String ALGORITHM = "SPM-DR2-SHA256-1";

    /** The same draw with the algorithm's description in words. */
    public Draw withDescription(String text) {
        return new Draw(taskId, number, seed, algorithm, text, drawDate, formerEmployerYears, drawnAt, objects, identical);
    }

    /** One drawn object and the inspectors drawn for it, in draw order. */
    public record DrawnObject(long objectId, String name, Target kind, long refId, long companyId, RiskLevel riskLevel,
                              List<DrawnInspector> inspectors) {
    }

    public record DrawnInspector(long id, String name, String unit, UnitKind unitKind) {
    }
}
