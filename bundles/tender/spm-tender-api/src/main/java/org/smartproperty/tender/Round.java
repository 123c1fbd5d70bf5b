package org.smartproperty.tender;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.review.ReviewState;

/** One review round of a tender (project, announcement, award or contract filing); {@code contract} only on contract rounds. */
public record Round(long id, long tenderId, ReviewState status, String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
                    String reason, List<Attachment> materials, ContractTerms contract, long version) {
}
