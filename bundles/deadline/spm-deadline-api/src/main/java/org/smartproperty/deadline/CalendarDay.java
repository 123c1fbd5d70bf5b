package org.smartproperty.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One exception day of the working calendar (SLA-2). {@code provisional} marks data not yet
 * confirmed by the State Council's official schedule (the regulator confirms it by a PUT).
 */
public record CalendarDay(LocalDate date, DayKind kind, String name, boolean provisional, String note,
                          String updatedBy, Instant updatedAt, long version) {
}
