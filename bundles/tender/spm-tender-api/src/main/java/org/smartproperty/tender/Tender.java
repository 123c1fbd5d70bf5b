package org.smartproperty.tender;

import java.time.Instant;
import java.util.List;

/**
 * One tender as the REST layer shows it (docs/tendering-contract.md). {@code version} is the ETag; {@code projectStatus} is the
 * review status of the latest project round (null before the first submission).
 */
public record Tender(long id, long version, String number, long estateId, String estateName, String tendererKind, long tendererId,
                     String tendererName, String title, TenderMethod method, String directGrounds, Long directCompanyId,
                     List<Long> invitedCompanyIds, int serviceMonths, List<Criterion> criteria, TenderStage stage, String projectStatus,
                     Announcement announcement, Instant bidDeadline, Integer bidderCount, Long winnerCompanyId, String winnerName,
                     Instant publicityUntil, Instant resultPublishedAt, Instant awardDueAt, Instant contractDueAt, Long retenderOf,
                     String createdBy, Instant createdAt, Instant updatedAt) {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 20000;
}
