package org.smartproperty.ops.shell.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;

/**
 * Health check {@code backup-schedule} (OPS-3): a node without the daily backup configured says so
 * (WARNING), instead of simply having no {@code backup} check. Operational: never gates serving.
 */
@Component(service = HealthCheck.class)
public class BackupConfiguredCheck implements HealthCheck {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DailyBackup schedule;

    public BackupConfiguredCheck() {
    }

    BackupConfiguredCheck(DailyBackup schedule) {
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return "backup-schedule";
    }

    @Override
    public HealthResult check() {
        DailyBackup s = schedule;
        if (s == null) {
            return new HealthResult(HealthStatus.WARNING,
                    "no daily backup configured on this node (PID " + BackupSchedule.PID + ": directory, keyFile, time)", Map.of());
        }
        return HealthResult.up("daily backup configured into " + s.directory(), Map.of("directory", s.directory().toString()));
    }

    @Override
    public boolean readiness() {
        return false;
    }
}
