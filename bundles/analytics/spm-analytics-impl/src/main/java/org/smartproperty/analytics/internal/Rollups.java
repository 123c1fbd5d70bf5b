package org.smartproperty.analytics.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.smartproperty.analytics.RollupRun;

/**
 * The rollup maintenance (ANA-1..6) on plain JDBC, on the main database (the only place that is written).
 *
 * <p>Read model: the analytics domain reads, and never writes, these tables of other domains (its read model; a change
 * of their columns must change this class): {@code cpl_complaint} + {@code cpl_event}, {@code dl_deadline} (domain
 * {@code complaint}), {@code svc_repair} + {@code svc_repair_event}, {@code svc_patrol_task} + {@code svc_patrol_event},
 * {@code vot_vote} + {@code vot_event}, {@code svy_survey} / {@code svy_response} / {@code svy_answer} / {@code svy_target},
 * {@code tnd_tender} / {@code tnd_bidder}, {@code est_estate}, {@code cmp_company} / {@code cmp_filing},
 * {@code crd_company}, {@code asm_report} / {@code asm_round}. A source whose table is not there (its domain not
 * installed) is skipped.
 *
 * <p>Incremental: the big, case-like sources are found through their append-only timelines (every change of a
 * complaint, repair, patrol or vote writes an event row; a satisfaction answer is a new response row): the rows with an
 * id above the stored watermark (minus a look-back of {@link #LOOKBACK_IDS} ids, because ids come from per-node blocks
 * of 50 and a lower id may commit later) name the cases changed, whose (month, estate) keys go into {@code ana_dirty};
 * deadlines that fell due since the last run name complaints newly overdue; tenders and their bids (a few per estate)
 * are read by {@code updated_at}. Every dirty key is then recomputed from the sources — delete its rows, insert the
 * aggregate — so a run is idempotent and reading a change twice costs time, not correctness. The company-level facts
 * (names, credit, filings, assessment reports: thousands of rows at province scale) and the estate names are rebuilt
 * whole in each run. {@link #rebuild} recomputes everything (the repair; also the nightly job, which catches an id
 * committed later than the look-back).
 *
 * <p>Month attribution: a case counts in the month it was registered (complaint {@code registered_at}, repair
 * {@code requested_at}, patrol task and vote {@code created_at}), with its current status: closed = CLOSED or REJECTED,
 * repair done = COMPLETED or CONFIRMED; overdue = its deadline's due time passed before it finished (or now);
 * satisfaction in the first month of the survey's period; tenders in the month created; filings in the month submitted;
 * assessment reports in the last month of the round's period.
 */
final class Rollups {

    /**
     * Ids re-read below the watermark in every incremental run: ids come in blocks of 50 per node (the sequences'
     * allocation size), so a lower id may commit after a higher one was read; 20 blocks cover the nodes' blocks in use
     * of a small cluster. A block held longer than that is caught by the nightly rebuild.
     */
    static final long LOOKBACK_IDS = 1_000;

    static final List<String> METRICS = List.of("cpl_received", "cpl_closed", "cpl_overdue", "rep_received", "rep_done", "pat_tasks",
            "pat_closed", "votes", "sat_sum", "sat_count", "satc_sum", "satc_count", "tenders", "tenders_awarded", "bids", "bids_won");

    private Rollups() {
    }

    static String ym(String expr) {
        return "CAST(EXTRACT(YEAR FROM " + expr + ") * 100 + EXTRACT(MONTH FROM " + expr + ") AS INT)";
    }

    /** One source of ana_estate_month: FROM/WHERE with the estate and month expressions and its metrics. */
    private record Source(String table, String from, String estate, String month, String company, String where, Map<String, String> metrics) {
    }

