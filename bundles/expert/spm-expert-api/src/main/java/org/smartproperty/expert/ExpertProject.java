package org.smartproperty.expert;

import java.time.Instant;
import java.util.List;

/** A project of the library (SUP-EX-2) as tendering recorded it, with its bidders and its current draw (null before). */
public record ExpertProject(long id, String source, long sourceId, String number, String title, long estateId, String tendererKind,
                            long tendererId, Instant evaluationAt, List<Long> bidderIds, Long drawId, Instant publishedAt,
                            Instant createdAt) {
}
