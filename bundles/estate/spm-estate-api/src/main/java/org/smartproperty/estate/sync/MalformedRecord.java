package org.smartproperty.estate.sync;

import java.time.Instant;

/**
 * A record the adapter could not read (not JSON, wrong types): delivered as such so the sync
 * counts and reports it instead of failing the run.
 *
 * @param changedAt its change time when it could be read, else null
 */
public record MalformedRecord(String raw, String reason, Instant changedAt) {
}
