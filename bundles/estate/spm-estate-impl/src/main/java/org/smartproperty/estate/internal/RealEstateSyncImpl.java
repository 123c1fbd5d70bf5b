package org.smartproperty.estate.internal;

import static org.smartproperty.estate.internal.SyncJdbc.*;
import static org.smartproperty.estate.internal.SyncChecks.*;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.sync.Batch;
import org.smartproperty.estate.sync.BuildingRecord;
import org.smartproperty.estate.sync.HouseRecord;
import org.smartproperty.estate.sync.MalformedRecord;
import org.smartproperty.estate.sync.ProjectRecord;
import org.smartproperty.estate.sync.RealEstateSource;
import org.smartproperty.estate.sync.RealEstateSync;
import org.smartproperty.estate.sync.SyncRun;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;

/**
 * INT-RE, SUP-EST-1/2: upserts the real-estate system's changes by natural keys — estate by
 * project code, building by (estate, number), house by unit code, owner by (document type,
 * number) — with plain JDBC batches, one transaction per page. Every house is validated with its
 * owners before anything is written: an invalid record is skipped, counted and reported and
 * never half-imported. When a page fails in the database it is rolled back and replayed record
 * by record (each record and its owners in its own transaction), so one bad row never aborts the
 * run. Incremental from the latest change timestamp of the last successful run. Ids come from the
 * same sequences and in the same blocks as the JPA entities ({@code nextval} = end of a block).
 */
@Component(service = RealEstateSync.class)
public class RealEstateSyncImpl implements RealEstateSync {

    private static final Logger LOG = LoggerFactory.getLogger(RealEstateSyncImpl.class);
    static final String SOURCE = "realestate";
    static final int IN_CHUNK = 1000;
    static final int MAX_ERRORS = 50;
    static final int MAX_ERROR_TEXT = 16_000;
    static final BigDecimal MAX_AREA = new BigDecimal("100000");
    static final BigDecimal HUNDRED = new BigDecimal("100");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.estate.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile RealEstateSource source;

