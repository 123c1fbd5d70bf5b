package org.smartproperty.platform.pgcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The throwaway cluster itself: start, restart, standby by pg_basebackup -R, promotion, close (issue 19 item 2). */
class PgClusterTest {

    @Test
    void startRestartStandbyPromoteClose() {
        assumeTrue(PgCluster.available(), PgCluster::unavailableReason);
        Path data;
        Path standbyData;
        try (PgCluster primary = PgCluster.create().start()) {
            data = primary.dataDir();
            primary.createDatabase("spm");
            primary.psql("spm", "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)");
            primary.restart();
            assertEquals("1", primary.psql("spm", "SELECT count(*) FROM t").strip());
            assertFalse(primary.inRecovery());

            PgCluster standby = primary.createStandby();
            standbyData = standby.dataDir();
            assertTrue(standby.inRecovery(), "a standby made by pg_basebackup -R is in recovery");
            primary.psql("spm", "INSERT INTO t VALUES (2)");
            long end = System.currentTimeMillis() + 10_000;
            while (!"2".equals(standby.psql("spm", "SELECT count(*) FROM t").strip()) && System.currentTimeMillis() < end) {
                Thread.onSpinWait();
            }
            assertEquals("2", standby.psql("spm", "SELECT count(*) FROM t").strip(), "the standby streams the primary's WAL");
            assertThrows(IllegalStateException.class, () -> standby.psql("spm", "INSERT INTO t VALUES (3)"), "read-only before promotion");
            assertEquals("1", primary.psql("postgres", "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'spm_standby_"
                    + standby.port() + "' AND active").strip(), "the standby streams through a slot of its own");
            primary.psql("spm", "INSERT INTO t SELECT g FROM generate_series(10, 5009) g");
            standby.awaitCaughtUp(primary, java.time.Duration.ofSeconds(30));
            assertEquals("5002", standby.psql("spm", "SELECT count(*) FROM t").strip(), "caught up: every row the primary wrote");

            primary.stop();
            standby.promote();
            assertFalse(standby.inRecovery());
            standby.psql("spm", "INSERT INTO t VALUES (3)");
            assertEquals("5003", standby.psql("spm", "SELECT count(*) FROM t").strip());
            assertEquals("jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port() + "/spm?targetServerType=primary",
                    PgCluster.multiHostUrl("spm", primary, standby));
        }
        assertFalse(Files.exists(data), "close() deletes the folders");
        assertFalse(Files.exists(standbyData));
    }
}
