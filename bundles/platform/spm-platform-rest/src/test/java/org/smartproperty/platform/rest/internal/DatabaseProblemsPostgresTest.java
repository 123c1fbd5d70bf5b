package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.persistence.EntityManagerFactory;
import javax.ws.rs.core.Response;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.osgi.PGDataSourceFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.persistence.internal.DataSourceComponent;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.DbSettings;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.PoolSettings;
import org.smartproperty.platform.pgcluster.PgCluster;

/**
 * Issue 19 item 2 end to end below HTTP: a real PostgreSQL cluster, the platform's pool, EclipseLink and
 * {@link Transactions} as a service uses them (and plain JDBC through {@code Jdbc.write}), and the exception mappers of the API. A statement past the statement
 * timeout is a 503 {@code problem.database.slow} in about the timeout; calls that meet a restart of the database are
 * 503 {@code problem.database.unavailable} with Retry-After, never 500, none waiting longer than the pool's connection
 * timeout; a stopped database answers 503 within the connection timeout and the same pool serves again once it is back.
 */
class DatabaseProblemsPostgresTest {

    static final long CONNECTION_TIMEOUT_MS = 2000;
    static final long STATEMENT_TIMEOUT_MS = 1000;
    static PgCluster pg;
    static HikariDataSource pool;
    static EntityManagerFactory emf;
    static Transactions tx;
    static final AtomicLong IDS = new AtomicLong();
    /** Every failure that would have been a 500, for the message of the failing assertion. */
    static final ConcurrentLinkedQueue<Throwable> INTERNAL = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PgCluster.available(), PgCluster::unavailableReason);
        pg = PgCluster.create().start();
        pg.createDatabase("spm");
        pg.psql("spm", "CREATE TABLE w (id bigint PRIMARY KEY)");
        pool = DataSourceComponent.createPool(new PGDataSourceFactory(), new DbSettings(pg.jdbcUrl("spm"), PgCluster.USER, null),
                new PoolSettings(6, CONNECTION_TIMEOUT_MS, STATEMENT_TIMEOUT_MS));
        emf = JpaUnits.create("db-faults-test", pool, DatabaseProblemsPostgresTest.class.getClassLoader());
        tx = new Transactions(emf, "test");
    }

    @AfterAll
    static void stop() {
        if (emf != null) {
            emf.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    /** What the API answers for one call: 200, or the mapped problem (as JAX-RS picks the most specific mapper). */
    static Response call(Supplier<?> work) {
        RequestContext.set(Locale.ENGLISH, "/api/v1/test");
        try {
            work.get();
            return Response.ok().build();
        } catch (ApiException e) {
            return new ProblemMappers.ApiExceptionMapper().toResponse(e);
        } catch (RuntimeException e) {
            Response r = new ProblemMappers.ThrowableMapper().toResponse(e);
            if (r.getStatus() == 500) {
                INTERNAL.add(e);
            }
            return r;
        } finally {
            RequestContext.clear();
        }
    }

    /** An insert as a service does it: through JPA and {@link Transactions} (odd ids) or plain JDBC and {@code Jdbc.write} (even ids). */
    static Response insert(long id) {
        if (id % 2 == 0) {
            return call(() -> org.smartproperty.platform.Jdbc.write(pool, c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO w (id) VALUES (?)")) {
                    ps.setLong(1, id);
                    return ps.executeUpdate();
                }
            }));
        }
        return call(() -> tx.write(em -> em.createNativeQuery("INSERT INTO w (id) VALUES (?)").setParameter(1, id).executeUpdate()));
    }

    /** The cause chains of the failures that became 500s. */
    static String chains() {
        StringBuilder b = new StringBuilder();
        INTERNAL.stream().limit(3).forEach(e -> {
            b.append("\n500 for:");
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                b.append("\n  ").append(c.getClass().getName()).append(": ").append(c.getMessage() == null ? "" : c.getMessage().lines().findFirst().orElse(""))
                        .append(c instanceof java.sql.SQLException s ? " [SQLState " + s.getSQLState() + "]" : "");
            }
        });
        return b.toString();
    }

    static String code(Response r) {
        return r.getEntity() instanceof Map<?, ?> m ? String.valueOf(m.get("code")) : "-";
    }

    @Test
    void aStatementPastTheTimeoutIs503DatabaseSlow() {
        for (boolean write : new boolean[] {false, true}) {
            long t = System.nanoTime();
            Response r = write ? call(() -> tx.write(em -> em.createNativeQuery("SELECT pg_sleep(10)").getResultList()))
                    : call(() -> tx.read(em -> em.createNativeQuery("SELECT pg_sleep(10)").getResultList()));
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertEquals(503, r.getStatus(), String.valueOf(r.getEntity()));
            assertEquals("problem.database.slow", code(r));
            assertEquals("10", r.getHeaderString("Retry-After"));
            assertTrue(ms < STATEMENT_TIMEOUT_MS + 2000, "answered after " + ms + " ms");
            System.out.printf("pg_sleep(10) through EclipseLink (%s), statement timeout %d ms: 503 %s after %d ms%n",
                    write ? "write" : "read", STATEMENT_TIMEOUT_MS, code(r), ms);
        }
        assertEquals(200, insert(IDS.incrementAndGet()).getStatus(), "the pool serves the next call");
    }

    @Test
    void callsMeetingARestartAre503WithRetryAfterNever500() throws Exception {
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> okStartEnd = new ConcurrentLinkedQueue<>();
        AtomicLong slowest = new AtomicLong();
        List<Thread> callers = new ArrayList<>();
        boolean[] stop = {false};
        for (int i = 0; i < 3; i++) {
            Thread th = new Thread(() -> {
                while (!stop[0]) {
                    long id = IDS.incrementAndGet();
                    long t = System.nanoTime();
                    Response r = insert(id);
                    long end = System.nanoTime();
                    slowest.accumulateAndGet(end - t, Math::max);
                    if (r.getStatus() == 200) {
                        acknowledged.add(id);
                        okStartEnd.add(new long[] {t, end});
                    } else {
                        answers.add(r.getStatus() + " " + code(r) + " Retry-After=" + r.getHeaderString("Retry-After"));
                    }
                    try {
                        Thread.sleep(3);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            callers.add(th);
            th.start();
        }
        Thread.sleep(1000);
        pg.restart();
        long back = System.nanoTime();
        long until = System.currentTimeMillis() + 8000;
        while (okStartEnd.stream().filter(se -> se[0] >= back).count() < 20 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        stop[0] = true;
        for (Thread th : callers) {
            th.join(30_000);
        }
        for (String a : answers) {
            assertEquals("503 problem.database.unavailable Retry-After=5", a, "every refused call: " + answers + chains());
        }
        assertTrue(okStartEnd.stream().anyMatch(se -> se[0] >= back), "calls succeed again after the restart; " + acknowledged.size() + " ok, refused: " + answers.stream().distinct().toList());
        assertTrue(slowest.get() < (CONNECTION_TIMEOUT_MS + 3000) * 1_000_000L, "a call took " + slowest.get() / 1_000_000 + " ms");
        Set<Long> stored = new HashSet<>();
        try (java.sql.Connection c = pool.getConnection(); java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT id FROM w")) {
            while (rs.next()) {
                stored.add(rs.getLong(1));
            }
        }
        assertTrue(stored.containsAll(acknowledged), "every call answered 200 is stored");
        System.out.printf("restart under calls: %d answered 200, %d answered 503 problem.database.unavailable, none 500; slowest call %d ms%n",
                acknowledged.size(), answers.size(), slowest.get() / 1_000_000);
    }

    @Test
    void aStoppedDatabaseIs503WithinTheConnectionTimeoutAndTheSamePoolServesWhenItIsBack() throws Exception {
        pg.stop();
        try {
            long t = System.nanoTime();
            Response r = insert(IDS.incrementAndGet());
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertEquals("problem.database.unavailable", code(r), chains());
            assertEquals(503, r.getStatus());
            assertEquals("5", r.getHeaderString("Retry-After"));
            assertTrue(ms < CONNECTION_TIMEOUT_MS + 2000, "answered after " + ms + " ms");
            System.out.printf("database stopped: 503 %s after %d ms (connection timeout %d ms)%n", code(r), ms, CONNECTION_TIMEOUT_MS);
        } finally {
            pg.start();
        }
        long t = System.nanoTime();
        Response ok = insert(IDS.incrementAndGet());
        assertEquals(200, ok.getStatus(), String.valueOf(ok.getEntity()));
        System.out.printf("database started again: first call 200 after %d ms%n", (System.nanoTime() - t) / 1_000_000);
    }
}
