package org.smartproperty.platform;

import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * What a {@link Job} run gets from the runner: the platform's DataSource (for one transaction use
 * {@link Jdbc#write(DataSource, Jdbc.Work)}), the runner's clock and when this run started.
 */
public record JobContext(String name, DataSource dataSource, Clock clock, Instant startedAt, boolean requested) {

    public Instant now() {
        return clock.instant();
    }
}
