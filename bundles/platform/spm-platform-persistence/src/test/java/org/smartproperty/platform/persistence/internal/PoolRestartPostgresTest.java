package org.smartproperty.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.osgi.PGDataSourceFactory;
import org.smartproperty.platform.persistence.DatabaseFaults;
import org.smartproperty.platform.persistence.StatementTimeouts;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.DbSettings;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.PoolSettings;
import org.smartproperty.platform.pgcluster.PgCluster;

/**
 * Issue 19 item 2 on a real, throwaway PostgreSQL 15 cluster and the pool exactly as {@link DataSourceComponent}
 * builds it (pgjdbc's own OSGi DataSourceFactory): the database restarted under write load ({@code pg_ctl restart -m
 * fast}) loses no acknowledged write, fails only with connection-class errors and is written again within seconds by
 * the same pool (and so after {@code -m immediate}, a crash of the server processes); a statement past the statement timeout is cancelled (57014) in time; no connection in time is a
 * transient connection failure, not a hang.
 */
class PoolRestartPostgresTest {

    static final long STATEMENT_TIMEOUT_MS = 1500;
    static PgCluster pg;
    static HikariDataSource pool;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PgCluster.available(), PgCluster::unavailableReason);
        pg = PgCluster.create().start();
        pg.createDatabase("spm");
        pg.psql("spm", "CREATE TABLE w (id bigint PRIMARY KEY, writer int NOT NULL, at timestamptz NOT NULL DEFAULT now())");
        pool = DataSourceComponent.createPool(new PGDataSourceFactory(), new DbSettings(pg.jdbcUrl("spm"), PgCluster.USER, null),
                new PoolSettings(6, 5000, STATEMENT_TIMEOUT_MS));
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    /** {@code fast}: the operator's restart; {@code immediate}: the server processes crash and recover from the WAL. */
    @ParameterizedTest
    @ValueSource(strings = {"fast", "immediate"})
    void restartUnderWriteLoadLosesNoAcknowledgedWriteAndThePoolRecoversByItself(String mode) throws Exception {
        Writers w = new Writers(pool, 4, 2).start();
        Thread.sleep(1500);
        long before = w.acknowledged.size();
        long t0 = System.nanoTime();
        pg.restart(mode); // every session is terminated (57P01, or cut for immediate), the server is down, then up again
        long t1 = System.nanoTime();
        long end = System.currentTimeMillis() + 10_000;
        while (w.okAfter(t1) < 20 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        w.stop();

        assertTrue(w.unexpected.isEmpty(), "only connection-class failures, got:" + Writers.describe(w.unexpected));
        Set<Long> stored = Writers.stored(pool);
        Set<Long> lost = new HashSet<>(w.acknowledged);
        lost.removeAll(stored);
        assertTrue(lost.isEmpty(), lost.size() + " acknowledged writes lost, e.g. " + lost.stream().limit(5).toList());
        long firstOk = w.firstOkAfter(t1);
        assertTrue(firstOk >= 0, "no write succeeded after the restart; faults:" + Writers.describe(w.faults));
        assertTrue(firstOk < 5_000_000_000L, "the pool took " + firstOk / 1_000_000 + " ms after the restart to write again");
        assertFalse(pool.isClosed());
        assertTrue(w.okAfter(t1) >= 20, "writes go on after the restart");
        System.out.printf("restart -m " + mode + " under write load: %d writes acknowledged before, %d in all, all stored (%d rows in the table); %d connection-class failures;"
                        + " pg_ctl restart took %d ms; first write acknowledged %d ms after the server was back (%d ms after the restart began)%n",
                before, w.acknowledged.size(), stored.size(), w.faults.size(), (t1 - t0) / 1_000_000, firstOk / 1_000_000,
                w.firstOkAfter(t0) < 0 ? -1 : (t1 - t0 + firstOk) / 1_000_000);
    }

    @Test
    void aStatementPastTheTimeoutIsCancelledInTime() throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            assertEquals(STATEMENT_TIMEOUT_MS, StatementTimeouts.current(c), "set on every pooled connection");
            long t = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(10)"));
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertEquals(StatementTimeouts.QUERY_CANCELED, e.getSQLState(), e.toString());
            assertEquals(DatabaseFaults.Fault.SLOW, DatabaseFaults.of(e));
            assertTrue(ms >= STATEMENT_TIMEOUT_MS - 100 && ms < STATEMENT_TIMEOUT_MS + 2000, "cancelled after " + ms + " ms");
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next(), "the connection serves the next statement");
            }
            System.out.printf("pg_sleep(10) with statement timeout %d ms: 57014 after %d ms%n", STATEMENT_TIMEOUT_MS, ms);
        }
    }

    @Test
    void longWorkLiftsTheTimeoutAndGivesItBack() throws Exception {
        try (Connection c = pool.getConnection()) {
            try (StatementTimeouts.Lifted lifted = StatementTimeouts.lift(c); Statement s = c.createStatement()) {
                assertEquals(0, StatementTimeouts.current(c));
                s.execute("SELECT pg_sleep(" + (STATEMENT_TIMEOUT_MS + 300) / 1000.0 + ")");
            }
            assertEquals(STATEMENT_TIMEOUT_MS, StatementTimeouts.current(c), "restored before the connection goes back to the pool");
        }
    }

    @Test
    void liftedInsideATransactionTheTimeoutComesBackWhetherTheWorkCommitsOrFails() throws Exception {
        try (HikariDataSource one = DataSourceComponent.createPool(new PGDataSourceFactory(), new DbSettings(pg.jdbcUrl("spm"), PgCluster.USER, null),
                new PoolSettings(1, 5000, STATEMENT_TIMEOUT_MS))) {
            org.smartproperty.platform.Jdbc.write(one, c -> {
                try (StatementTimeouts.Lifted lifted = StatementTimeouts.lift(c); Statement s = c.createStatement()) {
                    s.execute("SELECT pg_sleep(" + (STATEMENT_TIMEOUT_MS + 300) / 1000.0 + ")");
                }
                return null;
            });
            assertThrows(IllegalStateException.class, () -> org.smartproperty.platform.Jdbc.write(one, c -> {
                try (StatementTimeouts.Lifted lifted = StatementTimeouts.lift(c); Statement s = c.createStatement()) {
                    s.execute("SELECT 1 / 0"); // the transaction is aborted: the restore must still happen
                }
                return null;
            }));
            try (Connection c = one.getConnection()) {
                assertEquals(STATEMENT_TIMEOUT_MS, StatementTimeouts.current(c), "the pool's only connection after both");
            }
        }
    }

    @Test
    void aMigrationGivesItsConnectionBackWithTheStatementTimeout() throws Exception {
        try (HikariDataSource one = DataSourceComponent.createPool(new PGDataSourceFactory(), new DbSettings(pg.jdbcUrl("spm"), PgCluster.USER, null),
                new PoolSettings(1, 5000, STATEMENT_TIMEOUT_MS))) {
            assertEquals(1, org.smartproperty.platform.persistence.Migrations.migrate(one, "db/platform-jobs.changelog.xml",
                    new liquibase.resource.ClassLoaderResourceAccessor(getClass().getClassLoader())) > 0 ? 1 : 0);
            try (Connection c = one.getConnection()) {
                assertEquals(STATEMENT_TIMEOUT_MS, StatementTimeouts.current(c), "the pool's only connection, after Liquibase closed it");
            }
        }
    }

    @Test
    void aServerThatStopsAnsweringFailsTheCallAfterTheSocketTimeoutInsteadOfHoldingTheThread() throws Exception {
        try (Connection c = pool.getConnection()) {
            assertEquals((STATEMENT_TIMEOUT_MS + DataSourceComponent.SOCKET_TIMEOUT_MARGIN_MS + 999) / 1000 * 1000, c.getNetworkTimeout(),
                    "the pool's socketTimeout: statement timeout + 30 s");
            try (StatementTimeouts.Lifted lifted = StatementTimeouts.lift(c)) {
                assertEquals(0, c.getNetworkTimeout(), "lifted with the statement timeout");
            }
            assertEquals((STATEMENT_TIMEOUT_MS + DataSourceComponent.SOCKET_TIMEOUT_MARGIN_MS + 999) / 1000 * 1000, c.getNetworkTimeout());
        }
        // a frozen backend (SIGSTOP: the connection stays open, nothing answers) with a socketTimeout of 2 s from the URL
        try (HikariDataSource frozen = DataSourceComponent.createPool(new PGDataSourceFactory(),
                new DbSettings(pg.jdbcUrl("spm") + "?socketTimeout=2", PgCluster.USER, null), new PoolSettings(2, 5000, STATEMENT_TIMEOUT_MS))) {
            try (Connection c = frozen.getConnection(); Statement s = c.createStatement()) {
                String pid;
                try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pid = rs.getString(1);
                }
                signal("-STOP", pid);
                try {
                    long t = System.nanoTime();
                    SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1").close());
                    long ms = (System.nanoTime() - t) / 1_000_000;
                    assertEquals(DatabaseFaults.Fault.UNAVAILABLE, DatabaseFaults.of(e), e + " [" + e.getSQLState() + "]");
                    assertTrue(ms >= 1900 && ms < 5000, "failed after " + ms + " ms");
                    System.out.printf("frozen backend, socketTimeout 2 s: %s [%s] after %d ms%n", e.getMessage(), e.getSQLState(), ms);
                } finally {
                    signal("-CONT", pid);
                }
            }
            try (Connection c = frozen.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next(), "the pool replaced the lost connection");
            }
        }
    }

    /** The pool's first connection; on a loaded machine opening it may take longer than a short connection timeout. */
    private static Connection firstConnection(HikariDataSource ds) throws Exception {
        long end = System.currentTimeMillis() + 15_000;
        while (true) {
            try {
                return ds.getConnection();
            } catch (SQLException notYet) {
                if (System.currentTimeMillis() > end) {
                    throw notYet;
                }
            }
        }
    }

    private static void signal(String signal, String pid) throws Exception {
        Process p = new ProcessBuilder("kill", signal, pid).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "kill " + signal + " " + pid + ": " + out);
    }

    @Test
    void noConnectionInTimeIsATransientConnectionFailureNotAHang() throws Exception {
        try (HikariDataSource one = DataSourceComponent.createPool(new PGDataSourceFactory(), new DbSettings(pg.jdbcUrl("spm"), PgCluster.USER, null),
                new PoolSettings(1, 500, STATEMENT_TIMEOUT_MS)); Connection held = firstConnection(one)) {
            long t = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, one::getConnection);
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertEquals(DatabaseFaults.Fault.UNAVAILABLE, DatabaseFaults.of(e), e.toString());
            assertTrue(ms < 2000, "gave up after " + ms + " ms");
            assertFalse(held.isClosed());
        }
    }
}
