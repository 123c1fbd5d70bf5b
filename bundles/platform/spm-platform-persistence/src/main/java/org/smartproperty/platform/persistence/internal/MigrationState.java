package org.smartproperty.platform.persistence.internal;

import java.time.Instant;

/** What the extender knows about one bundle's changelog. */
record MigrationState(String bundle, String changelog, Status status, int applied, String error, Instant at) {

    enum Status { PENDING, APPLIED, FAILED }
}
