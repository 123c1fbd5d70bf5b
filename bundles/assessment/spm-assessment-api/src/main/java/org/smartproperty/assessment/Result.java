package org.smartproperty.assessment;

import java.math.BigDecimal;

/**
 * A company's result in a closed or published round (SUP-AS-3): accepted self-reported points + computed points, ranked by
 * score (ties share a rank: 1, 1, 3). A report never accepted scores only its computed part ({@code status} says which).
 */
public record Result(long companyId, String companyName, BigDecimal score, int rank, BigDecimal selfReportedPoints,
                     BigDecimal computedPoints, ReportStatus status) {
}
