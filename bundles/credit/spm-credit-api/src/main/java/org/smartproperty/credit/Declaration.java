package org.smartproperty.credit;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.review.ReviewState;

/** One declaration round (CRD-1): SUBMITTED, RETURNED with a reason or APPROVED with verified points per item. */
public record Declaration(long id, long companyId, ReviewState status, String submittedBy, Instant submittedAt, String decidedBy,
                          Instant decidedAt, String reason, Integer baseScore, List<DeclarationItem> items, long version) {
}
