package org.smartproperty.deadline;

import java.time.Instant;

/**
 * A tracked deadline. {@code warnAt} is when {@code warningRatio} of the limit has elapsed;
 * {@code warnedAt}/{@code overdueAt} are set once, by the monitor, when the WARNING / OVERDUE
 * escalation was raised. A pause moves warnAt and dueAt by the working time it lasted.
 */
public record Deadline(long id, String domain, long itemId, String category, String title, Long estateId, Long companyId,
                       Long assigneeAccountId, Long supervisorAccountId, int amount, LimitUnit unit, double warningRatio,
                       Instant startedAt, Instant warnAt, Instant dueAt, DeadlineState state, Instant pausedAt,
                       Instant warnedAt, Instant overdueAt, Instant finishedAt, long version) {
}
