package org.smartproperty.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published spot-check task for the public portal (DIS-5, SUP-DR-4 一公开): the task and per drawn object its outcome
 * counts and the names of the failed items. No inspector, no note, no photo.
 */
public record PublicInspection(long taskId, String number, String name, String authority, Target target, LocalDate drawDate,
                               LocalDate startDate, LocalDate endDate, Instant publishedAt, List<PublicObject> objects) {

    public record PublicObject(String name, Target kind, int pass, int fail, int notApplicable, List<String> failedItems) {
    }
}
