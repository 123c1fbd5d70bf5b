package org.smartproperty.platform.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily audit retention: deletes rows older than {@code audit.retentionDays} (never below 185).
 * On PostgreSQL one node at a time runs it (advisory lock), as every periodic job must.
 */
@Component(immediate = true)
public class AuditRetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetentionJob.class);
    /** Advisory lock key of this job ('spm' 'audit'). */
    static final long LOCK_KEY = 0x73706d_6175646974L;

    @Reference
    private AuditTrailImpl audit;

    @Reference
    private SecurityServiceImpl security;

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    private ScheduledExecutorService timer;

    @Activate
    void activate() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spm-audit-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::runOnce, 10, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        timer.shutdown();
    }

    void runOnce() {
        try (Connection lock = dataSource.getConnection()) {
            boolean postgres = lock.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            if (postgres) {
                try (PreparedStatement ps = lock.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    ps.setLong(1, LOCK_KEY);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            return; // another node runs it
                        }
                    }
                }
            }
            try {
                int n = audit.purge(security.policy().auditRetentionDays());
                LOG.info("Audit retention: {} rows older than {} days deleted", n, security.policy().auditRetentionDays());
            } finally {
                if (postgres) {
                    try (PreparedStatement ps = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        ps.setLong(1, LOCK_KEY);
                        ps.execute();
                    }
                }
            }
        } catch (Exception e) {
            LOG.error("Audit retention run failed: {}", e.toString(), e);
        }
    }
}
