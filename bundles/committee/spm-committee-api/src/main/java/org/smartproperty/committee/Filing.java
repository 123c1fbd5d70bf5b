package org.smartproperty.committee;

import java.time.Instant;
import java.util.List;

/** One committee filing round (OCS-4, SUP-OC-2). {@code version} is the ETag a decision must carry in If-Match. */
public record Filing(long id, long committeeId, FilingStatus status, List<String> materials, String note,
                     String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt, String reason, long version) {
}
