package org.smartproperty.platform.persistence.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobRunner;
import org.smartproperty.platform.JobStatus;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * The platform's job runner (PID {@code org.smartproperty.jobs}): takes every {@link Job} service
 * (whiteboard) once its own table {@code plt_job} exists, and contributes the health check
 * {@code jobs} (WARNING when a job's last run failed or it is late by two periods; never a
 * readiness gate).
 */
@Component(service = {JobRunner.class, HealthCheck.class}, configurationPid = "org.smartproperty.jobs",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = JobRunnerConfig.class)
public class JobRunnerComponent implements JobRunner, HealthCheck {

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.platform.persistence)")
    private SchemaReady schema;

    private final Map<Job, Boolean> pending = new ConcurrentHashMap<>();
    private volatile JobEngine engine;

    @Activate
    void activate(JobRunnerConfig config) {
        JobEngine e = new JobEngine(dataSource, Clock.systemUTC(), JobEngine.nodeName(), config.threads(),
                Duration.ofSeconds(config.requestPollSeconds()));
        synchronized (this) {
            engine = e;
            pending.keySet().forEach(e::add);
        }
        if (config.enabled()) {
            e.start();
        }
    }

    @Deactivate
    void deactivate() {
        JobEngine e = engine;
        engine = null;
        if (e != null) {
            e.stop();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeJob")
    synchronized void addJob(Job job) {
        pending.put(job, Boolean.TRUE);
        if (engine != null) {
            engine.add(job);
        }
    }

    synchronized void removeJob(Job job) {
        pending.remove(job);
        if (engine != null) {
            engine.remove(job);
        }
    }

    @Override
    public List<JobStatus> jobs() {
        JobEngine e = engine;
        return e == null ? List.of() : e.jobs();
    }

    @Override
    public Optional<JobStatus> runNow(String name) {
        JobEngine e = engine;
        return e == null ? Optional.empty() : e.runNow(name);
    }

    @Override
    public String name() {
        return "jobs";
    }

    /** Operational, never a condition of serving. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        JobEngine e = engine;
        return e == null ? HealthResult.up("job runner not active", Map.of()) : e.health();
    }
}
