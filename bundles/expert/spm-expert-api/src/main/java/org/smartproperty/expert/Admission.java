package org.smartproperty.expert;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.review.ReviewState;

/** One admission round of an expert's application (review kernel): submitted with materials, approved (→ ACTIVE) or returned. */
public record Admission(long id, long version, long expertId, ReviewState status, String submittedBy, Instant submittedAt,
                        String reason, String decidedBy, Instant decidedAt, List<Attachment> materials) {
}
