package org.smartproperty.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.postgresql.osgi.PGDataSourceFactory;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.DbSettings;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.PoolSettings;
import org.smartproperty.platform.pgcluster.PgCluster;

/**
 * Issue 19 item 2, standby promotion: a primary and its streaming standby ({@code pg_basebackup -R}) behind one
 * multi-host URL with {@code targetServerType=primary}; under write load the primary is stopped and the standby
 * promoted ({@code pg_ctl promote}); the same pool, never re-created, writes to the new primary, and every write
 * acknowledged before the switch is on it. The database check (readiness) names the server reached before and after,
 * and is DOWN on a URL that reaches only a standby.
 */
class PoolPromotionPostgresTest {

    @Test
    void theSamePoolFollowsTheNewPrimaryAfterPromotion() throws Exception {
        assumeTrue(PgCluster.available(), PgCluster::unavailableReason);
        try (PgCluster primary = PgCluster.create().start()) {
            primary.createDatabase("spm");
            primary.psql("spm", "CREATE TABLE w (id bigint PRIMARY KEY, writer int NOT NULL, at timestamptz NOT NULL DEFAULT now())");
            PgCluster standby = primary.createStandby();
            String url = PgCluster.multiHostUrl("spm", primary, standby);
            DbSettings settings = new DbSettings(url, PgCluster.USER, null);
            assertEquals("postgresql", settings.kind());
            try (HikariDataSource pool = DataSourceComponent.createPool(new PGDataSourceFactory(), settings, new PoolSettings(4, 3000, 30000))) {
                assertEquals(primary.port(), serverPort(pool), "targetServerType=primary picks the primary");
                DatabaseHealthCheck health = new DatabaseHealthCheck(pool);
                HealthResult before = health.check();
                assertEquals(HealthStatus.UP, before.status(), before.summary());
                assertEquals("127.0.0.1:" + primary.port(), before.details().get("server"));
                org.postgresql.ds.PGSimpleDataSource standbyOnly = new org.postgresql.ds.PGSimpleDataSource();
                standbyOnly.setURL(standby.jdbcUrl("spm"));
                standbyOnly.setUser(PgCluster.USER);
                HealthResult onStandby = new DatabaseHealthCheck(standbyOnly).check();
                assertEquals(HealthStatus.DOWN, onStandby.status(), "a URL that reaches only the standby: " + onStandby.summary());
                assertTrue(onStandby.summary().contains("standby"), onStandby.summary());
                Writers w = new Writers(pool, 3, 5).start();
                Thread.sleep(1500);
                int beforeSwitch = w.acknowledged.size();

                long stopAt = System.nanoTime();
                primary.stop(); // fast: the walsender hands the standby everything up to the shutdown checkpoint
                // the operator's reaction time: readiness says the database is DOWN (within the pool's connection timeout)
                long checkAt = System.nanoTime();
                HealthResult window = health.check();
                long checkMs = (System.nanoTime() - checkAt) / 1_000_000;
                assertEquals(HealthStatus.DOWN, window.status(), "no primary: " + window.summary());
                assertTrue(checkMs < 3000 + 1500, "the check answered after " + checkMs + " ms");
                System.out.printf("between stop and promotion the database check is DOWN after %d ms: %s%n", checkMs, window.summary());
                long promoteAt = System.nanoTime();
                standby.promote();
                long promoted = System.nanoTime();
                long end = System.currentTimeMillis() + 15_000;
                while (w.okAfter(promoted) < 20 && System.currentTimeMillis() < end) {
                    Thread.sleep(50);
                }
                w.stop();

                assertTrue(w.unexpected.isEmpty(), "only connection-class failures, got:" + Writers.describe(w.unexpected));
                assertFalse(standby.inRecovery());
                long firstOk = w.firstOkAfter(promoted);
                assertTrue(firstOk >= 0, "no write reached the new primary; faults:" + Writers.describe(w.faults));
                assertTrue(firstOk < 12_000_000_000L, "first write " + firstOk / 1_000_000 + " ms after promotion");
                assertEquals(standby.port(), serverPort(pool), "the same pool now writes to the promoted standby");
                HealthResult after = health.check();
                assertEquals(HealthStatus.UP, after.status(), after.summary());
                assertEquals("127.0.0.1:" + standby.port(), after.details().get("server"), "readiness names the new primary");
                Set<Long> stored = Writers.stored(pool);
                Set<Long> lost = new HashSet<>(w.acknowledged);
                lost.removeAll(stored);
                assertTrue(lost.isEmpty(), lost.size() + " acknowledged writes missing on the new primary, e.g. " + lost.stream().limit(5).toList());
                System.out.printf("promotion: %d writes acknowledged before the primary stopped, %d in all, all on the new primary;"
                                + " %d connection-class failures; pg_ctl promote took %d ms; first write on the new primary %d ms after promotion"
                                + " (%d ms after the promotion began, %d ms after the primary stopped)%n",
                        beforeSwitch, w.acknowledged.size(), w.faults.size(), (promoted - promoteAt) / 1_000_000, firstOk / 1_000_000,
                        (promoted - promoteAt + firstOk) / 1_000_000, (promoted - stopAt + firstOk) / 1_000_000);
            }
        }
    }

    private static int serverPort(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW port")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }
}
