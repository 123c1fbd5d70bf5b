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
        Instant upTo = since;
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
            Future<Checked> next = fetcher.submit(() -> Checked.of(src.changes(from, null)));
            String cursor;
            do {
                long w = System.nanoTime();
                Checked checked = page(next);
                Batch b = checked.batch();
                ids.prechecked = checked.why();
                ids.nanos[0] += System.nanoTime() - w;
                cursor = b.nextCursor();
                if (cursor != null) {
                    String after = cursor;
                    next = fetcher.submit(() -> Checked.of(src.changes(from, after)));
                }
                total.read += b.size();
                for (MalformedRecord m : b.malformed()) {
                    total.skip("malformed: " + m.reason() + " | " + m.raw());
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
                applyPage(c, ids, b, total, runId, actor);
                saveRun(runId, SyncRun.RUNNING, upTo, total);
            } while (cursor != null);
            saveRun(runId, SyncRun.SUCCEEDED, upTo, total);
            LOG.info("real-estate sync run {}: read {}, created {}, updated {}, skipped {} in {} ms (new rows by {}; houses: waiting for pages {} ms, "
                    + "validating {} ms, reading what is stored {} ms, deciding {} ms, writing {} ms; commits {} ms)", runId, total.read,
                    total.created, total.updated, total.skipped, (System.nanoTime() - t0) / 1_000_000, ids.copy ? "COPY" : "JDBC batches", ids.nanos[0] / 1_000_000,
                    ids.nanos[1] / 1_000_000, ids.nanos[2] / 1_000_000, ids.nanos[3] / 1_000_000, ids.nanos[4] / 1_000_000, ids.nanos[5] / 1_000_000);
        } catch (RuntimeException | SQLException e) {
            LOG.warn("real-estate sync run {} failed: {}", runId, e.toString());
            total.errors.add(0, "run failed: " + e.getMessage());
            saveRun(runId, SyncRun.FAILED, since, total);
        } finally {
            fetcher.shutdown();
        }
        return find(runId);
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
        // the estates whose stored counts this page can change: those it names, and those its houses leave
        java.util.Set<Long> counted = new java.util.HashSet<>(SyncHouses.estatesOfStoredHouses(c, houses));
        SyncEstates.projects(c, ids, projects, n, now, actor);
        SyncEstates.buildings(c, ids, buildings, n, now, actor);
        SyncHouses.houses(c, ids, houses, n, now, actor);
        java.util.List<String> codes = new java.util.ArrayList<>();
        buildings.forEach(b -> { if (b.projectCode() != null) { codes.add(b.projectCode().trim()); } });
        houses.forEach(h -> { if (h.projectCode() != null) { codes.add(h.projectCode().trim()); } });
        counted.addAll(SyncEstates.estateIds(c, codes).values());
        EstateCounts.refresh(c, counted);
        long dc = n.created - created;
        long du = n.updated - updated;
        if ((dc > 0 || du > 0) && audit != null) {
            audit.append(c, AuditEvent.of(actor, "estate.sync", "sync-run", runId, AuditEvent.summary("created", dc, "updated", du)));
        }
        org.smartproperty.platform.security.ScopeChanges changes = scopeChanges;
        if ((dc > 0 || du > 0) && changes != null && !houses.isEmpty()) {
            changes.changed(c); // owners may have come or gone: real-name sessions resolve their verified houses again
        }
    }
}
