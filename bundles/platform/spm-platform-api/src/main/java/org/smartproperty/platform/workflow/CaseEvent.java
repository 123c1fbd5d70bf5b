package org.smartproperty.platform.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an item's timeline: the action (the transition's name, {@code create}, or an
 * automatic one such as {@code autoClose}), the states before (null at creation) and after, who
 * acted ({@code system} for timeouts), when, the note or reason, and structured details (stored as
 * JSON written by Jackson, read back as a map; empty when none).
 */
public record CaseEvent(long id, long caseId, String action, String from, String to, String actor, Instant at, String note,
                        Map<String, Object> details) {

    public CaseEvent {
        details = details == null ? Map.of() : details;
    }
}
