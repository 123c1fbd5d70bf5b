package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.UnitCode;
import org.smartproperty.estate.sync.Batch;
import org.smartproperty.estate.sync.BuildingRecord;
import org.smartproperty.estate.sync.HouseRecord;
import org.smartproperty.estate.sync.MalformedRecord;
import org.smartproperty.estate.sync.OwnerRecord;
import org.smartproperty.estate.sync.ProjectRecord;
import org.smartproperty.estate.sync.RealEstateSource;
import org.smartproperty.estate.sync.RealEstateSync;
import org.smartproperty.estate.sync.SyncRun;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.Validation;
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
    private static final int IN_CHUNK = 1000;
    private static final int MAX_ERRORS = 50;
    private static final int MAX_ERROR_TEXT = 16_000;
    private static final BigDecimal MAX_AREA = new BigDecimal("100000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.estate.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile RealEstateSource source;

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

    private static final String SELECT_RUN = "SELECT id, status, started_at, finished_at, since_at, up_to, read_count, created_count, "
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

    private static OffsetDateTime ts(Instant i) {
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

    private static Instant max(Instant a, Instant b) {
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
        projects(c, ids, projects, n, now, actor);
        buildings(c, ids, buildings, n, now, actor);
        houses(c, ids, houses, n, now, actor);
        long dc = n.created - created;
        long du = n.updated - updated;
        if ((dc > 0 || du > 0) && audit != null) {
            audit.append(c, AuditEvent.of(actor, "estate.sync", "sync-run", runId, "{\"created\":" + dc + ",\"updated\":" + du + "}"));
        }
    }

    // ------------------------------------------------------------------ projects → estates

    private void projects(Connection c, Ids ids, List<ProjectRecord> in, Counters n, OffsetDateTime now, String actor) throws SQLException {
        Map<String, ProjectRecord> valid = new LinkedHashMap<>();
        for (ProjectRecord p : in) {
            List<String> why = new ArrayList<>();
            if (blank(p.projectCode()) || p.projectCode().trim().length() > 64) {
                why.add("projectCode");
            }
            if (blank(p.name()) || p.name().length() > 200) {
                why.add("name");
            }
            if (blank(p.address()) || p.address().length() > 400) {
                why.add("address");
            }
            if (blank(p.community()) || p.community().length() > 100) {
                why.add("community");
            }
            if (p.adminCode() == null || !p.adminCode().trim().matches("\\d{9}|\\d{12}")) {
                why.add("adminCode");
            }
            if ((p.longitude() == null) != (p.latitude() == null) || (p.longitude() != null && (!EstateValidation.inRange(p.longitude(),
                    EstateValidation.MIN_LON, EstateValidation.MAX_LON) || !EstateValidation.inRange(p.latitude(), EstateValidation.MIN_LAT, EstateValidation.MAX_LAT)))) {
                why.add("location");
            }
            if (!why.isEmpty()) {
                n.skip("project " + p.projectCode() + ": invalid " + why);
                continue;
            }
            valid.put(p.projectCode().trim(), p);
        }
        if (valid.isEmpty()) {
            return;
        }
        Map<String, Object[]> existing = new HashMap<>();
        for (List<String> chunk : chunks(valid.keySet())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT project_code, id, name, address, community, admin_code, longitude, latitude, developer "
                    + "FROM est_estate WHERE project_code IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), (Double) rs.getObject(7, Double.class), (Double) rs.getObject(8, Double.class), rs.getString(9)});
                    }
                }
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO est_estate (id, project_code, name, address, community, admin_code, longitude, "
                + "latitude, developer, status, version, created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,'ACTIVE',1,?,?,?,?)");
             PreparedStatement upd = c.prepareStatement("UPDATE est_estate SET name = ?, address = ?, community = ?, admin_code = ?, longitude = ?, "
                     + "latitude = ?, developer = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
            boolean anyIns = false;
            boolean anyUpd = false;
            for (Map.Entry<String, ProjectRecord> e : valid.entrySet()) {
                ProjectRecord p = e.getValue();
                Object[] row = existing.get(e.getKey());
                String developer = blank(p.developer()) ? null : p.developer().trim();
                if (row == null) {
                    ins.setLong(1, ids.next("est_estate_seq", 50));
                    ins.setString(2, e.getKey());
                    ins.setString(3, p.name().trim());
                    ins.setString(4, p.address().trim());
                    ins.setString(5, p.community().trim());
                    ins.setString(6, p.adminCode().trim());
                    ins.setObject(7, p.longitude(), java.sql.Types.DOUBLE);
                    ins.setObject(8, p.latitude(), java.sql.Types.DOUBLE);
                    ins.setString(9, developer);
                    ins.setObject(10, now);
                    ins.setString(11, actor);
                    ins.setObject(12, now);
                    ins.setString(13, actor);
                    ins.addBatch();
                    anyIns = true;
                    n.created++;
                } else if (!Objects.equals(row[1], p.name().trim()) || !Objects.equals(row[2], p.address().trim())
                        || !Objects.equals(row[3], p.community().trim()) || !Objects.equals(row[4], p.adminCode().trim())
                        || !Objects.equals(row[5], p.longitude()) || !Objects.equals(row[6], p.latitude()) || !Objects.equals(row[7], developer)) {
                    upd.setString(1, p.name().trim());
                    upd.setString(2, p.address().trim());
                    upd.setString(3, p.community().trim());
                    upd.setString(4, p.adminCode().trim());
                    upd.setObject(5, p.longitude(), java.sql.Types.DOUBLE);
                    upd.setObject(6, p.latitude(), java.sql.Types.DOUBLE);
                    upd.setString(7, developer);
                    upd.setObject(8, now);
                    upd.setString(9, actor);
                    upd.setLong(10, (Long) row[0]);
                    upd.addBatch();
                    anyUpd = true;
                    n.updated++;
                }
            }
            if (anyIns) {
                ins.executeBatch();
            }
            if (anyUpd) {
                upd.executeBatch();
            }
        }
    }

    private static Map<String, Long> estateIds(Connection c, Collection<String> codes) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (List<String> chunk : chunks(new TreeSet<>(codes))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT project_code, id FROM est_estate WHERE project_code IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ buildings

    /** A stored building with its units (name → id). */
    static final class BuildingRow {
        long id;
        String name;
        int floorsAbove;
        int floorsBelow;
        final Map<String, Long> units = new HashMap<>();
    }

    /** (estate id + '/' + number) → building, for all buildings of the given estates. */
    private static Map<String, BuildingRow> buildingsOf(Connection c, Collection<Long> estateIds) throws SQLException {
        Map<String, BuildingRow> out = new HashMap<>();
        Map<Long, BuildingRow> byId = new HashMap<>();
        for (List<Long> chunk : chunks(new TreeSet<>(estateIds))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, estate_id, number, name, floors_above, floors_below FROM est_building WHERE estate_id IN ("
                    + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BuildingRow b = new BuildingRow();
                        b.id = rs.getLong(1);
                        b.name = rs.getString(4);
                        b.floorsAbove = rs.getInt(5);
                        b.floorsBelow = rs.getInt(6);
                        out.put(rs.getLong(2) + "/" + rs.getString(3), b);
                        byId.put(b.id, b);
                    }
                }
            }
        }
        for (List<Long> chunk : chunks(new TreeSet<>(byId.keySet()))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT building_id, name, id FROM est_building_unit WHERE building_id IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byId.get(rs.getLong(1)).units.put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
        }
        return out;
    }

    private void buildings(Connection c, Ids ids, List<BuildingRecord> in, Counters n, OffsetDateTime now, String actor) throws SQLException {
        if (in.isEmpty()) {
            return;
        }
        Map<String, Long> estates = estateIds(c, in.stream().filter(b -> b.projectCode() != null).map(b -> b.projectCode().trim()).toList());
        Map<String, BuildingRow> existing = buildingsOf(c, estates.values());
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO est_building (id, estate_id, number, name, floors_above, floors_below, version, "
                + "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,1,?,?,?,?)");
             PreparedStatement upd = c.prepareStatement("UPDATE est_building SET name = ?, floors_above = ?, floors_below = ?, version = version + 1, "
                     + "updated_at = ?, updated_by = ? WHERE id = ?");
             PreparedStatement unit = c.prepareStatement("INSERT INTO est_building_unit (id, building_id, name, ordinal) VALUES (?,?,?,?)")) {
            boolean anyIns = false;
            boolean anyUpd = false;
            boolean anyUnit = false;
            for (BuildingRecord b : in) {
                List<String> why = new ArrayList<>();
                Long estate = b.projectCode() == null ? null : estates.get(b.projectCode().trim());
                if (estate == null) {
                    why.add("project unknown");
                }
                if (blank(b.number()) || b.number().trim().length() > 32) {
                    why.add("number");
                }
                if (b.floorsAbove() == null || b.floorsAbove() < 1 || b.floorsAbove() > 200) {
                    why.add("floorsAbove");
                }
                if (b.floorsBelow() == null || b.floorsBelow() < 0 || b.floorsBelow() > 20) {
                    why.add("floorsBelow");
                }
                List<String> units = b.units() == null ? List.of() : b.units();
                if (units.stream().anyMatch(u -> blank(u) || u.trim().length() > 32) || new HashSet<>(units).size() != units.size()) {
                    why.add("units");
                }
                if (!why.isEmpty()) {
                    n.skip("building " + b.projectCode() + "/" + b.number() + ": invalid " + why);
                    continue;
                }
                String key = estate + "/" + b.number().trim();
                BuildingRow row = existing.get(key);
                String name = blank(b.name()) ? null : b.name().trim();
                boolean isNew = row == null;
                boolean changed = false;
                if (isNew) {
                    row = new BuildingRow();
                    row.id = ids.next("est_building_seq", 50);
                    row.name = name;
                    row.floorsAbove = b.floorsAbove();
                    row.floorsBelow = b.floorsBelow();
                    existing.put(key, row);
                    ins.setLong(1, row.id);
                    ins.setLong(2, estate);
                    ins.setString(3, b.number().trim());
                    ins.setString(4, name);
                    ins.setInt(5, b.floorsAbove());
                    ins.setInt(6, b.floorsBelow());
                    ins.setObject(7, now);
                    ins.setString(8, actor);
                    ins.setObject(9, now);
                    ins.setString(10, actor);
                    ins.addBatch();
                    anyIns = true;
                    n.created++;
                } else if (!Objects.equals(row.name, name) || row.floorsAbove != b.floorsAbove() || row.floorsBelow != b.floorsBelow()) {
                    row.name = name;
                    row.floorsAbove = b.floorsAbove();
                    row.floorsBelow = b.floorsBelow();
                    upd.setString(1, name);
                    upd.setInt(2, b.floorsAbove());
                    upd.setInt(3, b.floorsBelow());
                    upd.setObject(4, now);
                    upd.setString(5, actor);
                    upd.setLong(6, row.id);
                    upd.addBatch();
                    anyUpd = true;
                    changed = true;
                }
                for (int i = 0; i < units.size(); i++) {
                    String u = units.get(i).trim();
                    if (!row.units.containsKey(u)) {
                        long id = ids.next("est_building_unit_seq", 50);
                        row.units.put(u, id);
                        unit.setLong(1, id);
                        unit.setLong(2, row.id);
                        unit.setString(3, u);
                        unit.setInt(4, row.units.size());
                        unit.addBatch();
                        anyUnit = true;
                        changed |= !isNew;
                    }
                }
                if (changed) {
                    n.updated++;
                }
            }
            if (anyIns) {
                ins.executeBatch();
            }
            if (anyUpd) {
                upd.executeBatch();
            }
            if (anyUnit) {
                unit.executeBatch();
            }
        }
    }

    // ------------------------------------------------------------------ houses and owners

    private static final String[] OWNER_COLUMNS = {"id", "name", "id_type", "id_number", "phone", "version", "created_at", "created_by",
        "updated_at", "updated_by"};
    private static final int[] OWNER_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR};
    private static final String[] HOUSE_COLUMNS = {"id", "estate_id", "building_id", "unit_id", "unit_code", "floor_no", "room_no", "house_use",
        "planned_area", "measured_area", "status", "version", "created_at", "created_by", "updated_at", "updated_by"};
    private static final int[] HOUSE_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
        Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR};
    private static final String[] LINK_COLUMNS = {"id", "house_id", "owner_id", "share", "created_at"};
    private static final int[] LINK_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.NUMERIC, Types.TIMESTAMP_WITH_TIMEZONE};

    /** A stored house as far as the sync compares it. */
    static final class HouseRow {
        long id;
        long estateId;
        long buildingId;
        Long unitId;
        int floor;
        String roomNo;
        String use;
        BigDecimal planned;
        BigDecimal measured;
        String status;
        final Set<String> owners = new TreeSet<>();
    }

    private void houses(Connection c, Ids ids, List<HouseRecord> in, Counters n, OffsetDateTime now, String actor) throws SQLException {
        if (in.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        // the latest record of each unit code wins
        Map<String, HouseRecord> latest = new LinkedHashMap<>();
        for (HouseRecord h : in) {
            String code = unitCode(h.unitCode());
            if (code != null && UnitCode.isValid(code)) {
                latest.put(code, h);
            }
        }
        Map<String, Long> estates = estateIds(c, in.stream().filter(h -> h.projectCode() != null).map(h -> h.projectCode().trim()).toList());
        Map<String, BuildingRow> buildings = buildingsOf(c, estates.values());

        Map<String, HouseRecord> valid = new LinkedHashMap<>();
        for (HouseRecord h : in) {
            String code = unitCode(h.unitCode());
            List<String> pre = ids.prechecked == null ? null : ids.prechecked.get(h);
            List<String> why = validate(h, pre != null ? pre : precheck(h), estates, buildings);
            if (!why.isEmpty()) {
                n.skip("house " + h.unitCode() + ": " + String.join("; ", why));
            } else if (latest.get(code) == h) {
                valid.put(code, h);
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        long t1 = System.nanoTime();
        ids.nanos[1] += t1 - t0;
        // what is stored
        Map<String, HouseRow> existing = new HashMap<>();
        Map<Long, HouseRow> byId = new HashMap<>();
        {
            // one array parameter: one statement (and plan) whatever the size of the page
            try (PreparedStatement ps = c.prepareStatement("SELECT unit_code, id, estate_id, building_id, unit_id, floor_no, room_no, house_use, planned_area, "
                    + "measured_area, status FROM est_house WHERE unit_code = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("VARCHAR", valid.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        HouseRow r = new HouseRow();
                        r.id = rs.getLong(2);
                        r.estateId = rs.getLong(3);
                        r.buildingId = rs.getLong(4);
                        long u = rs.getLong(5);
                        r.unitId = rs.wasNull() ? null : u;
                        r.floor = rs.getInt(6);
                        r.roomNo = rs.getString(7);
                        r.use = rs.getString(8);
                        r.planned = rs.getBigDecimal(9);
                        r.measured = rs.getBigDecimal(10);
                        r.status = rs.getString(11);
                        existing.put(rs.getString(1), r);
                        byId.put(r.id, r);
                    }
                }
            }
        }
        if (!byId.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ho.house_id, o.id_type, o.id_number, ho.share FROM est_house_owner ho "
                    + "JOIN est_owner o ON o.id = ho.owner_id WHERE ho.house_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("BIGINT", byId.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byId.get(rs.getLong(1)).owners.add(ownerSig(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
                    }
                }
            }
        }
        Map<String, Object[]> owners = new HashMap<>(); // type:number → {id, name, phone}
        Map<String, Set<String>> numbersByType = new HashMap<>(); // by type, so that the (id_type, id_number) index is used
        valid.values().forEach(h -> h.owners().forEach(o -> numbersByType.computeIfAbsent(o.idType().trim(), k -> new TreeSet<>())
                .add(idNumber(o.idNumber()))));
        for (Map.Entry<String, Set<String>> t : numbersByType.entrySet()) {
            // one array parameter: the same statement (and plan) whatever the number of owners
            try (PreparedStatement ps = c.prepareStatement("SELECT id, id_type, id_number, name, phone FROM est_owner WHERE id_type = ? AND id_number = ANY (?)")) {
                ps.setString(1, t.getKey());
                ps.setArray(2, c.createArrayOf("VARCHAR", t.getValue().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        owners.put(rs.getString(2) + ":" + rs.getString(3), new Object[] {rs.getLong(1), rs.getString(4), rs.getString(5)});
                    }
                }
            }
        }

        long t2 = System.nanoTime();
        ids.nanos[2] += t2 - t1;
        try (SyncRows insOwner = SyncRows.open(c, ids.copy, "est_owner", OWNER_COLUMNS, OWNER_TYPES);
             PreparedStatement updOwner = c.prepareStatement("UPDATE est_owner SET name = ?, phone = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?");
             SyncRows insHouse = SyncRows.open(c, ids.copy, "est_house", HOUSE_COLUMNS, HOUSE_TYPES);
             PreparedStatement updHouse = c.prepareStatement("UPDATE est_house SET estate_id = ?, building_id = ?, unit_id = ?, floor_no = ?, room_no = ?, "
                     + "house_use = ?, planned_area = ?, measured_area = ?, status = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?");
             PreparedStatement delLinks = c.prepareStatement("DELETE FROM est_house_owner WHERE house_id = ?");
             SyncRows insLink = SyncRows.open(c, ids.copy, "est_house_owner", LINK_COLUMNS, LINK_TYPES)) {
            int nUpdOwner = 0;
            int nUpdHouse = 0;
            int nDel = 0;
            for (Map.Entry<String, HouseRecord> e : valid.entrySet()) {
                HouseRecord h = e.getValue();
                long estate = estates.get(h.projectCode().trim());
                BuildingRow b = buildings.get(estate + "/" + h.buildingNumber().trim());
                Long unitId = blank(h.unitName()) ? null : b.units.get(h.unitName().trim());
                String status = h.status() != null ? h.status().trim() : h.owners().isEmpty() ? HouseStatus.UNSOLD.name() : HouseStatus.SOLD.name();
                String use = h.use().trim();
                Set<String> sig = new TreeSet<>();
                for (OwnerRecord o : h.owners()) {
                    sig.add(ownerSig(o.idType().trim(), idNumber(o.idNumber()), o.share()));
                }
                // owners (shared between houses): insert the new, update changed names / phones
                List<long[]> links = new ArrayList<>();
                for (OwnerRecord o : h.owners()) {
                    String number = idNumber(o.idNumber());
                    String key = o.idType().trim() + ":" + number;
                    String phone = blank(o.phone()) ? null : phone(o.phone());
                    Object[] row = owners.get(key);
                    if (row == null) {
                        long id = ids.next("est_owner_seq", 500);
                        row = new Object[] {id, o.name().trim(), phone};
                        owners.put(key, row);
                        insOwner.add(id, o.name().trim(), o.idType().trim(), number, phone, 1L, now, actor, now, actor);
                    } else if (!Objects.equals(row[1], o.name().trim()) || !Objects.equals(row[2], phone)) {
                        row[1] = o.name().trim();
                        row[2] = phone;
                        updOwner.setString(1, o.name().trim());
                        updOwner.setString(2, phone);
                        updOwner.setObject(3, now);
                        updOwner.setString(4, actor);
                        updOwner.setLong(5, (Long) row[0]);
                        updOwner.addBatch();
                        nUpdOwner++;
                    }
                    links.add(new long[] {(Long) row[0]});
                }
                HouseRow r = existing.get(e.getKey());
                long houseId;
                boolean relink;
                if (r == null) {
                    houseId = ids.next("est_house_seq", 500);
                    insHouse.add(houseId, estate, b.id, unitId, e.getKey(), h.floor(), h.roomNo().trim(), use, h.plannedArea(), h.measuredArea(),
                            status, 1L, now, actor, now, actor);
                    n.created++;
                    relink = true;
                } else {
                    houseId = r.id;
                    relink = !r.owners.equals(sig);
                    boolean changed = relink || r.estateId != estate || r.buildingId != b.id || !Objects.equals(r.unitId, unitId)
                            || r.floor != h.floor() || !r.roomNo.equals(h.roomNo().trim()) || !r.use.equals(use) || !r.status.equals(status)
                            || !sameAmount(r.planned, h.plannedArea()) || !sameAmount(r.measured, h.measuredArea());
                    if (changed) {
                        updHouse.setLong(1, estate);
                        updHouse.setLong(2, b.id);
                        updHouse.setObject(3, unitId, java.sql.Types.BIGINT);
                        updHouse.setInt(4, h.floor());
                        updHouse.setString(5, h.roomNo().trim());
                        updHouse.setString(6, use);
                        updHouse.setBigDecimal(7, h.plannedArea());
                        updHouse.setBigDecimal(8, h.measuredArea());
                        updHouse.setString(9, status);
                        updHouse.setObject(10, now);
                        updHouse.setString(11, actor);
                        updHouse.setLong(12, houseId);
                        updHouse.addBatch();
                        nUpdHouse++;
                        n.updated++;
                    }
                    if (relink) {
                        delLinks.setLong(1, houseId);
                        delLinks.addBatch();
                        nDel++;
                    }
                }
                if (relink) {
                    for (int i = 0; i < links.size(); i++) {
                        insLink.add(ids.next("est_house_owner_seq", 500), houseId, links.get(i)[0], h.owners().get(i).share(), now);
                    }
                }
            }
            long t3 = System.nanoTime();
            ids.nanos[3] += t3 - t2;
            // in the order of the foreign keys: owners and houses before their links
            insOwner.flush();
            if (nUpdOwner > 0) {
                updOwner.executeBatch();
            }
            insHouse.flush();
            if (nUpdHouse > 0) {
                updHouse.executeBatch();
            }
            if (nDel > 0) {
                delLinks.executeBatch();
            }
            insLink.flush();
            ids.nanos[4] += System.nanoTime() - t3;
        }
    }

    /** Why the house cannot be imported (empty = it can): the house and all its owners are checked before anything is written. */
    static List<String> validate(HouseRecord h, Map<String, Long> estates, Map<String, BuildingRow> buildings) {
        return validate(h, precheck(h), estates, buildings);
    }

    /** {@link #validate} given the result of {@link #precheck} (computed while the previous page was written). */
    static List<String> validate(HouseRecord h, List<String> prechecked, Map<String, Long> estates, Map<String, BuildingRow> buildings) {
        List<String> why = new ArrayList<>(prechecked);
        Long estate = h.projectCode() == null ? null : estates.get(h.projectCode().trim());
        BuildingRow b = null;
        if (estate == null) {
            why.add("project " + h.projectCode() + " unknown");
        } else if (h.buildingNumber() == null || (b = buildings.get(estate + "/" + h.buildingNumber().trim())) == null) {
            why.add("building " + h.buildingNumber() + " unknown");
        }
        if (b != null && !blank(h.unitName()) && !b.units.containsKey(h.unitName().trim())) {
            why.add("unit " + h.unitName() + " unknown");
        }
        if (h.floor() != null && b != null && (h.floor() == 0 || h.floor() > b.floorsAbove || h.floor() < -b.floorsBelow)) {
            why.add("floor " + h.floor() + " outside -" + b.floorsBelow + ".." + b.floorsAbove);
        }
        return why;
    }

    /**
     * The checks of a house that need nothing stored (unit code, floor given, room, use, status,
     * areas, every owner's document, phone and share): the costly part of the validation, done by
     * the fetching thread.
     */
    static List<String> precheck(HouseRecord h) {
        List<String> why = new ArrayList<>();
        List<String> code = UnitCode.violations(h.unitCode());
        if (!code.isEmpty()) {
            why.add("unitCode " + code);
        }
        if (h.floor() == null) {
            why.add("floor missing");
        }
        if (blank(h.roomNo()) || h.roomNo().trim().length() > 32) {
            why.add("roomNo");
        }
        if (!isEnum(HouseUse.class, h.use())) {
            why.add("use " + h.use());
        }
        if (h.status() != null && !isEnum(HouseStatus.class, h.status())) {
            why.add("status " + h.status());
        }
        for (BigDecimal a : new BigDecimal[] {h.plannedArea(), h.measuredArea()}) {
            if (a != null && (a.signum() <= 0 || a.compareTo(MAX_AREA) > 0 || a.stripTrailingZeros().scale() > 2)) {
                why.add("area " + a);
            }
        }
        List<OwnerRecord> owners = h.owners() == null ? List.of() : h.owners();
        if (h.owners() == null) {
            why.add("owners missing");
        }
        BigDecimal total = BigDecimal.ZERO;
        Set<String> docs = new HashSet<>();
        for (int i = 0; i < owners.size(); i++) {
            OwnerRecord o = owners.get(i);
            if (o == null) {
                why.add("owners[" + i + "] missing");
                continue;
            }
            IdType type = null;
            if (!isEnum(IdType.class, o.idType())) {
                why.add("owners[" + i + "].idType " + o.idType());
            } else {
                type = IdType.valueOf(o.idType().trim());
            }
            Validation v = EstateValidation.newValidation();
            EstateValidation.owner(new OwnerInput(o.name(), type, o.idNumber(), o.phone(), o.share()), "owners[" + i + "].", v);
            for (FieldError fe : v.errors()) {
                if (type != null || !fe.field().endsWith("idType")) {
                    why.add(fe.field() + " " + fe.code());
                }
            }
            if (o.name() != null && o.name().trim().length() > 100) {
                why.add("owners[" + i + "].name too long");
            }
            if (type != null && o.idNumber() != null && !docs.add(type + ":" + idNumber(o.idNumber()))) {
                why.add("owners[" + i + "] twice");
            }
            if (o.share() != null) {
                total = total.add(o.share());
            }
        }
        if (total.compareTo(HUNDRED) > 0) {
            why.add("owners' shares above 100");
        }
        return why;
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        if (value == null) {
            return false;
        }
        try {
            Enum.valueOf(type, value.trim());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String ownerSig(String type, String number, BigDecimal share) {
        return type + ":" + number + ":" + (share == null ? "-" : share.stripTrailingZeros().toPlainString());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** {@link UnitCode#normalize}, without its regular expression when there is nothing to normalise (the usual case). */
    static String unitCode(String raw) {
        return raw == null ? null : plain(raw) ? raw : UnitCode.normalize(raw);
    }

    /** {@link IdDocuments#normalize}, without its regular expression when there is nothing to normalise. */
    static String idNumber(String raw) {
        return raw == null ? null : plain(raw) ? raw : IdDocuments.normalize(raw);
    }

    /** {@link EstateValidation#normalizePhone}, without its regular expression when there is nothing to normalise. */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if ((ch < '0' || ch > '9') && ch != '+') {
                return EstateValidation.normalizePhone(raw);
            }
        }
        return raw;
    }

    /** Only ASCII digits and capital letters: what every normalisation above leaves unchanged. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ((ch < '0' || ch > '9') && (ch < 'A' || ch > 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = new ArrayList<>(all);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += IN_CHUNK) {
            out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
    }

    static long nextval(Connection c, String sequence) throws SQLException {
        return nextval(c, sequence, c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2"));
    }

    private static long nextval(Connection c, String sequence, boolean h2) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(h2 ? "SELECT NEXT VALUE FOR " + sequence : "SELECT nextval('" + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * What the run keeps about its connection: id blocks as EclipseLink takes them ({@code nextval}
     * is the END of a block of {@code size} ids), and whether new rows go by COPY (PostgreSQL).
     */
    static final class Ids {
        private final Connection c;
        private final boolean h2;
        final boolean copy;
        /** the prechecks of the houses of the current page */
        Map<HouseRecord, List<String>> prechecked;
        /** time spent per phase (ns): waiting for pages, validating, reading, deciding, writing, committing */
        final long[] nanos = new long[6];
        private final Map<String, long[]> blocks = new HashMap<>();

        Ids(Connection c) throws SQLException {
            this.c = c;
            this.h2 = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
            boolean pg = false;
            if (!h2) {
                try {
                    pg = PgCopyRows.usable(c);
                } catch (LinkageError e) { // the driver's API is not visible (optional import unwired)
                    pg = false;
                }
            }
            this.copy = pg;
        }

        long next(String sequence, int size) throws SQLException {
            long[] b = blocks.get(sequence);
            if (b == null || b[0] > b[1]) {
                long end = nextval(c, sequence, h2);
                b = new long[] {end - size + 1, end};
                blocks.put(sequence, b);
            }
            return b[0]++;
        }
    }
}