    /** Issue 12 item 1: a page that changed owners moves the security revision (a sold house leaves its old owner's scope at once). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.smartproperty.platform.security.ScopeChanges scopeChanges;

    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService executor;

    public RealEstateSyncImpl() {
    }

    /** Outside OSGi (tests, bench). */
    public RealEstateSyncImpl(DataSource dataSource, AuditTrail audit, RealEstateSource source) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.source = source;
    }

    @Deactivate
    synchronized void deactivate() {
        if (executor != null) {
            executor.shutdown(); // never interrupt: the run may be inside JDBC
            executor = null;
        }
    }

    // ------------------------------------------------------------------ service

    @Override
    public SyncRun run(String actor) {
        RealEstateSource src = acquire();
        try {
            long id = insertRun(actor);
            return execute(id, src, actor);
        } finally {
            running.set(false);
        }
    }

    @Override
    public SyncRun start(String actor) {
        RealEstateSource src = acquire();
        try {
            long id = insertRun(actor);
            SyncRun started = find(id);
            executor().execute(() -> {
                try {
                    execute(id, src, actor);
                } catch (RuntimeException e) {
                    LOG.error("real-estate sync run {} failed", id, e);
                } finally {
                    running.set(false);
                }
            });
            return started;
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    private RealEstateSource acquire() {
        RealEstateSource src = source;
        if (src == null) {
            throw new ApiException(503, "sync.noSource", EstateMessages.TEXTS, null);
        }
        if (!running.compareAndSet(false, true)) {
            throw ApiException.conflict(EstateMessages.TEXTS, "sync.running");
        }
        return src;
    }

    private synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "spm-realestate-sync");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    @Override
    public List<SyncRun> runs(int limit) {
        int n = Math.max(1, Math.min(200, limit));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT_RUN + " WHERE source = ? ORDER BY id DESC")) {
            ps.setString(1, SOURCE);
            ps.setMaxRows(n);
            List<SyncRun> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(run(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading sync runs failed", e);
        }
    }

    static final String SELECT_RUN = "SELECT id, status, started_at, finished_at, since_at, up_to, read_count, created_count, "
            + "updated_count, skipped_count, errors, actor FROM est_sync_run";

    SyncRun find(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_RUN + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? run(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading sync run failed", e);
        }
    }

    private static SyncRun run(ResultSet rs) throws SQLException {
        return new SyncRun(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5), instant(rs, 6),
                rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getString(12));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private long insertRun(String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long id = nextval(c, "est_sync_run_seq");
            Instant since = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(up_to) FROM est_sync_run WHERE source = ? AND status = ?")) {
                ps.setString(1, SOURCE);
                ps.setString(2, SyncRun.SUCCEEDED);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        since = instant(rs, 1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO est_sync_run (id, source, status, started_at, since_at, read_count, "
                    + "created_count, updated_count, skipped_count, actor) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, SOURCE);
                ps.setString(3, SyncRun.RUNNING);
                ps.setObject(4, ts(Instant.now()));
                ps.setObject(5, ts(since));
                ps.setString(6, actor);
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("recording the sync run failed", e);
        }
    }

    private void saveRun(long id, String status, Instant upTo, Counters t) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE est_sync_run SET status = ?, finished_at = ?, up_to = ?, read_count = ?, "
                     + "created_count = ?, updated_count = ?, skipped_count = ?, errors = ? WHERE id = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, status);
            ps.setObject(2, SyncRun.RUNNING.equals(status) ? null : ts(Instant.now()));
            ps.setObject(3, ts(upTo));
            ps.setLong(4, t.read);
            ps.setLong(5, t.created);
            ps.setLong(6, t.updated);
            ps.setLong(7, t.skipped);
            String errors = t.errors.isEmpty() ? null : String.join("\n", t.errors);
            ps.setString(8, errors == null || errors.length() <= MAX_ERROR_TEXT ? errors : errors.substring(0, MAX_ERROR_TEXT));
            ps.setLong(9, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.error("recording the end of sync run {} failed", id, e);
        }
    }

    // ------------------------------------------------------------------ the run

    /** Counts of one run or of one attempt at a page (merged only when that attempt commits). */
    static final class Counters {
        long read;
        long created;
        long updated;
        long skipped;
        final List<String> errors = new ArrayList<>();
        /**
         * The estates the page's houses belong to before its writes (read with what is stored): their stored counts can
         * change when a house leaves them. Per page, not added up.
         */
        final java.util.Set<Long> storedEstates = new java.util.HashSet<>();

        void skip(String what) {
            skipped++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(what);
            }
        }

        void add(Counters o) {
            read += o.read;
            created += o.created;
            updated += o.updated;
            skipped += o.skipped;
            for (String e : o.errors) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(e);
                }
            }
        }
    }

    private SyncRun execute(long runId, RealEstateSource src, String actor) {
        SyncRun started = find(runId);
        Instant since = started.since();
        Counters total = new Counters();
        long t0 = System.nanoTime();
        // the next page is fetched and parsed while this one is written (never interrupted: see deactivate)
        ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "spm-realestate-fetch");
            t.setDaemon(true);
            return t;
        });
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Ids ids = new Ids(c);
            final Instant from = since;
            Future<Checked> first = fetcher.submit(() -> Checked.of(src.changes(from, null)));
            Instant upTo;
            String how;
            if (ids.copy && (pipelined != null ? pipelined : Boolean.getBoolean("spm.realestate.sync.pipelined"))) {
                Pipeline p = new Pipeline(c, ids, runId, actor, total);
                upTo = p.run(src, from, first, fetcher);
                how = p.summary();
            } else {
                upTo = classic(c, ids, src, from, first, fetcher, total, runId, actor);
                how = "houses: waiting for pages " + ids.nanos[0] / 1_000_000 + " ms, validating " + ids.nanos[1] / 1_000_000
                        + " ms, reading what is stored " + ids.nanos[2] / 1_000_000 + " ms, deciding " + ids.nanos[3] / 1_000_000
                        + " ms, writing " + ids.nanos[4] / 1_000_000 + " ms; commits " + ids.nanos[5] / 1_000_000 + " ms; projects and buildings "
                        + ids.nanos[6] / 1_000_000 + " ms, stored counts and audit " + ids.nanos[7] / 1_000_000 + " ms, progress "
                        + ids.nanos[8] / 1_000_000 + " ms";
            }
            saveRun(runId, SyncRun.SUCCEEDED, upTo, total);
            LOG.info("real-estate sync run {}: read {}, created {}, updated {}, skipped {} in {} ms (new rows by {}; {})", runId, total.read,
                    total.created, total.updated, total.skipped, (System.nanoTime() - t0) / 1_000_000, ids.copy ? "COPY" : "JDBC batches", how);
        } catch (RuntimeException | SQLException e) {
            LOG.warn("real-estate sync run {} failed: {}", runId, e.toString());
            total.errors.add(0, "run failed: " + e.getMessage());
            saveRun(runId, SyncRun.FAILED, since, total);
        } finally {
            fetcher.shutdown();
        }
        return find(runId);
    }

    /**
     * Whether pages are prepared ahead of a writer thread on PostgreSQL (issue 19 item 4); null: the
     * system property {@code spm.realestate.sync.pipelined} (default false: one page at a time on one
     * thread). Off by default because on the 2-core development machine, shared with other work and
     * with PostgreSQL on the same cores, the pipelined run measured slower than the page-at-a-time
     * one, and on the same machine quiet only 3–8 % faster (docs/performance.md): the overlap needs a
     * core to spare.
     */
    Boolean pipelined;

    /** Pages the preparing thread may have handed to the writer and that wait for it. */
    static final int QUEUE = 2;

    /** One page at a time: validate, read, decide and write page N, commit, then page N+1 (H2; PostgreSQL when not pipelined). */
    private Instant classic(Connection c, Ids ids, RealEstateSource src, Instant from, Future<Checked> next, ExecutorService fetcher,
                            Counters total, long runId, String actor) throws SQLException {
        Instant upTo = from;
        Pages pages = new Pages(src, from, next, fetcher);
        for (Checked checked; (checked = pages.take(ids.nanos)) != null; ) {
            Batch b = checked.batch();
            ids.prechecked = checked.why();
            upTo = upTo(upTo, b);
            count(b, total);
            applyPage(c, ids, b, total, runId, actor);
            long t = System.nanoTime();
            saveRun(runId, SyncRun.RUNNING, upTo, total);
            ids.nanos[8] += System.nanoTime() - t;
        }
        return upTo;
    }

    private static Instant upTo(Instant upTo, Batch b) {
        for (MalformedRecord m : b.malformed()) {
            upTo = max(upTo, m.changedAt());
        }
        for (ProjectRecord p : b.projects()) {
            upTo = max(upTo, p.changedAt());
        }
        for (BuildingRecord r : b.buildings()) {
            upTo = max(upTo, r.changedAt());
        }
        for (HouseRecord h : b.houses()) {
            upTo = max(upTo, h.changedAt());
        }
        return upTo;
    }

    private static void count(Batch b, Counters total) {
        total.read += b.size();
        for (MalformedRecord m : b.malformed()) {
            total.skip("malformed: " + m.reason() + " | " + m.raw());
        }
    }

    /**
     * A page as the preparing thread hands it to the writer: its writes, decided against what is
     * stored and what the pages before it leave ({@link SyncPending}), with the counts they make;
     * writes null: the writer applies the page itself, as the classic path does.
     */
    record Prepared(long seq, Batch batch, Map<HouseRecord, List<String>> why, Instant upTo, SyncWrites writes, Counters counters) {
    }

    /**
     * Issue 19 item 4: the run's thread validates, reads and decides page N+1 (reading on a connection
     * of its own, with what pages not yet committed leave laid over it) while a writer thread, which
     * holds the run's connection, writes and commits page N. The hand-off is a bounded queue
     * ({@link #QUEUE} pages), pages are written in order, one transaction per page as before. A page
     * the database refuses is rolled back and replayed record by record as before; the pages prepared
     * after it were decided on what it would have written, so from then on every page is applied by
     * the writer alone, one at a time (the classic path). Any other failure of the writer stops the
     * run: pages committed before stay, the failing page is rolled back, no later page is written, and
     * the run is recorded FAILED (up_to unchanged, so the next run reads the same changes again). A
     * failure of the preparing side (the source) lets the writer finish the pages already handed to
     * it — they would have been committed before that page was fetched on the classic path — then
     * fails the run the same way.
     */
    private final class Pipeline {
        private final Connection c;
        private final Ids ids;
        private final long runId;
        private final String actor;
        private final Counters total;
        private final java.util.concurrent.BlockingQueue<Prepared> queue = new java.util.concurrent.ArrayBlockingQueue<>(QUEUE);
        private final Prepared end = new Prepared(-1, null, null, null, null, null);
        /** set once a page was refused (or could not be prepared): later pages are applied by the writer alone */
        private volatile boolean classic;
        /** the last page committed by the writer */
        private volatile long committed;
        private volatile Throwable failure;
        private volatile boolean done;
        /** ns: writer — waiting for prepared pages, writing, commits; preparer — waiting for room in the queue */
        private final long[] nanos = new long[4];
        private Ids pids;

        Pipeline(Connection c, Ids ids, long runId, String actor, Counters total) {
            this.c = c;
            this.ids = ids;
            this.runId = runId;
            this.actor = actor;
            this.total = total;
        }

        Instant run(RealEstateSource src, Instant from, Future<Checked> next, ExecutorService fetcher) throws SQLException {
            Thread writer = new Thread(this::write, "spm-realestate-write");
            writer.setDaemon(true);
            Instant upTo = from;
            Exception failed = null;
            try (Connection r = dataSource.getConnection()) {
                r.setAutoCommit(true);
                pids = new Ids(r);
                SyncPending pending = new SyncPending();
                writer.start();
                long seq = 0;
                Pages pages = new Pages(src, from, next, fetcher);
                for (Checked checked; (checked = pages.take(pids.nanos)) != null; ) {
                    Batch b = checked.batch();
                    upTo = upTo(upTo, b);
                    seq++;
                    Prepared p = null;
                    if (!classic) {
                        try {
                            p = prepare(r, pending, seq, b, checked.why(), upTo);
                        } catch (SQLException e) {
                            LOG.info("preparing sync page {} failed ({}); the writer applies it and the rest of the run page by page", seq, e.getMessage());
                            classic = true;
                        }
                    }
                    hand(p != null ? p : new Prepared(seq, b, checked.why(), upTo, null, null));
                }
            } catch (RuntimeException | SQLException e) {
                failed = e;
            } finally {
                finish(writer);
            }
            if (failure != null) { // the writer's failure is the cause; the preparing side only saw that it stopped
                if (failure instanceof SQLException e) {
                    throw e;
                }
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                throw new IllegalStateException("the sync's writer failed: " + failure, failure);
            }
            if (failed instanceof SQLException e) {
                throw e;
            }
            if (failed != null) {
                throw (RuntimeException) failed;
            }
            return upTo;
        }

        private Prepared prepare(Connection r, SyncPending pending, long seq, Batch b, Map<HouseRecord, List<String>> why, Instant upTo)
                throws SQLException {
            pending.prune(committed); // before this page's reads: they see every page committed so far
            pending.page = seq;
            pids.prechecked = why;
            Counters n = new Counters();
            OffsetDateTime now = ts(Instant.now());
            SyncWrites w = SyncWrites.deferred(true);
            SyncEstates.projects(r, w, pids, b.projects(), n, now, actor, pending);
            SyncEstates.buildings(r, w, pids, b.buildings(), n, now, actor, pending);
            SyncHouses.houses(r, w, pids, b.houses(), n, now, actor, pending);
            return new Prepared(seq, b, why, upTo, w, n);
        }

        /** Hands a page to the writer; throws once the writer has stopped. */
        private void hand(Prepared p) {
            long t = System.nanoTime();
            try {
                while (!queue.offer(p, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (done) {
                        throw new IllegalStateException("the sync's writer stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing a page to the sync's writer", e);
            } finally {
                nanos[3] += System.nanoTime() - t;
            }
            if (done) {
                throw new IllegalStateException("the sync's writer stopped");
            }
        }

        /** Lets the writer finish the pages handed to it, then waits for it. */
        private void finish(Thread writer) {
            if (writer.getState() != Thread.State.NEW) {
                try {
                    while (!done && !queue.offer(end, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        // the writer is busy with a full queue
                    }
                    writer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the sync's writer", e);
                }
            }
        }

        /** The writer thread: the run's connection, one page after the other, in the order they were handed. */
        private void write() {
            try {
                while (true) {
                    long t = System.nanoTime();
                    Prepared p = queue.take();
                    nanos[0] += System.nanoTime() - t;
                    if (p == end) {
                        return;
                    }
                    Batch b = p.batch();
                    count(b, total);
                    if (p.writes() != null && !classic) {
                        writePrepared(p);
                    } else {
                        ids.prechecked = p.why();
                        applyPage(c, ids, b, total, runId, actor);
                    }
                    saveRun(runId, SyncRun.RUNNING, p.upTo(), total);
                }
            } catch (Throwable e) {
                failure = e;
            } finally {
                done = true;
            }
        }

        private void writePrepared(Prepared p) throws SQLException {
            Batch b = p.batch();
            Counters page = p.counters();
            try {
                long t = System.nanoTime();
                java.util.Set<Long> counted = new java.util.HashSet<>(page.storedEstates); // read when the page was prepared
                p.writes().run(c);
                tail(c, counted, b.buildings(), b.houses(), page.created, page.updated, runId, actor);
                long t1 = System.nanoTime();
                nanos[1] += t1 - t;
                c.commit();
                nanos[2] += System.nanoTime() - t1;
                committed = p.seq();
                total.add(page);
                return;
            } catch (SQLException e) {
                c.rollback();
                classic = true; // the pages prepared after this one counted on its writes
                LOG.info("sync page failed in the database ({}); replaying it record by record, the rest of the run page by page", e.getMessage());
            }
            ids.prechecked = p.why();
            replay(c, ids, b, total, runId, actor);
        }

        String summary() {
            return "pipelined: preparing thread — waiting for pages " + pids.nanos[0] / 1_000_000 + " ms, validating " + pids.nanos[1] / 1_000_000
                    + " ms, reading what is stored " + pids.nanos[2] / 1_000_000 + " ms, deciding " + pids.nanos[3] / 1_000_000
                    + " ms, waiting for the writer " + nanos[3] / 1_000_000 + " ms; writer — waiting for prepared pages " + nanos[0] / 1_000_000
                    + " ms, writing " + nanos[1] / 1_000_000 + " ms, commits " + nanos[2] / 1_000_000 + " ms"
                    + (classic ? " (page by page after a refused page)" : "");
        }
    }

    /** A page with the {@link #precheck} of each of its houses. */
    record Checked(Batch batch, Map<HouseRecord, List<String>> why) {
        static Checked of(Batch b) {
            Map<HouseRecord, List<String>> why = new java.util.IdentityHashMap<>();
            for (HouseRecord h : b.houses()) {
                why.put(h, precheck(h));
            }
            return new Checked(b, why);
        }
    }

    /** The source's pages in order, each fetched and prechecked on the fetcher while the one before it is applied. */
    private static final class Pages {
        private final RealEstateSource src;
        private final Instant from;
        private final ExecutorService fetcher;
        private Future<Checked> next;

        Pages(RealEstateSource src, Instant from, Future<Checked> first, ExecutorService fetcher) {
            this.src = src;
            this.from = from;
            this.fetcher = fetcher;
            this.next = first;
        }

        /** The next page, or null after the last; the wait for it is added to {@code nanos[0]}, and the fetch of the page after it starts. */
        Checked take(long[] nanos) {
            if (next == null) {
                return null;
            }
            long w = System.nanoTime();
            Checked checked = page(next);
            nanos[0] += System.nanoTime() - w;
            String cursor = checked.batch().nextCursor();
            next = cursor == null ? null : fetcher.submit(() -> Checked.of(src.changes(from, cursor)));
            return checked;
        }
    }

    /** The page the fetcher read; its failure as the source threw it. */
    private static Checked page(Future<Checked> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the real-estate system", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    private void applyPage(Connection c, Ids ids, Batch b, Counters total, long runId, String actor) throws SQLException {
        Counters page = new Counters();
        try {
            apply(c, ids, b.projects(), b.buildings(), b.houses(), page, runId, actor);
            long t = System.nanoTime();
            c.commit();
            ids.nanos[5] += System.nanoTime() - t;
            total.add(page);
            return;
        } catch (SQLException e) {
            c.rollback();
            LOG.info("sync page failed in the database ({}); replaying it record by record", e.getMessage());
        }
        replay(c, ids, b, total, runId, actor);
    }

    /** A page the database refused, again: each record (a house with its owners) in a transaction of its own. */
    private void replay(Connection c, Ids ids, Batch b, Counters total, long runId, String actor) throws SQLException {
        for (ProjectRecord p : b.projects()) {
            one(c, ids, List.of(p), List.of(), List.of(), total, runId, actor, "project " + p.projectCode());
        }
        for (BuildingRecord r : b.buildings()) {
            one(c, ids, List.of(), List.of(r), List.of(), total, runId, actor, "building " + r.projectCode() + "/" + r.number());
        }
        for (HouseRecord h : b.houses()) {
            one(c, ids, List.of(), List.of(), List.of(h), total, runId, actor, "house " + h.unitCode());
        }
    }

    private void one(Connection c, Ids ids, List<ProjectRecord> p, List<BuildingRecord> b, List<HouseRecord> h, Counters total,
                     long runId, String actor, String what) throws SQLException {
        Counters one = new Counters();
        try {
            apply(c, ids, p, b, h, one, runId, actor);
            c.commit();
            total.add(one);
        } catch (SQLException e) {
            c.rollback();
            total.skip(what + ": " + e.getMessage());
        }
    }

    /** Everything of one attempt, in the caller's transaction. */
    private void apply(Connection c, Ids ids, List<ProjectRecord> projects, List<BuildingRecord> buildings, List<HouseRecord> houses,
                       Counters n, long runId, String actor) throws SQLException {
        OffsetDateTime now = ts(Instant.now());
        long created = n.created;
        long updated = n.updated;
        long t0 = System.nanoTime();
        SyncWrites w = SyncWrites.immediate(c, ids.copy);
        SyncEstates.projects(c, w, ids, projects, n, now, actor, null);
        SyncEstates.buildings(c, w, ids, buildings, n, now, actor, null);
        ids.nanos[6] += System.nanoTime() - t0;
        SyncHouses.houses(c, w, ids, houses, n, now, actor, null);
        long t1 = System.nanoTime();
        // the estates whose stored counts this page can change: those its houses were in (read before the writes) and those it names
        tail(c, new java.util.HashSet<>(n.storedEstates), buildings, houses, n.created - created, n.updated - updated, runId, actor);
        ids.nanos[7] += System.nanoTime() - t1;
    }

    /** What follows a page's writes in its transaction: the stored counts, the audit record and the security revision. */
    private void tail(Connection c, java.util.Set<Long> counted, List<BuildingRecord> buildings, List<HouseRecord> houses, long dc, long du,
                      long runId, String actor) throws SQLException {
        java.util.List<String> codes = new java.util.ArrayList<>();
        buildings.forEach(b -> { if (b.projectCode() != null) { codes.add(b.projectCode().trim()); } });
        houses.forEach(h -> { if (h.projectCode() != null) { codes.add(h.projectCode().trim()); } });
        counted.addAll(SyncEstates.estateIds(c, codes).values());
        EstateCounts.refresh(c, counted);
        if ((dc > 0 || du > 0) && audit != null) {
            audit.append(c, AuditEvent.of(actor, "estate.sync", "sync-run", runId, AuditEvent.summary("created", dc, "updated", du)));
        }
        org.smartproperty.platform.security.ScopeChanges changes = scopeChanges;
        if ((dc > 0 || du > 0) && changes != null && !houses.isEmpty()) {
            changes.changed(c); // owners may have come or gone: real-name sessions resolve their verified houses again
        }
    }
}
