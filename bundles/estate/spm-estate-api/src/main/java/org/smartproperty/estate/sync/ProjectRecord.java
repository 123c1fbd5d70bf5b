package org.smartproperty.estate.sync;

import java.time.Instant;

/** A project of the real-estate system: one project = one estate, keyed by {@code projectCode} (SUP-EST-1). */
public record ProjectRecord(String projectCode, String name, String address, String community, String adminCode,
                            Double longitude, Double latitude, String developer, Instant changedAt) {
}
