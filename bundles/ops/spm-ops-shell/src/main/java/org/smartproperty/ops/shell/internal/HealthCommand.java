package org.smartproperty.ops.shell.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthChecks;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;

/**
 * {@code spm:health}: every {@link HealthCheck} of the running platform, run as the REST readiness
 * probe runs them ({@link HealthChecks}: at once, 5 s deadline), rendered as a table (OPS-2).
 */
@Command(scope = "spm", name = "health", description = "Deep health checks of this node (database, migrations, bundles, service read, jobs, outbox, disk, backup, TLS)")
@Service
public class HealthCommand implements Action {

    @Reference
    BundleContext context;

    @Option(name = "--details", aliases = "-d", description = "show each check's details")
    boolean details;

    @Override
    public Object execute() throws Exception {
        List<ServiceReference<HealthCheck>> refs = new ArrayList<>(context.getServiceReferences(HealthCheck.class, null));
        List<HealthCheck> checks = new ArrayList<>();
        for (ServiceReference<HealthCheck> r : refs) {
            HealthCheck c = context.getService(r);
            if (c != null) {
                checks.add(c);
            }
        }
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            Map<String, HealthResult> results = HealthChecks.run(checks, executor, Duration.ofSeconds(5));
            HealthStatus overall = HealthChecks.overall(results);
            StringBuilder out = new StringBuilder(String.format("%-26s %-8s %s%n", "CHECK", "STATUS", "SUMMARY"));
            for (Map.Entry<String, HealthResult> e : results.entrySet()) {
                out.append(String.format("%-26s %-8s %s%n", e.getKey(), e.getValue().status(), e.getValue().summary()));
                if (details && !e.getValue().details().isEmpty()) {
                    out.append(String.format("%-26s %-8s %s%n", "", "", e.getValue().details()));
                }
            }
            out.append(String.format("%-26s %-8s%n", "OVERALL", overall));
            return out.toString();
        } finally {
            executor.shutdownNow();
            for (ServiceReference<HealthCheck> r : refs) {
                context.ungetService(r);
            }
        }
    }
}
