package org.smartproperty.platform.persistence.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.cluster.ClusterEvents;
import org.smartproperty.platform.cluster.ClusterListener;
import org.smartproperty.platform.cluster.LocalClusterEvents;
import org.smartproperty.platform.cluster.Subscription;

/**
 * Cluster events on PostgreSQL (issue 19 item 1). {@link #publish} runs {@code SELECT pg_notify(channel,
 * text)} on the caller's connection, so PostgreSQL delivers it when that transaction commits and drops it
 * when it rolls back. One daemon thread per node holds a connection of the pool that has run
 * {@code LISTEN} and waits on it ({@code PGConnection.getNotifications(timeout)}); a lost connection
 * (database restart, {@code pg_terminate_backend}, network) is opened again with a backoff (250 ms
 * doubling up to {@code maxBackoffMillis}), and after every {@code LISTEN} — the first one included —
 * every subscriber is told to drop everything ({@link ClusterListener#reset()}), since events sent
 * meanwhile were lost.
 *
 * <p>All events of a node set travel on one PostgreSQL channel, {@code spm_events_<schema>} (the
 * connection's {@code current_schema()}), so installations (and parallel test classes) in other
 * schemas of the same database do not hear each other; the text is {@code node \n channel \n payload}.
 *
 * <p>The driver's {@code PGConnection} is reached by reflection through the connection's own class
 * loader, so this bundle does not import {@code org.postgresql} (the embedded default runs without it).
 * The thread is never interrupted (an interrupt in JDBC I/O closes connections): {@link #close} sets a
 * flag and waits for the current wait to end.
 */