    private static List<Source> sources() {
        List<Source> s = new ArrayList<>();
        s.add(new Source("cpl_complaint", "cpl_complaint c LEFT JOIN (SELECT item_id, 1 AS late FROM dl_deadline WHERE domain = 'complaint'"
                + " AND due_at < COALESCE(finished_at, ?) %DLDIRTY% GROUP BY item_id) o ON o.item_id = c.id",
                "c.estate_id", "c.registered_at", "c.company_id", "c.estate_id IS NOT NULL", Map.of(
                "cpl_received", "COUNT(*)",
                "cpl_closed", "SUM(CASE WHEN c.status IN ('CLOSED', 'REJECTED') THEN 1 ELSE 0 END)",
                "cpl_overdue", "SUM(COALESCE(o.late, 0))")));
        s.add(new Source("svc_repair", "svc_repair r", "r.estate_id", "r.requested_at", "r.company_id", "r.estate_id IS NOT NULL", Map.of(
                "rep_received", "COUNT(*)",
                "rep_done", "SUM(CASE WHEN r.status IN ('COMPLETED', 'CONFIRMED') THEN 1 ELSE 0 END)")));
        s.add(new Source("svc_patrol_task", "svc_patrol_task p", "p.estate_id", "p.created_at", "p.company_id", "p.estate_id IS NOT NULL", Map.of(
                "pat_tasks", "COUNT(*)",
                "pat_closed", "SUM(CASE WHEN p.status = 'CLOSED' THEN 1 ELSE 0 END)")));
        s.add(new Source("vot_vote", "vot_vote v", "v.estate_id", "v.created_at", "v.company_id", "v.estate_id IS NOT NULL", Map.of(
                "votes", "COUNT(*)")));
        s.add(new Source("svy_response", "svy_response sr JOIN svy_survey s ON s.id = sr.survey_id JOIN svy_answer a ON a.response_id = sr.id"
                + " LEFT JOIN svy_target t ON t.survey_id = sr.survey_id AND t.estate_id = sr.estate_id",
                "sr.estate_id", "COALESCE(s.period_from, CAST(s.created_at AS DATE))", "t.company_id",
                "sr.estate_id IS NOT NULL AND a.score IS NOT NULL", Map.of(
                "sat_sum", "SUM(CASE WHEN s.subject = 'COMPANY' THEN a.score ELSE 0 END)",
                "sat_count", "SUM(CASE WHEN s.subject = 'COMPANY' THEN 1 ELSE 0 END)",
                "satc_sum", "SUM(CASE WHEN s.subject = 'COMMITTEE' THEN a.score ELSE 0 END)",
                "satc_count", "SUM(CASE WHEN s.subject = 'COMMITTEE' THEN 1 ELSE 0 END)")));
        s.add(new Source("tnd_tender", "tnd_tender td", "td.estate_id", "td.created_at", "td.winner_company_id", "td.estate_id IS NOT NULL", Map.of(
                "tenders", "COUNT(*)",
                "tenders_awarded", "SUM(CASE WHEN td.winner_company_id IS NOT NULL THEN 1 ELSE 0 END)")));
        s.add(new Source("tnd_bidder", "tnd_bidder b JOIN tnd_tender td ON td.id = b.tender_id", "td.estate_id", "td.created_at", "b.company_id",
                "td.estate_id IS NOT NULL", Map.of(
                "bids", "COUNT(*)",
                "bids_won", "SUM(CASE WHEN b.company_id = td.winner_company_id THEN 1 ELSE 0 END)")));
        return s;
    }

