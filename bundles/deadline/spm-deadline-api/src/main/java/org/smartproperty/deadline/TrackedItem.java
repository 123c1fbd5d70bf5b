package org.smartproperty.deadline;

import java.time.Instant;

/**
 * What a domain hands to {@link DeadlineTracker#start}: the item (domain e.g. {@code complaint},
 * its id and category), a title for the monitoring views, the scope keys (estate, company: the
 * monitoring views filter by them) and who is responsible (assignee, supervisor: account ids of
 * spm-platform-security, may be null). {@code startedAt} null means now.
 */
public record TrackedItem(String domain, long itemId, String category, String title, Long estateId, Long companyId,
                          Long assigneeAccountId, Long supervisorAccountId, Instant startedAt) {
}