public final class PgClusterEvents implements ClusterEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgClusterEvents.class);
    static final String PREFIX = "spm_events";

    private final DataSource ds;
    private final LocalClusterEvents subscribers;
    private final Object lock = new Object();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile long waitMillis;
    private volatile long maxBackoffMillis;
    private volatile long keepaliveMillis;
    private volatile String pgChannel;
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile Instant since;
    private volatile Instant lastEventAt;
    private volatile String lastError;
    private volatile int backendPid;
    private Thread thread;

    private PgClusterEvents(DataSource ds, String nodeId, long waitMillis, long maxBackoffMillis, long keepaliveMillis) {
        this.ds = ds;
        this.subscribers = new LocalClusterEvents(nodeId);
        configure(waitMillis, maxBackoffMillis, keepaliveMillis);
    }

    /**
     * Starts listening on {@code ds} (its own pool: the listening connection is one of it for as long as
     * the node runs) as {@code nodeId}. Also the entry for tests and tools outside OSGi.
     */
    public static PgClusterEvents start(DataSource ds, String nodeId) {
        return start(ds, nodeId, 500, 30_000, 30_000);
    }

    static PgClusterEvents start(DataSource ds, String nodeId, long waitMillis, long maxBackoffMillis, long keepaliveMillis) {
        PgClusterEvents e = new PgClusterEvents(ds, nodeId, waitMillis, maxBackoffMillis, keepaliveMillis);
        Thread t = new Thread(e::run, "spm-cluster-events");
        t.setDaemon(true);
        e.thread = t;
        t.start();
        return e;
    }

    /** New periods for the running listener (the DS component's {@code @Modified}). */
    void configure(long waitMillis, long maxBackoffMillis, long keepaliveMillis) {
        this.waitMillis = Math.max(50, waitMillis);
        this.maxBackoffMillis = Math.max(250, maxBackoffMillis);
        this.keepaliveMillis = Math.max(1000, keepaliveMillis);
    }

    @Override
    public String nodeId() {
        return subscribers.nodeId();
    }

    @Override
    public void publish(Connection c, String channel, String payload) throws SQLException {
        ClusterEvents.check(channel, payload);
        String ch = pgChannel;
        if (ch == null) {
            ch = channelOf(c);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, ch);
            ps.setString(2, nodeId() + "\n" + channel + "\n" + (payload == null ? "" : payload));
            ps.execute();
        }
        published.incrementAndGet();
    }

    @Override
    public Subscription subscribe(String channel, ClusterListener listener) {
        return subscribers.subscribe(channel, listener);
    }

    /** Whether the listening connection is up and has run LISTEN. */
    public boolean listening() {
        return listening;
    }

    /** The backend process id of the listening connection (tests terminate it), 0 while none. */
    public int backendPid() {
        return backendPid;
    }

    /** How many times the listening connection was opened again after it was lost. */
    public long reconnects() {
        return reconnects.get();
    }

    /** The PostgreSQL channel of this schema, once known. */
    public String pgChannel() {
        return pgChannel;
    }

    /** The health check {@code cluster-events}: WARNING while not listening (caches then rely on their own periodic checks). */
    HealthResult health() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mode", "postgresql");
        d.put("node", nodeId());
        d.put("channel", pgChannel == null ? "" : pgChannel);
        d.put("listeners", subscribers.listenerCount());
        d.put("received", received.get());
        d.put("published", published.get());
        d.put("reconnects", reconnects.get());
        d.put("backendPid", backendPid); // the listening connection in pg_stat_activity (0 while none)
        if (since != null) {
            d.put("listeningSince", since.toString());
        }
        if (lastEventAt != null) {
            d.put("lastEventAt", lastEventAt.toString());
        }
        if (listening) {
            return HealthResult.up("listening on " + pgChannel + " as " + nodeId(), d);
        }
        d.put("error", lastError == null ? "" : lastError);
        return new HealthResult(HealthStatus.WARNING, "not listening (" + (lastError == null ? "starting" : lastError)
                + "); other nodes' changes reach this node's caches only through their periodic checks", d);
    }

    @Override
    public void close() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(waitMillis + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ the listening thread

    private void run() {
        long backoff = 250;
        boolean wasListening = false;
        while (!stopped) {
            Connection c = null;
            try {
                c = ds.getConnection();
                c.setAutoCommit(true);
                String ch = channelOf(c);
                pgChannel = ch;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + quote(ch));
                    try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                        backendPid = rs.next() ? rs.getInt(1) : 0;
                    }
                }
                Driver pg = Driver.of(c);
                listening = true;
                since = Instant.now();
                lastError = null;
                backoff = 250;
                if (wasListening) {
                    reconnects.incrementAndGet();
                    LOG.info("Cluster events: listening again on {} as {}; events sent meanwhile may be lost, {} listeners drop their caches",
                            ch, nodeId(), subscribers.listenerCount());
                } else {
                    LOG.info("Cluster events: listening on {} as {}", ch, nodeId());
                }
                wasListening = true;
                subscribers.resetAll();
                listen(c, pg);
            } catch (SQLException | RuntimeException e) {
                boolean was = listening;
                listening = false;
                backendPid = 0;
                lastError = e.getMessage();
                if (!stopped) {
                    if (was) {
                        LOG.warn("Cluster events: listening connection lost ({}); reconnecting", e.getMessage());
                    } else if (backoff == 250) {
                        LOG.warn("Cluster events: cannot listen ({}); retrying with backoff up to {} ms", e.getMessage(), maxBackoffMillis);
                    }
                }
                evictIfBroken(c);
            } finally {
                listening = false;
                close(c);
            }
            if (!stopped) {
                pause(backoff);
                backoff = Math.min(backoff * 2, maxBackoffMillis);
            }
        }
        LOG.info("Cluster events: stopped listening as {}", nodeId());
    }

    /** Waits for notifications until the connection fails or the listener stops; a keep-alive query detects a silent loss. */
    private void listen(Connection c, Driver pg) throws SQLException {
        long lastCheck = System.currentTimeMillis();
        while (!stopped) {
            for (String[] n : pg.notifications(c, (int) waitMillis)) {
                lastEventAt = Instant.now();
                String[] parts = n[1].split("\n", 3);
                if (parts.length == 3) {
                    received.incrementAndGet();
                    subscribers.deliver(parts[1], parts[2], parts[0]);
                }
            }
            long now = System.currentTimeMillis();
            if (now - lastCheck >= keepaliveMillis) {
                try (Statement s = c.createStatement()) {
                    s.setQueryTimeout(5);
                    s.execute("SELECT 1");
                }
                lastCheck = now;
            }
        }
    }

    private void pause(long millis) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                lock.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    /**
     * The failure came through the driver's own {@code PGConnection} (reflection), which the pool does not
     * see: the connection is taken out of the pool ({@code HikariDataSource.evictConnection}), so the next
     * attempt gets a new one rather than this one back. Another pool: one statement through its connection
     * lets it notice a dead one.
     */
    private void evictIfBroken(Connection c) {
        if (c == null) {
            return;
        }
        if (ds instanceof HikariDataSource pool) {
            pool.evictConnection(c);
            return;
        }
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
        } catch (SQLException | RuntimeException ignored) {
            // marked broken by the pool
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                // the pool evicts a broken connection
            }
        }
    }

    /** {@code spm_events_<current schema>}; a name longer than PostgreSQL's 63 bytes becomes the prefix and a hash. */
    static String channelOf(Connection c) throws SQLException {
        String schema;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            schema = rs.next() ? rs.getString(1) : null;
        }
        return channelFor(schema);
    }

    static String channelFor(String schema) {
        String name = PREFIX + "_" + (schema == null ? "public" : schema);
        if (name.getBytes(StandardCharsets.UTF_8).length > 63) {
            name = PREFIX + "_" + Integer.toHexString(name.hashCode());
        }
        return name;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** pgjdbc's {@code PGConnection.getNotifications(int)} and {@code PGNotification}, by reflection. */
    private record Driver(Class<?> pgConnection, Method getNotifications, Method getName, Method getParameter) {

        static Driver of(Connection c) throws SQLException {
            Connection raw = c.unwrap(Connection.class);
            try {
                ClassLoader cl = raw.getClass().getClassLoader();
                Class<?> pgc = Class.forName("org.postgresql.PGConnection", false, cl);
                Class<?> pgn = Class.forName("org.postgresql.PGNotification", false, cl);
                return new Driver(pgc, pgc.getMethod("getNotifications", int.class), pgn.getMethod("getName"), pgn.getMethod("getParameter"));
            } catch (ReflectiveOperationException e) {
                throw new SQLException("not a PostgreSQL connection (pgjdbc's PGConnection missing): " + e, e);
            }
        }

        /** Each notification as {name, parameter}; empty after {@code timeoutMillis} without one. */
        String[][] notifications(Connection c, int timeoutMillis) throws SQLException {
            try {
                Object[] ns = (Object[]) getNotifications.invoke(c.unwrap(pgConnection), timeoutMillis);
                if (ns == null) {
                    return new String[0][];
                }
                String[][] out = new String[ns.length][];
                for (int i = 0; i < ns.length; i++) {
                    out[i] = new String[] {(String) getName.invoke(ns[i]), (String) getParameter.invoke(ns[i])};
                }
                return out;
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                if (t instanceof SQLException s) {
                    throw s;
                }
                throw new SQLException(String.valueOf(t), t);
            } catch (IllegalAccessException e) {
                throw new SQLException(e.toString(), e);
            }
        }
    }
}
