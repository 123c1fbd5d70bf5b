package org.smartproperty.estate.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.estate.sync.RealEstateSync;
import org.smartproperty.estate.sync.SyncRun;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;

/**
 * INT-RE: runs the real-estate sync on a schedule. Only active when PID
 * {@code org.smartproperty.estate.sync} is configured ({@code intervalMinutes}); a run refused
 * because another one runs (409) or because the adapter is missing (503) is logged and the
 * schedule goes on.
 */
@Component(service = HealthCheck.class, immediate = true, configurationPid = "org.smartproperty.estate.sync", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RealEstateSyncScheduler.Config.class)
public class RealEstateSyncScheduler implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RealEstateSyncScheduler.class);

    /** PID {@code org.smartproperty.estate.sync}. */
    @ObjectClassDefinition(id = "org.smartproperty.estate.sync", name = "SmartProperty real-estate sync schedule (INT-RE)")
    public @interface Config {
        @AttributeDefinition(description = "Minutes between the end of one scheduled run and the start of the next", min = "1")
        long intervalMinutes() default 60;
    }

    @Reference
    private RealEstateSync sync;

    private ServiceRegistration<Job> job;

    public RealEstateSyncScheduler() {
    }

    /** Outside OSGi (tests): the job without a runner. */
    RealEstateSyncScheduler(RealEstateSync sync, Duration interval) {
        this.sync = sync;
        start(interval);
    }

    @Activate
    void activate(Config config, BundleContext context) {
        start(Duration.ofMinutes(Math.max(1, config.intervalMinutes())));
        job = context.registerService(Job.class, job(), null);
    }

    private volatile Duration interval;
    private volatile java.time.Instant startedAt;

    private void start(Duration interval) {
        this.interval = interval;
        this.startedAt = java.time.Instant.now();
        LOG.info("real-estate sync scheduled every {}", interval);
    }

    /**
     * The platform job {@code estate.realestate-sync} (issue 10 item 3): {@code intervalMinutes} after the end of
     * the previous run, one node at a time. A run refused because another one runs (409) or the adapter is
     * missing (503) is an OK run that did nothing; the schedule goes on either way.
     */
    Job job() {
        return Job.of("estate.realestate-sync", () -> JobSchedule.every(interval), c -> tick());
    }

    String tick() {
        try {
            SyncRun r = sync.run("scheduler");
            LOG.info("scheduled real-estate sync run {}: {}, read {}, created {}, updated {}, skipped {}", r.id(), r.status(), r.read(),
                    r.created(), r.updated(), r.skipped());
            return "run " + r.id() + " " + r.status() + ": read " + r.read() + ", created " + r.created() + ", updated " + r.updated()
                    + ", skipped " + r.skipped();
        } catch (ApiException e) {
            LOG.info("scheduled real-estate sync not run: {} {}", e.status(), e.code());
            return "not run: " + e.status() + " " + e.code();
        }
    }

    /** OPS-2: the scheduled job ran recently: its last run is younger than two intervals and did not fail. */
    @Override
    public String name() {
        return "job.realestate-sync";
    }

    /** Operational, not a condition of serving: see {@link HealthCheck#readiness()}. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        Duration every = interval;
        java.time.Instant now = java.time.Instant.now();
        java.util.List<SyncRun> last = sync.runs(1);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("intervalMinutes", every.toMinutes());
        if (last.isEmpty()) {
            boolean late = startedAt.plus(every.multipliedBy(2)).isBefore(now);
            return new HealthResult(late ? HealthStatus.WARNING : HealthStatus.UP, late ? "no run since the schedule started " + startedAt : "no run yet", d);
        }
        SyncRun r = last.get(0);
        java.time.Instant at = r.finishedAt() != null ? r.finishedAt() : r.startedAt();
        d.put("lastRun", r.id());
        d.put("lastStatus", r.status());
        d.put("lastAt", at.toString());
        if (SyncRun.FAILED.equals(r.status())) {
            return new HealthResult(HealthStatus.WARNING, "last run " + r.id() + " failed at " + at, d);
        }
        if (at.plus(every.multipliedBy(2)).isBefore(now) && startedAt.plus(every.multipliedBy(2)).isBefore(now)) {
            return new HealthResult(HealthStatus.WARNING, "late: last run " + at, d);
        }
        return HealthResult.up("last run " + r.status() + " at " + at, d);
    }

    @Deactivate
    void deactivate() {
        if (job != null) {
            try {
                job.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            job = null;
        }
    }
}
