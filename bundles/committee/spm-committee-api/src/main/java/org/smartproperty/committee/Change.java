package org.smartproperty.committee;

import java.time.Instant;
import java.util.List;

/** One entry of a committee's change history (OCS-2): who changed which fields from what to what. */
public record Change(long id, long committeeId, String action, List<FieldChange> changes, String changedBy, Instant changedAt) {

    /** One changed field; values as text (members as a list description). */
    public record FieldChange(String field, String before, String after) {
    }
}