    /** Incremental run: the changes since the watermarks. */
    static RollupRun refresh(Connection c, Instant now) throws SQLException {
        long t0 = System.nanoTime();
        Set<String> tables = tables(c);
        Set<Key> dirty = new HashSet<>();
        byId(c, tables, dirty, "cpl_event", "complaint_id", "cpl_complaint", "c", "c.registered_at");
        byId(c, tables, dirty, "svc_repair_event", "repair_id", "svc_repair", "c", "c.requested_at");
        byId(c, tables, dirty, "svc_patrol_event", "task_id", "svc_patrol_task", "c", "c.created_at");
        byId(c, tables, dirty, "vot_event", "vote_id", "vot_vote", "c", "c.created_at");
        if (tables.contains("svy_response") && tables.contains("svy_survey")) {
            long wm = watermark(c, "svy_response");
            long max = collect(c, dirty, "SELECT MAX(sr.id) FROM svy_response sr WHERE sr.id > ?", "SELECT DISTINCT "
                    + ym("COALESCE(s.period_from, CAST(s.created_at AS DATE))") + ", sr.estate_id FROM svy_response sr JOIN svy_survey s ON s.id = sr.survey_id"
                    + " WHERE sr.id > ? AND sr.estate_id IS NOT NULL", Math.max(0, wm - LOOKBACK_IDS));
            setWatermark(c, "svy_response", Math.max(wm, max), null, now);
        }
        if (tables.contains("dl_deadline") && tables.contains("cpl_complaint")) {
            Instant last = lastAt(c, "dl_deadline");
            if (last != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + ym("c.registered_at") + ", c.estate_id FROM dl_deadline d"
                        + " JOIN cpl_complaint c ON c.id = d.item_id WHERE d.domain = 'complaint' AND d.state IN ('RUNNING', 'PAUSED')"
                        + " AND d.due_at > ? AND d.due_at <= ? AND c.estate_id IS NOT NULL")) {
                    ps.setTimestamp(1, Timestamp.from(last.minusSeconds(60)));
                    ps.setTimestamp(2, Timestamp.from(now));
                    read(ps, dirty);
                }
            }
            setWatermark(c, "dl_deadline", 0, now, now);
        }
        if (tables.contains("tnd_tender")) {
            Instant last = lastAt(c, "tnd_tender");
            Timestamp since = Timestamp.from(last == null ? Instant.EPOCH : last.minusSeconds(60));
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + ym("td.created_at") + ", td.estate_id FROM tnd_tender td"
                    + " WHERE td.estate_id IS NOT NULL AND (td.updated_at > ?" + (tables.contains("tnd_bidder")
                    ? " OR td.id IN (SELECT b.tender_id FROM tnd_bidder b WHERE b.updated_at > ?)" : "") + ")")) {
                ps.setTimestamp(1, since);
                if (tables.contains("tnd_bidder")) {
                    ps.setTimestamp(2, since);
                }
                read(ps, dirty);
            }
            setWatermark(c, "tnd_tender", 0, now, now);
        }
        long rows = 0;
        if (!dirty.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM ana_dirty");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ana_dirty (ym, estate_id) VALUES (?, ?)")) {
                int n = 0;
                for (Key k : dirty) {
                    ps.setInt(1, k.ym());
                    ps.setLong(2, k.estateId());
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            if (org.smartproperty.platform.Jdbc.postgres(c)) {
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE ana_dirty"); // its row count steers the joins below to the sources' estate indexes
                }
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM ana_estate_month WHERE EXISTS (SELECT 1 FROM ana_dirty d WHERE d.ym = ana_estate_month.ym"
                        + " AND d.estate_id = ana_estate_month.estate_id)");
            }
            rows = insertEstateMonths(c, tables, now, true);
            rows += years(c, true);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM ana_dirty");
            }
        }
        rows += dimensions(c, tables, false, now);
        return new RollupRun(false, dirty.size(), rows, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Full rebuild: every rollup from the sources; the watermarks move to the sources' ends. */
    static RollupRun rebuild(Connection c, Instant now) throws SQLException {
        long t0 = System.nanoTime();
        Set<String> tables = tables(c);
        for (String[] log : new String[][] {{"cpl_event"}, {"svc_repair_event"}, {"svc_patrol_event"}, {"vot_event"}, {"svy_response"}}) {
            if (tables.contains(log[0])) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + log[0])) {
                    rs.next();
                    setWatermark(c, log[0], rs.getLong(1), null, now);
                }
            }
        }
        setWatermark(c, "dl_deadline", 0, now, now);
        setWatermark(c, "tnd_tender", 0, now, now);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM ana_dirty");
            st.executeUpdate("DELETE FROM ana_estate_month");
        }
        long rows = insertEstateMonths(c, tables, now, false);
        rows += years(c, false);
        long keys;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM (SELECT DISTINCT ym, estate_id FROM ana_estate_month) k")) {
            rs.next();
            keys = rs.getLong(1);
        }
        rows += dimensions(c, tables, true, now);
        return new RollupRun(true, keys, rows, (System.nanoTime() - t0) / 1_000_000);
    }

    private static long insertEstateMonths(Connection c, Set<String> tables, Instant now, boolean onlyDirty) throws SQLException {
        List<String> parts = new ArrayList<>();
        List<Instant> params = new ArrayList<>();
        for (Source s : sources()) {
            if (!tables.contains(s.table()) || (s.table().equals("cpl_complaint") && !tables.contains("dl_deadline"))
                    || (s.table().equals("svy_response") && !(tables.contains("svy_survey") && tables.contains("svy_answer") && tables.contains("svy_target")))
                    || (s.table().equals("tnd_bidder") && !tables.contains("tnd_tender"))) {
                continue;
            }
            String month = ym(s.month());
            StringBuilder sql = new StringBuilder("SELECT ").append(month).append(" AS ym, ").append(s.estate()).append(" AS estate_id, COALESCE(")
                    .append(s.company()).append(", 0) AS company_id");
            for (String m : METRICS) {
                sql.append(", ").append(s.metrics().getOrDefault(m, "0")).append(" AS ").append(m);
            }
            String from = s.from().replace("%DLDIRTY%", onlyDirty ? "AND estate_id IN (SELECT estate_id FROM ana_dirty)" : "");
            sql.append(" FROM ").append(from);
            if (onlyDirty) {
                sql.append(" JOIN ana_dirty d ON d.estate_id = ").append(s.estate()).append(" AND d.ym = ").append(month);
            }
            sql.append(" WHERE ").append(s.where());
            if (onlyDirty) {
                sql.append(" AND ").append(s.estate()).append(" IN (SELECT estate_id FROM ana_dirty)");
            }
            sql.append(" GROUP BY ").append(month).append(", ").append(s.estate()).append(", COALESCE(")
                    .append(s.company()).append(", 0)");
            parts.add(sql.toString());
            if (s.from().contains("?")) {
                params.add(now);
            }
        }
        if (parts.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ana_estate_month (ym, estate_id, company_id, ").append(String.join(", ", METRICS))
                .append(") SELECT ym, estate_id, company_id");
        for (String m : METRICS) {
            sql.append(", SUM(").append(m).append(")");
        }
        sql.append(" FROM (").append(String.join(" UNION ALL ", parts)).append(") f GROUP BY ym, estate_id, company_id");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setTimestamp(i + 1, Timestamp.from(params.get(i)));
            }
            return ps.executeUpdate();
        }
    }

    /** ana_estate_year from ana_estate_month: the years of the dirty keys, or all. */
    private static long years(Connection c, boolean onlyDirty) throws SQLException {
        String sums = String.join(", ", METRICS.stream().map(m -> "SUM(" + m + ")").toList());
        try (Statement st = c.createStatement()) {
            if (onlyDirty) {
                String dirtyYears = "(SELECT DISTINCT CAST(d.ym / 100 AS INT) AS yr, d.estate_id FROM ana_dirty d)";
                st.executeUpdate("DELETE FROM ana_estate_year WHERE EXISTS (SELECT 1 FROM " + dirtyYears + " k WHERE k.yr = ana_estate_year.yr"
                        + " AND k.estate_id = ana_estate_year.estate_id)");
                return st.executeUpdate("INSERT INTO ana_estate_year (yr, estate_id, company_id, " + String.join(", ", METRICS) + ")"
                        + " SELECT CAST(m.ym / 100 AS INT), m.estate_id, m.company_id, " + sums + " FROM ana_estate_month m"
                        + " JOIN " + dirtyYears + " k ON k.estate_id = m.estate_id AND m.ym BETWEEN k.yr * 100 + 1 AND k.yr * 100 + 12"
                        + " GROUP BY CAST(m.ym / 100 AS INT), m.estate_id, m.company_id");
            }
            st.executeUpdate("DELETE FROM ana_estate_year");
            return st.executeUpdate("INSERT INTO ana_estate_year (yr, estate_id, company_id, " + String.join(", ", METRICS) + ")"
                    + " SELECT CAST(ym / 100 AS INT), estate_id, company_id, " + sums + " FROM ana_estate_month GROUP BY CAST(ym / 100 AS INT), estate_id, company_id");
        }
    }

    /** The estate and company dimensions and the company-month facts (small: rebuilt whole). */
    private static long dimensions(Connection c, Set<String> tables, boolean force, Instant now) throws SQLException {
        long rows = 0;
        if (tables.contains("est_estate")) {
            Instant last = lastAt(c, "est_estate");
            Instant newest;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(updated_at) FROM est_estate")) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                newest = t == null ? null : t.toInstant();
            }
            if (force || last == null || (newest != null && newest.isAfter(last))) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM ana_estate");
                    rows += st.executeUpdate("INSERT INTO ana_estate (estate_id, name, community, company_id) SELECT id, name, community, company_id FROM est_estate");
                }
                setWatermark(c, "est_estate", 0, newest == null ? now : newest, now);
            }
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM ana_company");
            if (tables.contains("cmp_company")) {
                rows += st.executeUpdate(tables.contains("crd_company")
                        ? "INSERT INTO ana_company (company_id, name, credit_score, credit_grade) SELECT m.id, m.name, k.score, k.grade FROM cmp_company m"
                                + " LEFT JOIN crd_company k ON k.company_id = m.id"
                        : "INSERT INTO ana_company (company_id, name) SELECT id, name FROM cmp_company");
            }
            st.executeUpdate("DELETE FROM ana_company_month");
            List<String> parts = new ArrayList<>();
            if (tables.contains("cmp_filing")) {
                parts.add("SELECT " + ym("COALESCE(submitted_at, created_at)") + " AS ym, company_id, COUNT(*) AS filings,"
                        + " SUM(CASE WHEN status = 'APPROVED' THEN 1 ELSE 0 END) AS filings_approved, 0 AS asm_reports, 0 AS asm_score_sum"
                        + " FROM cmp_filing GROUP BY " + ym("COALESCE(submitted_at, created_at)") + ", company_id");
            }
            if (tables.contains("asm_report") && tables.contains("asm_round")) {
                parts.add("SELECT " + ym("r.period_to") + " AS ym, p.company_id, 0, 0, COUNT(*), SUM(p.score) FROM asm_report p"
                        + " JOIN asm_round r ON r.id = p.round_id WHERE p.score IS NOT NULL GROUP BY " + ym("r.period_to") + ", p.company_id");
            }
            if (!parts.isEmpty()) {
                rows += st.executeUpdate("INSERT INTO ana_company_month (ym, company_id, filings, filings_approved, asm_reports, asm_score_sum)"
                        + " SELECT ym, company_id, SUM(filings), SUM(filings_approved), SUM(asm_reports), SUM(asm_score_sum) FROM ("
                        + String.join(" UNION ALL ", parts) + ") f GROUP BY ym, company_id");
            }
        }
        return rows;
    }

    private static void byId(Connection c, Set<String> tables, Set<Key> dirty, String log, String fk, String table, String alias, String month)
            throws SQLException {
        if (!tables.contains(log) || !tables.contains(table)) {
            return;
        }
        long wm = watermark(c, log);
        long max = collect(c, dirty, "SELECT MAX(id) FROM " + log + " WHERE id > ?",
                "SELECT DISTINCT " + ym(month) + ", " + alias + ".estate_id FROM " + table + " " + alias + " WHERE " + alias + ".id IN (SELECT "
                        + fk + " FROM " + log + " WHERE id > ?) AND " + alias + ".estate_id IS NOT NULL", Math.max(0, wm - LOOKBACK_IDS));
        setWatermark(c, log, Math.max(wm, max), null, Instant.now());
    }

    private static long collect(Connection c, Set<Key> dirty, String maxSql, String keysSql, long above) throws SQLException {
        long max = 0;
        try (PreparedStatement ps = c.prepareStatement(maxSql)) {
            ps.setLong(1, above);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    max = rs.getLong(1);
                }
            }
        }
        if (max == 0) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(keysSql)) {
            ps.setLong(1, above);
            read(ps, dirty);
        }
        return max;
    }

    private static void read(PreparedStatement ps, Set<Key> dirty) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                dirty.add(new Key(rs.getInt(1), rs.getLong(2)));
            }
        }
    }

    private static long watermark(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id FROM ana_watermark WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Instant lastAt(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_at FROM ana_watermark WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }
                return null;
            }
        }
    }

    private static void setWatermark(Connection c, String source, long id, Instant at, Instant now) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE ana_watermark SET last_id = ?, last_at = ?, updated_at = ? WHERE source = ?")) {
            up.setLong(1, id);
            up.setTimestamp(2, at == null ? null : Timestamp.from(at));
            up.setTimestamp(3, Timestamp.from(now));
            up.setString(4, source);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO ana_watermark (source, last_id, last_at, updated_at) VALUES (?, ?, ?, ?)")) {
            in.setString(1, source);
            in.setLong(2, id);
            in.setTimestamp(3, at == null ? null : Timestamp.from(at));
            in.setTimestamp(4, Timestamp.from(now));
            in.executeUpdate();
        }
    }

    /** The tables of the current schema, lower case. */
    static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    record Key(int ym, long estateId) {
    }

    /** For tests and the benchmark: the watermarks. */
    static Map<String, Long> watermarks(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT source, last_id FROM ana_watermark ORDER BY source")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }
}
