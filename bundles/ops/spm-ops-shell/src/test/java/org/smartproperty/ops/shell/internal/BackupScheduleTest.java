package org.smartproperty.ops.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.ops.BackupKey;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.Progress;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-3: the daily backup and its health check "backup" (DOWN when the last one failed or is older than 26 h). */
class BackupScheduleTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    Path tmp;

    @BeforeAll
    static void schema() throws Exception {
        db.migrate("db/estate.changelog.xml");
    }

    static BackupSchedule.Config config(Path dir, String keyFile, boolean noEncryption) {
        return new BackupSchedule.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BackupSchedule.Config.class;
            }

            @Override
            public String directory() {
                return dir.toString();
            }

            @Override
            public String keyFile() {
                return keyFile;
            }

            @Override
            public boolean noEncryption() {
                return noEncryption;
            }

            @Override
            public String time() {
                return "02:30";
            }

            @Override
            public int daily() {
                return 7;
            }

            @Override
            public int weekly() {
                return 4;
            }

            @Override
            public int monthly() {
                return 12;
            }

            @Override
            public int maxAgeHours() {
                return 26;
            }
        };
    }

    @Test
    void healthIsUpAfterABackupAndDownWhenItIsOlderThan26h_OPS_3() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        BackupSchedule s = new BackupSchedule(clock);
        s.dataSource = db.dataSource();
        Path key = tmp.resolve("k");
        BackupKey.generate(key);
        s.activate(config(tmp.resolve("backups"), key.toString(), false));
        try {
            assertEquals(HealthStatus.WARNING, s.check().status(), "no backup due yet");
            Path archive = s.runNow();
            assertTrue(new BackupService().verify(archive, BackupKey.load(key), Progress.NONE).ok());
            assertEquals(HealthStatus.UP, s.check().status(), s.check().summary());
            clock.plus(Duration.ofHours(27));
            assertEquals(HealthStatus.DOWN, s.check().status(), "older than 26 h");
        } finally {
            s.deactivate();
        }
    }

    @Test
    void aFailedDailyBackupIsDown_OPS_3() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        BackupSchedule s = new BackupSchedule(clock);
        s.dataSource = db.dataSource();
        s.activate(config(tmp.resolve("backups"), tmp.resolve("missing.key").toString(), false));
        try {
            assertThrows(OpsException.class, s::runNow);
            assertEquals(HealthStatus.DOWN, s.check().status());
            assertTrue(s.check().summary().contains("failed"), s.check().summary());
        } finally {
            s.deactivate();
        }
    }

    @Test
    void noBackupForMoreThan26hAfterStartIsDown_OPS_3() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        BackupSchedule s = new BackupSchedule(clock);
        s.dataSource = db.dataSource();
        Files.createDirectories(tmp.resolve("b"));
        s.activate(config(tmp.resolve("b"), "", true));
        try {
            clock.plus(Duration.ofHours(27));
            assertEquals(HealthStatus.DOWN, s.check().status());
        } finally {
            s.deactivate();
        }
    }
}
