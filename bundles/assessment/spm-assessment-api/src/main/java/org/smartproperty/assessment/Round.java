package org.smartproperty.assessment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An assessment round (SUP-AS-2): the period assessed, the frozen indicator set, the companies' due date; {@code companies}
 * reports (every FILED company at the opening), {@code submitted} of them submitted at least once, {@code accepted} approved.
 * {@code publishedAt} is set once the round is published.
 */
public record Round(Long id, String name, LocalDate periodFrom, LocalDate periodTo, long indicatorSetId, String indicatorSetName,
                    int indicatorSetVersion, LocalDate dueDate, RoundStatus status, String openedBy, Instant openedAt, Instant publishedAt, int companies, int submitted, int accepted, long version) {
}
