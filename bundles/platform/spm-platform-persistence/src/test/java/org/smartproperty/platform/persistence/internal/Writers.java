package org.smartproperty.platform.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.smartproperty.platform.persistence.DatabaseFaults;

/**
 * Writer threads for the fault tests (issue 19 item 2): each inserts rows {@code (id, writer)} into table {@code w}
 * in its own transaction (begin, insert, commit, as a service call does), remembers every id whose commit returned
 * (acknowledged), and sorts failures into connection-class database faults and anything else.
 */
final class Writers {

    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<Throwable> faults = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    /** System.nanoTime() at the start of every acknowledged write, for "first success after". */
    final ConcurrentLinkedQueue<long[]> okStartEnd = new ConcurrentLinkedQueue<>();
    /** Ids across all writers of the JVM, so that several rounds can write into one table. */
    private static final AtomicLong ids = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stop;

    Writers(DataSource ds, int n, long pauseMs) {
        for (int i = 0; i < n; i++) {
            int writer = i;
            Thread t = new Thread(() -> {
                while (!stop) {
                    long id = ids.incrementAndGet();
                    long start = System.nanoTime();
                    try (Connection c = ds.getConnection()) {
                        c.setAutoCommit(false);
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO w (id, writer) VALUES (?, ?)")) {
                            ps.setLong(1, id);
                            ps.setInt(2, writer);
                            ps.executeUpdate();
                        }
                        c.commit();
                        acknowledged.add(id);
                        okStartEnd.add(new long[] {start, System.nanoTime()});
                    } catch (SQLException | RuntimeException e) {
                        (DatabaseFaults.of(e) == DatabaseFaults.Fault.UNAVAILABLE ? faults : unexpected).add(e);
                    }
                    if (pauseMs > 0) {
                        try {
                            Thread.sleep(pauseMs);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "writer-" + i);
            threads.add(t);
        }
    }

    Writers start() {
        threads.forEach(Thread::start);
        return this;
    }

    void stop() throws InterruptedException {
        stop = true;
        for (Thread t : threads) {
            t.join(30_000);
        }
    }

    /** Nanoseconds from {@code since} to the end of the first acknowledged write that started at or after it; -1 if none. */
    long firstOkAfter(long since) {
        return okStartEnd.stream().filter(se -> se[0] >= since).mapToLong(se -> se[1] - since).min().orElse(-1);
    }

    long okAfter(long since) {
        return okStartEnd.stream().filter(se -> se[0] >= since).count();
    }

    /** The ids in table {@code w} of {@code ds}. */
    static Set<Long> stored(DataSource ds) throws SQLException {
        Set<Long> ids = new java.util.HashSet<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM w");
                java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static String describe(java.util.Collection<Throwable> errors) {
        StringBuilder b = new StringBuilder();
        errors.stream().limit(5).forEach(e -> b.append("\n  ").append(e).append(e instanceof SQLException s ? " [" + s.getSQLState() + "]" : ""));
        return b.toString();
    }
}
