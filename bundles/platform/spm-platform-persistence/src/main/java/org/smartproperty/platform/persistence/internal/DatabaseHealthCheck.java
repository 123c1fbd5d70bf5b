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

/**
 * Borrows a pooled connection and validates it; DOWN when the DataSource is missing or the database does not answer.
 * On PostgreSQL the details name the server the pool reached ({@code server}: address and port, useful behind a
 * multi-host URL after a failover) and a connection to a read-only standby is DOWN (issue 19 item 2); the pool's
 * counters ({@code pool}: active, idle, waiting, total) show callers queueing for connections.
 */
@Component(service = HealthCheck.class)
public class DatabaseHealthCheck implements HealthCheck {

    @Reference(target = "(osgi.jndi.service.name=spm)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource dataSource;

    public DatabaseHealthCheck() {
    }

    /** Tests: the check over {@code dataSource}. */
    DatabaseHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

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
            boolean standby = false;
            if (valid && md.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                try (java.sql.Statement s = c.createStatement();
                        java.sql.ResultSet rs = s.executeQuery("SELECT inet_server_addr()::text, inet_server_port(), pg_is_in_recovery()")) {
                    if (rs.next()) {
                        d.put("server", (rs.getString(1) == null ? "local socket" : rs.getString(1).replaceFirst("/\\d+$", "")) + ":" + rs.getInt(2));
                        standby = rs.getBoolean(3);
                        d.put("inRecovery", standby);
                    }
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            d.put("latencyMs", ms);
            d.put("slowAboveMs", SLOW_MS);
            pool(ds, d);
            if (!valid) {
                return HealthResult.down("connection not valid", d);
            }
            if (standby) {
                return HealthResult.down("connected to a read-only standby: writes fail (point the URL at the primary, or list every host with "
                        + "targetServerType=primary)", d);
            }
            return ms > SLOW_MS ? new HealthResult(HealthStatus.WARNING, "reachable but slow: " + ms + " ms", d) : HealthResult.up("reachable", d);
        } catch (Exception e) {
            Map<String, Object> d = new LinkedHashMap<>();
            pool(ds, d);
            return HealthResult.down("unreachable: " + e.getMessage(), d);
        }
    }

    /** The pool's counters, when it is HikariCP's. */
    private static void pool(DataSource ds, Map<String, Object> d) {
        try {
            if (ds.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
                com.zaxxer.hikari.HikariPoolMXBean mx = ds.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
                if (mx != null) {
                    d.put("pool", Map.of("active", mx.getActiveConnections(), "idle", mx.getIdleConnections(),
                            "waiting", mx.getThreadsAwaitingConnection(), "total", mx.getTotalConnections()));
                }
            }
        } catch (Exception | LinkageError ignored) {
            // counters are a courtesy
        }
    }
}
