package org.smartproperty.estate.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

    private ScheduledExecutorService executor;

    public RealEstateSyncScheduler() {
    }

    /** Outside OSGi (tests). */
    RealEstateSyncScheduler(RealEstateSync sync, Duration interval) {
        this.sync = sync;
        start(interval);
    }

    @Activate
    void activate(Config config) {
        start(Duration.ofMinutes(Math.max(1, config.intervalMinutes())));
    }

    private volatile Duration interval;
    private volatile java.time.Instant startedAt;

    private void start(Duration interval) {
        this.interval = interval;
        this.startedAt = java.time.Instant.now();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spm-realestate-sync-schedule");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("real-estate sync scheduled every {}", interval);
    }

    void tick() {
        try {
            SyncRun r = sync.run("scheduler");
            LOG.info("scheduled real-estate sync run {}: {}, read {}, created {}, updated {}, skipped {}", r.id(), r.status(), r.read(),
                    r.created(), r.updated(), r.skipped());
        } catch (ApiException e) {
            LOG.info("scheduled real-estate sync not run: {} {}", e.status(), e.code());
        } catch (RuntimeException e) {
            LOG.warn("scheduled real-estate sync failed", e);
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
        if (executor != null) {
            executor.shutdown(); // never interrupt: a run may be inside JDBC
            executor = null;
        }
    }
}
