package org.smartproperty.platform.rest.internal.metrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * In-memory request metrics of this node (OPS-6), no OSGi: cumulative counters by endpoint group
 * and status class plus a latency histogram with fixed buckets (for {@code /metrics}), and
 * per-minute aggregates that {@link #drain} hands to the writer once their minute is over (with
 * one heartbeat row per minute, group {@link #HEARTBEAT}, so availability is known without
 * traffic). A failed write gives its aggregates back with {@link #giveBack}.
 */
public final class RequestMetrics {

    /** Upper bounds of the latency buckets in ms (one more bucket: +Inf); the same in plt_request_stats.latency_counts. */
    public static final long[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};
    public static final String HEARTBEAT = "-";
    /** Groups beyond this many distinct names are counted as {@code other} (bounded label cardinality). */
    static final int MAX_GROUPS = 64;
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** Minutes kept while the database is unreachable (a day); older ones are dropped. */
    static final int MAX_PENDING_MINUTES = 1440;

    /**
     * One aggregate: requests, 4xx, 5xx, latency sum (ms) and bucket counts (not cumulative). Striped
     * counters ({@link LongAdder}): every request of a group adds to the same aggregates, and a lock
     * per aggregate made 64 concurrent requests of one route wait on each other (issue 11 item 4).
     */
    public static final class Agg {
        private final LongAdder requests = new LongAdder();
        private final LongAdder errors4xx = new LongAdder();
        private final LongAdder errors5xx = new LongAdder();
        private final LongAdder latencySumMs = new LongAdder();
        private final LongAdder[] counts = new LongAdder[BUCKETS_MS.length + 1];

        public Agg() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void add(int status, long ms) {
            requests.increment();
            if (status >= 500) {
                errors5xx.increment();
            } else if (status >= 400) {
                errors4xx.increment();
            }
            latencySumMs.add(ms);
            counts[bucket(ms)].increment();
        }

        void merge(Agg o) {
            add(o.requests(), o.errors4xx(), o.errors5xx(), o.latencySumMs(), o.counts());
        }

        /** Adds stored figures (a row already in plt_request_stats, a failed write given back). */
        void add(long req, long e4, long e5, long sumMs, long[] bucketCounts) {
            requests.add(req);
            errors4xx.add(e4);
            errors5xx.add(e5);
            latencySumMs.add(sumMs);
            for (int i = 0; i < bucketCounts.length && i < counts.length; i++) {
                counts[i].add(bucketCounts[i]);
            }
        }

        Agg copy() {
            Agg a = new Agg();
            a.merge(this);
            return a;
        }

        public long requests() {
            return requests.sum();
        }

        public long errors4xx() {
            return errors4xx.sum();
        }

        public long errors5xx() {
            return errors5xx.sum();
        }

        public long latencySumMs() {
            return latencySumMs.sum();
        }

        public long[] counts() {
            long[] out = new long[counts.length];
            for (int i = 0; i < counts.length; i++) {
                out[i] = counts[i].sum();
            }
            return out;
        }

        /** {@code c1,c2,…} as stored. */
        public String countsText() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < counts.length; i++) {
                b.append(i == 0 ? "" : ",").append(counts[i].sum());
            }
            return b.toString();
        }
    }

    /** A completed minute of one group. */
    public record Row(Instant minute, String group, Agg agg) {
    }

    /** Cumulative counters since start: (group, status class) → count. */
    private final Map<String, Map<String, LongAdder>> totals = new ConcurrentHashMap<>();
    /** Cumulative histogram per group. */
    private final Map<String, Agg> latency = new ConcurrentHashMap<>();
    /** Minute → group → aggregate, not yet written. */
    private final Map<Instant, Map<String, Agg>> minutes = new ConcurrentHashMap<>();
    private Instant lastHeartbeat;
    /** Recorders share it; drain takes it exclusively so no count lands in a minute already handed out. */
    private final java.util.concurrent.locks.ReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();

    static int bucket(long ms) {
        for (int i = 0; i < BUCKETS_MS.length; i++) {
            if (ms <= BUCKETS_MS[i]) {
                return i;
            }
        }
        return BUCKETS_MS.length;
    }

    /** The endpoint group of a path relative to /api/v1 ({@code estates/12/houses} → {@code estates}). */
    public String group(String path) {
        String p = path == null ? "" : path;
        int from = 0;
        while (from < p.length() && p.charAt(from) == '/') {
            from++;
        }
        if (p.startsWith("api/v1", from)) {
            from += 6;
            while (from < p.length() && p.charAt(from) == '/') {
                from++;
            }
        }
        int end = p.indexOf('/', from);
        String g = (end < 0 ? p.substring(from) : p.substring(from, end)).toLowerCase(Locale.ROOT);
        if (g.isEmpty()) {
            return "root";
        }
        if (!GROUP.matcher(g).matches()) {
            return "other";
        }
        if (!latency.containsKey(g) && latency.size() >= MAX_GROUPS) {
            return "other";
        }
        return g;
    }

    /** Records one answered request. */
    public void record(String group, int status, long millis, Instant now) {
        String sc = status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
        totals.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).computeIfAbsent(sc, k -> new LongAdder()).increment();
        latency.computeIfAbsent(group, g -> new Agg()).add(status, millis);
        lock.readLock().lock();
        try {
            minutes.computeIfAbsent(now.truncatedTo(ChronoUnit.MINUTES), m -> new ConcurrentHashMap<>()).computeIfAbsent(group, g -> new Agg())
                    .add(status, millis);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The aggregates of the minutes before {@code now}'s minute, removed from memory, plus the heartbeat of the last minute. */
    public synchronized List<Row> drain(Instant now) {
        lock.writeLock().lock();
        try {
            return drainLocked(now);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private List<Row> drainLocked(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        Instant previous = current.minus(1, ChronoUnit.MINUTES);
        if (lastHeartbeat == null || lastHeartbeat.isBefore(previous)) {
            minutes.computeIfAbsent(previous, m -> new ConcurrentHashMap<>()).putIfAbsent(HEARTBEAT, new Agg());
            lastHeartbeat = previous;
        }
        List<Row> out = new ArrayList<>();
        for (Instant m : new TreeMap<>(minutes).keySet()) {
            if (!m.isBefore(current)) {
                continue;
            }
            Map<String, Agg> groups = minutes.remove(m);
            if (m.isBefore(current.minus(MAX_PENDING_MINUTES, ChronoUnit.MINUTES))) {
                continue;
            }
            new TreeMap<>(groups).forEach((g, a) -> out.add(new Row(m, g, a.copy())));
        }
        return out;
    }

    /** Everything recorded so far, the current minute included (deactivation: flush before stopping). */
    public synchronized List<Row> drainAll(Instant now) {
        return drain(now.plus(1, ChronoUnit.MINUTES));
    }

    /** Gives back rows a failed write did not store; they are written with the next flush. */
    public synchronized void giveBack(List<Row> rows) {
        for (Row r : rows) {
            minutes.computeIfAbsent(r.minute(), m -> new ConcurrentHashMap<>()).computeIfAbsent(r.group(), g -> new Agg()).merge(r.agg());
        }
    }

    /** Cumulative counts: group → status class → requests. */
    public Map<String, Map<String, Long>> totals() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        totals.forEach((g, m) -> {
            Map<String, Long> s = new TreeMap<>();
            m.forEach((k, v) -> s.put(k, v.sum()));
            out.put(g, s);
        });
        return out;
    }

    /** Cumulative latency histograms by group. */
    public Map<String, Agg> latency() {
        Map<String, Agg> out = new TreeMap<>();
        latency.forEach((g, a) -> out.put(g, a.copy()));
        return out;
    }

    /** Minutes not yet written (for the gauge). */
    public int pendingMinutes() {
        return minutes.size();
    }
}
