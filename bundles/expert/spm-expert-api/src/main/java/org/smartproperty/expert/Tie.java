package org.smartproperty.expert;

import java.time.LocalDate;

/**
 * A tie between an expert and a company (conflict data, SUP-EX-1). It gives an interest in the company at a date when
 * it is in force then ({@code since} open or not after it, {@code until} open or not before it), or, for
 * FORMER_EMPLOYER, when it ended less than {@code conflict.formerEmployerYears} years before.
 */
public record Tie(Long companyId, TieKind kind, LocalDate since, LocalDate until) {
}
