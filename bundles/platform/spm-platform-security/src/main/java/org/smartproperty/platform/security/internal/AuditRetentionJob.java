package org.smartproperty.platform.security.internal;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;

/**
 * Daily audit retention: deletes rows older than {@code audit.retentionDays} (never below 185).
 * A platform job ({@code security.audit-retention}, issue 10 item 3): once a day, the first run 10
 * minutes after start, one node at a time through the job runner's cluster lock.
 */
@Component(immediate = true)
public class AuditRetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetentionJob.class);

    @Reference
    private AuditLog audit;

    @Reference
    private SecurityService security;

    private ServiceRegistration<Job> job;

    @Activate
    void activate(BundleContext context) {
        job = context.registerService(Job.class, Job.of("security.audit-retention",
                () -> JobSchedule.every(Duration.ofDays(1), Duration.ofMinutes(10)), c -> runOnce()), null);
    }

    @Deactivate
    void deactivate() {
        try {
            job.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }

    String runOnce() {
        int days = security.policy().auditRetentionDays();
        int n = audit.purge(days);
        LOG.info("Audit retention: {} rows older than {} days deleted", n, days);
        return n + " row(s) older than " + Math.max(days, AuditTrailImpl.MIN_RETENTION_DAYS) + " days deleted";
    }
}
