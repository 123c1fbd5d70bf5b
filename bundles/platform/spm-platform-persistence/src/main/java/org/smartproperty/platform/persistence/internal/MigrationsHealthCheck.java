package org.smartproperty.platform.persistence.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;

/** DOWN when any bundle's changelog failed or is still running. */
@Component(service = HealthCheck.class)
public class MigrationsHealthCheck implements HealthCheck {

    @Reference
    private MigrationTracker tracker;

    @Override
    public String name() {
        return "migrations";
    }

    @Override
    public HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status = HealthStatus.UP;
        int failed = 0;
        for (MigrationState s : tracker.states()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("changelog", s.changelog());
            d.put("status", s.status().name());
            d.put("at", s.at().toString());
            if (s.error() != null) {
                d.put("error", s.error());
            }
            details.put(s.bundle(), d);
            if (s.status() != MigrationState.Status.APPLIED) {
                status = HealthStatus.DOWN;
                failed++;
            }
        }
        return new HealthResult(status, failed == 0 ? details.size() + " changelogs applied" : failed + " changelogs not applied", details);
    }
}
