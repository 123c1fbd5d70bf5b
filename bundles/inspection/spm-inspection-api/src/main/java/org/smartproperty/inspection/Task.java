package org.smartproperty.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A spot-check task (抽查任务, SUP-DR-1). {@code number} JC-yyyy-nnnnnn; {@code seed} the draw's seed (128 bits, hex),
 * recorded when the task was created, before any draw (DR-2); {@code drawnAt}, {@code publishedAt} the times of those
 * transitions; {@code publishDueAt} the DR-3 publication deadline once finished. {@code version} is the ETag.
 */
public record Task(long id, String number, String name, String authority, Target target, List<Long> itemIds, LocalDate drawDate,
                   LocalDate startDate, LocalDate endDate, DrawRule rule, int inspectorsPerObject, String seed, TaskStatus status,
                   Instant drawnAt, Instant publishDueAt, Instant publishedAt, String createdBy, Instant createdAt, Instant statusChangedAt,
                   long version) {

    public static final int NAME_MAX = 200;
    public static final int AUTHORITY_MAX = 200;
    public static final int ITEMS_MAX = 100;
    /** At most this many inspectors per object. */
    public static final int INSPECTORS_MAX = 10;
}
