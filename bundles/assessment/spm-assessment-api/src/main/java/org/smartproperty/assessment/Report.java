package org.smartproperty.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A company's report in a round (SUP-AS-2, COS-8): one per (round, company), the subject of the review. {@code version} is its
 * ETag (If-Match of return / accept). {@code selfReportedPoints} counts only once APPROVED; {@code computedPoints} once the
 * round is closed; {@code score} = their sum (null while OPEN), {@code rank} once published (ties share a rank).
 */
public record Report(Long id, long roundId, long companyId, String companyName, ReportStatus status, String submittedBy,
                     Instant submittedAt, String decidedBy, Instant decidedAt, String reason, BigDecimal selfReportedPoints,
                     BigDecimal computedPoints, BigDecimal score, Integer rank, List<ReportValue> values, long version) {
}
