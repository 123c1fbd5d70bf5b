package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.smartproperty.ops.HealthProbes;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;

/**
 * Health check {@code disk} (OPS-2, OPS-4): free space for the data folder (database of the
 * embedded default, uploaded files, logs) and for the backup folder of the daily backup.
 */
@Component(service = HealthCheck.class, configurationPid = "org.smartproperty.ops.disk")
@Designate(ocd = DiskSpaceCheck.Config.class)
public class DiskSpaceCheck implements HealthCheck {

    @ObjectClassDefinition(name = "SmartProperty disk space check", description = "OPS-2")
    public @interface Config {
        @AttributeDefinition(description = "WARNING below this share of free space (%)")
        double warnBelowPercent() default 15;

        @AttributeDefinition(description = "DOWN below this share of free space (%)")
        double downBelowPercent() default 5;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DailyBackup backupSchedule;

    private volatile Config config;

    @Activate
    @Modified
    void configure(Config c) {
        this.config = c;
    }

    @Override
    public String name() {
        return "disk";
    }

    /** Operational, not a condition of serving: see {@link HealthCheck#readiness()}. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        Config c = config;
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus worst = HealthStatus.UP;
        StringBuilder summary = new StringBuilder();
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("data", ShellSupport.karafDir("karaf.data"));
        Path backups = backupDirectory();
        if (backups != null) {
            folders.put("backups", backups);
        }
        for (Map.Entry<String, Path> f : folders.entrySet()) {
            Path dir = f.getValue();
            while (dir != null && !java.nio.file.Files.isDirectory(dir) && dir.getParent() != null) {
                dir = dir.getParent(); // a backup folder not created yet: the space of where it will be
            }
            HealthResult r = HealthProbes.disk(f.getKey(), dir, c.warnBelowPercent(), c.downBelowPercent());
            worst = worst.worst(r.status());
            details.put(f.getKey(), r.details());
            summary.append(summary.length() == 0 ? "" : "; ").append(r.summary());
        }
        return new HealthResult(worst, summary.toString(), details);
    }

    /** The daily backup's folder, when the daily backup is configured. */
    private Path backupDirectory() {
        DailyBackup b = backupSchedule;
        return b == null ? null : b.directory();
    }
}
