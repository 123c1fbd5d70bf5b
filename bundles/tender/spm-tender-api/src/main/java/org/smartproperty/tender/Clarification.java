package org.smartproperty.tender;

import java.time.Instant;

/**
 * A clarification or change (TND-3). {@code deadlineMoved}: it came less than CLARIFICATION_LEAD before the bid deadline, which
 * moved from {@code bidDeadlineBefore} to {@code bidDeadline}.
 */
public record Clarification(long id, long tenderId, String text, String createdBy, Instant createdAt, boolean deadlineMoved,
                            Instant bidDeadlineBefore, Instant bidDeadline) {
}
