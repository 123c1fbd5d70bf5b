package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

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
import org.smartproperty.ops.BackupKey;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.Progress;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;

/**
 * The platform's daily backup (OPS-3): at {@code time} (server time zone) a backup of the
 * database, {@code data/files} and {@code etc/} into {@code directory}, then prune by the
 * retention. Health check {@code backup}: DOWN when the last daily backup failed or the newest
 * is older than {@code maxAgeHours} (26 h); WARNING while no backup was due yet. Only active with
 * configuration PID {@code org.smartproperty.ops.backup}.
 */
@Component(configurationPid = BackupSchedule.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {HealthCheck.class, DailyBackup.class}, immediate = true)
@Designate(ocd = BackupSchedule.Config.class)
public class BackupSchedule implements HealthCheck, DailyBackup {

    static final String PID = "org.smartproperty.ops.backup";
    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);

    @ObjectClassDefinition(name = "SmartProperty daily backup", description = "OPS-3")
    public @interface Config {
        @AttributeDefinition(description = "folder of the archives (absolute, or relative to karaf.data's parent)")
        String directory();

        @AttributeDefinition(description = "AES-256 key file; empty only together with noEncryption")
        String keyFile() default "";

        boolean noEncryption() default false;

        @AttributeDefinition(description = "time of day, HH:mm, server time zone")
        String time() default "02:30";

        int daily() default 7;

        int weekly() default 4;

        int monthly() default 12;

        int maxAgeHours() default 26;
    }

    @Reference(target = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    private final Clock clock;
    private final BackupService backups;
    private volatile Config config;
    private volatile Instant activatedAt;
    private ServiceRegistration<Job> job;

    public BackupSchedule() {
        this(Clock.systemDefaultZone());
    }

    BackupSchedule(Clock clock) {
        this.clock = clock;
        this.backups = new BackupService(clock, java.util.zip.Deflater.BEST_SPEED);
    }

    @Activate
    void start(Config c, BundleContext context) {
        activate(c);
        job = context.registerService(Job.class, job(), null);
    }

    /** Lets a running backup finish: the runner never interrupts a thread in JDBC (CONTRIBUTING). */
    @Deactivate
    void stop() {
        if (job != null) {
            try {
                job.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            job = null;
        }
        deactivate();
    }

    void activate(Config c) {
        this.config = c;
        this.activatedAt = clock.instant();
        JobSchedule s = schedule();
        LOG.info("Daily backup at {} into {} (first {})", c.time(), directory(), s.first(clock.instant()));
    }

    void deactivate() {
        // the schedule is the job runner's
    }

    /** Daily at {@code time} in the server's time zone. */
    JobSchedule schedule() {
        return JobSchedule.dailyAt(LocalTime.parse(config.time()), clock.getZone());
    }

    /**
     * The platform job {@code ops.backup} (issue 10 item 3): daily at {@code time}, on every node that has this
     * PID (each backs up its own {@code data/files} and {@code etc/} into its own folder; the health check
     * {@code backup} reads that folder).
     */
    Job job() {
        return Job.perNode("ops.backup", this::schedule, ctx -> "written " + runNow().getFileName());
    }

    @Override
    public Path directory() {
        Path p = Path.of(config.directory());
        if (!p.isAbsolute() && System.getProperty("karaf.data") != null) {
            p = Path.of(System.getProperty("karaf.data")).getParent().resolve(p);
        }
        return p;
    }

    /** One scheduled run: backup, then prune. A failure is recorded (records file) and shown by the health check. */
    Path runNow() {
        Config c = config;
        BackupKey key = c.keyFile().isBlank() ? (c.noEncryption() ? BackupKey.NONE : null) : null;
        Path dir = directory();
        if (key == null) {
            try {
                key = ShellSupport.key(c.keyFile().isBlank() ? null : c.keyFile(), c.noEncryption());
            } catch (OpsException e) {
                backupsRecordFailure(dir, e);
                throw e;
            }
        }
        Path archive = backups.create(dataSource, ShellSupport.karafDir("karaf.data"), ShellSupport.karafDir("karaf.etc"), dir, key, Progress.NONE);
        LOG.info("Daily backup written: {}", archive);
        backups.prune(dir, c.daily(), c.weekly(), c.monthly(), false);
        return archive;
    }

    private void backupsRecordFailure(Path dir, OpsException e) {
        backups.record(dir, "backup.failed", java.util.Map.of("error", String.valueOf(e.getMessage())));
    }

    @Override
    public String name() {
        return "backup";
    }

    /** Operational, not a condition of serving: see {@link HealthCheck#readiness()}. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        Config c = config;
        if (c == null) {
            return new HealthResult(HealthStatus.WARNING, OpsMessages.format(Locale.ENGLISH, "health.backup.notConfigured"), Map.of());
        }
        Path dir = directory();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("directory", dir.toString());
        d.put("time", c.time());
        List<Map<String, Object>> records;
        try {
            records = backups.records(dir);
        } catch (RuntimeException e) {
            records = List.of();
        }
        Map<String, Object> lastCreated = null;
        Map<String, Object> lastFailed = null;
        for (Map<String, Object> r : records) {
            if ("backup.created".equals(r.get("type"))) {
                lastCreated = r;
            } else if ("backup.failed".equals(r.get("type"))) {
                lastFailed = r;
            }
        }
        Instant createdAt = lastCreated == null ? null : Instant.parse((String) lastCreated.get("at"));
        Instant failedAt = lastFailed == null ? null : Instant.parse((String) lastFailed.get("at"));
        Duration maxAge = Duration.ofHours(c.maxAgeHours());
        if (failedAt != null && (createdAt == null || failedAt.isAfter(createdAt))) {
            d.put("failedAt", failedAt.toString());
            return HealthResult.down(OpsMessages.format(Locale.ENGLISH, "health.backup.failed", failedAt, lastFailed.get("error")), d);
        }
        if (createdAt == null) {
            if (Duration.between(activatedAt, clock.instant()).compareTo(maxAge) > 0) {
                return HealthResult.down(OpsMessages.format(Locale.ENGLISH, "health.backup.none", dir), d);
            }
            return new HealthResult(HealthStatus.WARNING, OpsMessages.format(Locale.ENGLISH, "health.backup.none", dir), d);
        }
        d.put("lastBackup", lastCreated.get("archive"));
        d.put("lastBackupAt", createdAt.toString());
        if (Duration.between(createdAt, clock.instant()).compareTo(maxAge) > 0) {
            return HealthResult.down(OpsMessages.format(Locale.ENGLISH, "health.backup.old", createdAt, c.maxAgeHours()), d);
        }
        return HealthResult.up(OpsMessages.format(Locale.ENGLISH, "health.backup.ok", createdAt, lastCreated.get("archive")), d);
    }
}
