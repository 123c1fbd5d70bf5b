package org.smartproperty.platform;

import java.time.Instant;

/**
 * One job as {@code plt_job} records it (cluster-wide: the last run of any node) plus whether this
 * node has it registered. Times are {@code null} when there was none yet.
 */
public record JobStatus(String name, String schedule, boolean clusterLock, boolean registered, boolean running,
        Instant lastStartedAt, Instant lastFinishedAt, JobOutcome lastOutcome, Long lastDurationMillis,
        String lastError, String lastSummary, String lastNode, Instant lastSkippedAt, Instant nextRunAt,
        Instant runRequestedAt, Long periodSeconds) {
}
