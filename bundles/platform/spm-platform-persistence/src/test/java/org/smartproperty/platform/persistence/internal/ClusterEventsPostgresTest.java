package org.smartproperty.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.cluster.ClusterEvent;
import org.smartproperty.platform.cluster.ClusterListener;

/**
 * Issue 19 item 1 (OPS-8): two nodes, each with its own pool and listener on one PostgreSQL schema. A change
 * committed on node A empties node B's cache within a second; a rolled-back one reaches nobody; the listener
 * survives {@code pg_terminate_backend} of its connection and then tells its subscribers to drop everything.
 */
class ClusterEventsPostgresTest {

    static String url;
    static String user;
    static String password;
    static String schema;
    static HikariDataSource poolA;
    static HikariDataSource poolB;
    static PgClusterEvents nodeA;
    static PgClusterEvents nodeB;

    private static String setting(String prop, String env, String dflt) {
        String v = System.getProperty(prop);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? dflt : v;
    }

    static HikariDataSource pool(String name) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(name);
        hc.setMaximumPoolSize(3);
        hc.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        hc.setUsername(user);
        hc.setPassword(password);
        return new HikariDataSource(hc);
    }

    @BeforeAll
    static void start() throws Exception {
        url = setting("spm.test.db.url", "SPM_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        user = setting("spm.test.db.user", "SPM_TEST_DB_USER", "postgres");
        password = setting("spm.test.db.password", "SPM_TEST_DB_PASSWORD", "");
        schema = "t_cluster_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        poolA = pool("node-a");
        poolB = pool("node-b");
        try (Connection c = poolA.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE setting (k VARCHAR(40) PRIMARY KEY, v VARCHAR(40))");
        }
        nodeA = PgClusterEvents.start(poolA, "node-a", 200, 1_000, 5_000);
        nodeB = PgClusterEvents.start(poolB, "node-b", 200, 1_000, 5_000);
        await(() -> nodeA.listening() && nodeB.listening(), 10_000, "both nodes listening");
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        poolA.close();
        poolB.close();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** A node's cache of {@code setting}: emptied by the channel's events and by a reset. */
    static final class NodeCache implements ClusterListener {
        final Map<String, String> values = new ConcurrentHashMap<>();
        final List<ClusterEvent> heard = new CopyOnWriteArrayList<>();
        final AtomicInteger resets = new AtomicInteger();

        @Override
        public void event(ClusterEvent e) {
            heard.add(e);
            values.remove(e.payload());
        }

        @Override
        public void reset() {
            resets.incrementAndGet();
            values.clear();
        }
    }

    static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.onSpinWait();
            Thread.sleep(5); // polling step, not a fixed wait
        }
    }

    static void write(HikariDataSource ds, PgClusterEvents node, String channel, String key, String value) throws SQLException {
        Jdbc.transaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            node.publish(c, channel, key);
            return null;
        });
    }

    @Test
    void aChangeCommittedOnNodeA_emptiesNodeBsCacheWithinASecond_OPS_8() throws Exception {
        NodeCache a = new NodeCache();
        NodeCache b = new NodeCache();
        try (var sa = nodeA.subscribe("test.commit", a); var sb = nodeB.subscribe("test.commit", b)) {
            b.values.put("fee", "1.80");
            a.values.put("fee", "1.80");
            long t0 = System.nanoTime();
            write(poolA, nodeA, "test.commit", "fee", "2.10");
            await(() -> !b.values.containsKey("fee"), 1_000, "node B's cache entry dropped");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("cluster event A -> B after commit: " + ms + " ms");
            assertTrue(ms < 1_000);
            ClusterEvent e = b.heard.get(0);
            assertEquals("node-a", e.nodeId());
            assertFalse(e.fromThisNode());
            // node A hears its own echo too (the caches invalidate twice there: at once and after the commit)
            await(() -> !a.values.containsKey("fee"), 1_000, "node A's echo");
            assertTrue(a.heard.get(0).fromThisNode());
        }
    }

    @Test
    void aRolledBackChangeNotifiesNobody() throws Exception {
        NodeCache b = new NodeCache();
        try (var sb = nodeB.subscribe("test.rollback", b)) {
            b.values.put("rolled", "x");
            assertThrows(IllegalStateException.class, () -> Jdbc.transaction(poolA, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting (k, v) VALUES ('rolled', 'y')")) {
                    ps.executeUpdate();
                }
                nodeA.publish(c, "test.rollback", "rolled");
                throw new IllegalStateException("business rule failed");
            }));
            // a later committed event: notifications arrive in commit order, so once it is here the other would be too
            write(poolA, nodeA, "test.rollback", "marker", "1");
            await(() -> b.heard.size() == 1, 1_000, "the marker event");
            assertEquals("marker", b.heard.get(0).payload());
            assertEquals("x", b.values.get("rolled"));
        }
    }

    @Test
    void nothingIsHeardBeforeTheCommit() throws Exception {
        NodeCache b = new NodeCache();
        try (var sb = nodeB.subscribe("test.pending", b); Connection c = poolA.getConnection()) {
            c.setAutoCommit(false);
            nodeA.publish(c, "test.pending", "k");
            write(poolA, nodeA, "test.pending", "other", "1"); // committed meanwhile in another transaction
            await(() -> b.heard.size() == 1, 1_000, "the committed event");
            assertEquals("other", b.heard.get(0).payload());
            c.commit();
            await(() -> b.heard.size() == 2, 1_000, "the event of the later commit");
            assertEquals("k", b.heard.get(1).payload());
            c.setAutoCommit(true);
        }
    }

    @Test
    void theListenerSurvivesATerminatedBackendAndTellsSubscribersToFlush() throws Exception {
        NodeCache b = new NodeCache();
        try (var sb = nodeB.subscribe("test.reconnect", b)) {
            b.values.put("a", "1");
            b.values.put("b", "2");
            int pid = nodeB.backendPid();
            long reconnectsBefore = nodeB.reconnects();
            try (Connection c = poolA.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
                ps.setInt(1, pid);
                ps.execute();
            }
            await(() -> nodeB.reconnects() == reconnectsBefore + 1 && nodeB.listening(), 5_000, "node B listening again");
            assertTrue(nodeB.backendPid() != pid);
            assertEquals(1, b.resets.get());
            assertTrue(b.values.isEmpty(), "everything dropped after the reconnect");
            b.values.put("c", "3");
            write(poolA, nodeA, "test.reconnect", "c", "4");
            await(() -> !b.values.containsKey("c"), 1_000, "events reach node B again");
            assertEquals(HealthStatus.UP, nodeB.health().status());
        }
    }

    @Test
    void otherSchemasUseOtherChannels() throws Exception {
        assertEquals("spm_events_" + schema, nodeA.pgChannel());
        assertEquals("spm_events_public", PgClusterEvents.channelFor("public"));
        String longName = PgClusterEvents.channelFor("x".repeat(80));
        assertTrue(longName.startsWith("spm_events_") && longName.length() <= 63, longName);
        assertThrows(IllegalArgumentException.class, () -> nodeA.publish(null, "Bad Channel", ""));
        assertThrows(IllegalArgumentException.class, () -> nodeA.publish(null, "ok", "a\nb"));
    }
}
