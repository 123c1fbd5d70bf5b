package org.smartproperty.committee;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/** One committee filing round (OCS-4, SUP-OC-2). {@code version} is the ETag a decision must carry in If-Match. */
public record Filing(long id, long committeeId, FilingStatus status, List<Attachment> materials, String note,
                     String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt, String reason, long version) {
}
