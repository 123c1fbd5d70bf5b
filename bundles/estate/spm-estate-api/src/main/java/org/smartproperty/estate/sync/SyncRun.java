package org.smartproperty.estate.sync;

import java.time.Instant;

/**
 * One recorded sync run (table {@code est_sync_run}). Counts cover projects, buildings and houses:
 * {@code read = created + updated + unchanged + skipped}.
 *
 * @param since   the change timestamp the run started from (max of the last successful run), null = full
 * @param errors  the first errors (skipped records and their reasons), as text
 */
public record SyncRun(long id, String status, Instant startedAt, Instant finishedAt, Instant since, Instant upTo,
                      long read, long created, long updated, long skipped, String errors, String actor) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
}
