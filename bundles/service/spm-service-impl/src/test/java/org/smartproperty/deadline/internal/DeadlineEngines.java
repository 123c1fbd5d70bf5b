package org.smartproperty.deadline.internal;

import java.time.Clock;
import javax.sql.DataSource;

import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.platform.security.AuditTrail;

/** Test support only: the real deadline engine over a migrated schema with the test's clock (its constructor is package-private). */
public final class DeadlineEngines {

    private DeadlineEngines() {
    }

    public static DeadlineTracker over(DataSource ds, AuditTrail audit, Clock clock) {
        return new DeadlineEngine(ds, audit, clock, EngineSettings.DEFAULTS);
    }
}
