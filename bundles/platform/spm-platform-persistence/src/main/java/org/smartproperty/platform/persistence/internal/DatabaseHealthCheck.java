package org.smartproperty.platform.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;

/** Borrows a pooled connection and validates it; DOWN when the DataSource is missing or the database does not answer. */
@Component(service = HealthCheck.class)
public class DatabaseHealthCheck implements HealthCheck {

    @Reference(target = "(osgi.jndi.service.name=spm)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource dataSource;

    /** A connection plus validation slower than this is a WARNING (OPS-2: database latency). */
    static final long SLOW_MS = Long.getLong("spm.health.db.slowMs", 500);

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthResult check() {
        DataSource ds = dataSource;
        if (ds == null) {
            return HealthResult.down("no DataSource spm (driver missing or configuration invalid)", Map.of());
        }
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            boolean valid = c.isValid(2);
            DatabaseMetaData md = c.getMetaData();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("product", md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            d.put("latencyMs", ms);
            d.put("slowAboveMs", SLOW_MS);
            if (!valid) {
                return HealthResult.down("connection not valid", d);
            }
            return ms > SLOW_MS ? new HealthResult(HealthStatus.WARNING, "reachable but slow: " + ms + " ms", d) : HealthResult.up("reachable", d);
        } catch (Exception e) {
            return HealthResult.down("unreachable: " + e.getMessage(), Map.of());
        }
    }
}
