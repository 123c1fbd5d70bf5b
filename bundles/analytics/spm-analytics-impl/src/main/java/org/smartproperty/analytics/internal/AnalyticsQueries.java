package org.smartproperty.analytics.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smartproperty.analytics.AnalyticsFilter;
import org.smartproperty.analytics.AnalyticsView;
import org.smartproperty.analytics.StatRow;
import org.smartproperty.analytics.StatTable;
import org.smartproperty.analytics.TrendPoint;

/**
 * The read side: rankings and trends from the rollup tables only ({@code ana_*}; at province scale 30,000 estates × the
 * months of the period rows of {@code ana_estate_month}, never the sources), on whatever connection it is given (the
 * analytics DataSource: a replica or the main database). Ranks are standard competition ranks ({@code RANK()}: ties share
 * a rank) by the sort column, nulls last.
 */
final class AnalyticsQueries {

    /** A column: its key (JSON, i18n {@code column.<key>}) and its SQL over the aggregate {@code g} (and the dimensions). */
    record Column(String key, String sql, boolean trend) {
    }

    /** What a view shows. {@code grain}: estate or company; {@code having}: rows kept only when true. */
    record Definition(AnalyticsView view, String grain, List<Column> columns, String defaultSort, String having) {

        List<String> keys() {
            return columns.stream().map(Column::key).toList();
        }

        Column column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        }
    }

    private static Column count(String key, String raw) {
        return new Column(key, "COALESCE(g." + raw + ", 0)", true);
    }

    private static Column rate(String key, String part, String whole) {
        return new Column(key, "CASE WHEN g." + whole + " > 0 THEN ROUND(100.0 * g." + part + " / g." + whole + ", 2) END", true);
    }

    private static Column score(String key, String sum, String n) {
        return new Column(key, "CASE WHEN g." + n + " > 0 THEN ROUND((1.0 * g." + sum + " / g." + n + " - 1) * 25, 2) END", true);
    }

    private static final Column ASSESSMENT_SCORE = new Column("assessmentScore",
            "CASE WHEN g.asm_reports > 0 THEN ROUND(g.asm_score_sum / g.asm_reports, 2) END", true);
    private static final Column CREDIT_SCORE = new Column("creditScore", "k.credit_score", false);
    private static final Column CREDIT_GRADE = new Column("creditGrade", "k.credit_grade", false);
    private static final Column ESTATES = new Column("estates", "COALESCE(ec.n, 0)", false);

    static Definition definition(AnalyticsView view, boolean committees) {
        return switch (view) {
            case ESTATES -> new Definition(view, "estate", List.of(count("complaints", "cpl_received"), count("complaintsClosed", "cpl_closed"),
                    count("complaintsOverdue", "cpl_overdue"), rate("closeRate", "cpl_closed", "cpl_received"), count("repairs", "rep_received"),
                    count("repairsDone", "rep_done"), score("satisfaction", "sat_sum", "sat_count")), "complaints", null);
            case SERVICES -> new Definition(view, "estate", List.of(count("votes", "votes"), count("complaints", "cpl_received"),
                    count("repairs", "rep_received"), count("patrols", "pat_tasks"), count("patrolsClosed", "pat_closed")), "complaints", null);
            case SATISFACTION -> committees
                    ? new Definition(view, "estate", List.of(score("satisfaction", "satc_sum", "satc_count"), count("answers", "satc_count")),
                            "satisfaction", "g.satc_count > 0")
                    : new Definition(view, "company", List.of(score("satisfaction", "sat_sum", "sat_count"), count("answers", "sat_count")),
                            "satisfaction", "g.sat_count > 0");
            case COMPANIES -> new Definition(view, "company", List.of(ESTATES, count("complaints", "cpl_received"),
                    count("complaintsClosed", "cpl_closed"), count("complaintsOverdue", "cpl_overdue"), count("repairs", "rep_received"),
                    score("satisfaction", "sat_sum", "sat_count"), count("filings", "filings"), ASSESSMENT_SCORE, CREDIT_SCORE, CREDIT_GRADE),
                    "complaints", null);
            case TENDERS -> new Definition(view, "company", List.of(count("bids", "bids"), count("bidsWon", "bids_won"), rate("winRate", "bids_won", "bids"),
                    count("tenders", "tenders"), count("tendersAwarded", "tenders_awarded")), "bidsWon", "g.bids > 0");
            case ASSESSMENT -> new Definition(view, "company", List.of(ASSESSMENT_SCORE, count("assessmentReports", "asm_reports"), CREDIT_SCORE,
                    CREDIT_GRADE), "assessmentScore", null);
        };
    }

    private static final String COMPANY_SUMS = "SUM(filings) AS filings, SUM(filings_approved) AS filings_approved, SUM(asm_reports) AS asm_reports,"
            + " SUM(asm_score_sum) AS asm_score_sum";

    /** The raw sums a view's columns use (only those are aggregated: fewer sums, faster scans at province scale). */
    static List<String> raw(Definition d) {
        List<String> out = new ArrayList<>();
        for (String m : Rollups.METRICS) {
            if (d.columns().stream().anyMatch(c -> c.sql().contains("g." + m + " ") || c.sql().contains("g." + m + ",") || c.sql().endsWith("g." + m)
                    || c.sql().contains("g." + m + ")"))) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean usesCompanyFacts(Definition d) {
        return d.columns().stream().anyMatch(c -> c.sql().contains("g.filings") || c.sql().contains("g.asm_"));
    }

    /** SUM of INT columns stays a bigint in PostgreSQL (a BIGINT column would sum as numeric, several times slower). */
    private static String sums(List<String> raw, String prefix) {
        StringBuilder b = new StringBuilder();
        for (String m : raw) {
            b.append(", SUM(CAST(").append(prefix).append(m).append(" AS INT)) AS ").append(m);
        }
        return b.toString();
    }

    /** Where-clause of ana_estate_month m (and ana_estate e when a community is asked for); scope company = its own rows. */
    private static String estateWhere(AnalyticsFilter f, Long scopeCompany, List<Object> params) {
        return estateWhere(f, scopeCompany, params, false);
    }

    /**
     * {@code estateGrain}: rows holding only another company's bids on an estate's tender are left out, so an estate
     * counts for the company that served it, not for every bidder.
     */
    private static String estateWhere(AnalyticsFilter f, Long scopeCompany, List<Object> params, boolean estateGrain) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (f.from() != null) {
            w.append(" AND m.ym >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            w.append(" AND m.ym <= ?");
            params.add(f.to());
        }
        return w + narrowing(f, scopeCompany, params, estateGrain);
    }

    /** Estate, company, scope and community conditions on alias m (ana_estate_month or ana_estate_year). */
    private static String narrowing(AnalyticsFilter f, Long scopeCompany, List<Object> params, boolean estateGrain) {
        StringBuilder w = new StringBuilder();
        if (estateGrain) {
            w.append(" AND (m.bids = 0 OR m.tenders + m.cpl_received + m.rep_received + m.pat_tasks + m.votes + m.sat_count + m.satc_count > 0)");
        }
        if (f.estateId() != null) {
            w.append(" AND m.estate_id = ?");
            params.add(f.estateId());
        }
        if (f.companyId() != null) {
            w.append(" AND m.company_id = ?");
            params.add(f.companyId());
        }
        if (scopeCompany != null) {
            w.append(" AND m.company_id = ?");
            params.add(scopeCompany);
        }
        if (f.community() != null) {
            w.append(" AND m.estate_id IN (SELECT e.estate_id FROM ana_estate e WHERE e.community = ?)");
            params.add(f.community());
        }
        return w.toString();
    }

    /**
     * The estate rows of the period as a derived table m (estate_id, company_id, the raw sums): the whole years inside
     * the period from ana_estate_year, the months at its edges from ana_estate_month; so "all 24 months" reads two rows
     * per estate and company instead of twenty-four.
     */
    private static String estateRows(AnalyticsFilter f, Long scopeCompany, List<Object> params, boolean estateGrain, List<String> raw) {
        int fy = f.from() == null ? 0 : (f.from() % 100 == 1 ? f.from() / 100 : f.from() / 100 + 1);
        int ty = f.to() == null ? 9999 : (f.to() % 100 == 12 ? f.to() / 100 : f.to() / 100 - 1);
        String cols = raw.stream().map(r -> ", m." + r).reduce("", String::concat);
        if (fy > ty) {
            return "(SELECT m.estate_id, m.company_id" + cols + " FROM ana_estate_month m" + estateWhere(f, scopeCompany, params, estateGrain) + ") m";
        }
        StringBuilder sql = new StringBuilder("(SELECT m.estate_id, m.company_id").append(cols).append(" FROM ana_estate_year m WHERE m.yr BETWEEN ? AND ?");
        params.add(fy);
        params.add(ty);
        sql.append(narrowing(f, scopeCompany, params, estateGrain));
        sql.append(" UNION ALL SELECT m.estate_id, m.company_id").append(cols).append(" FROM ana_estate_month m")
                .append(estateWhere(f, scopeCompany, params, estateGrain)).append(" AND (m.ym < ? OR m.ym > ?))");
        params.add(fy * 100 + 1);
        params.add(ty * 100 + 12);
        return sql + " m";
    }

    /** The company-level facts (filings, assessment) apply unless the filter narrows to estates. */
    private static String companyMonthWhere(AnalyticsFilter f, Long scopeCompany, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (f.estateId() != null || f.community() != null) {
            w.append(" AND 1 = 0");
        }
        if (f.from() != null) {
            w.append(" AND cm.ym >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            w.append(" AND cm.ym <= ?");
            params.add(f.to());
        }
        if (f.companyId() != null) {
            w.append(" AND cm.company_id = ?");
            params.add(f.companyId());
        }
        if (scopeCompany != null) {
            w.append(" AND cm.company_id = ?");
            params.add(scopeCompany);
        }
        return w.toString();
    }

    /** The aggregate g: per id (estate or company), or per month when {@code byMonth}; only the sums the view uses. */
    private static String aggregate(Definition d, AnalyticsFilter f, Long scopeCompany, boolean byMonth, List<Object> params) {
        List<String> raw = raw(d);
        if (d.grain().equals("estate")) {
            if (byMonth) {
                return "SELECT m.ym AS id" + sums(raw, "m.") + " FROM ana_estate_month m" + estateWhere(f, scopeCompany, params, true) + " GROUP BY m.ym";
            }
            return "SELECT m.estate_id AS id" + sums(raw, "m.") + " FROM " + estateRows(f, scopeCompany, params, true, raw) + " GROUP BY m.estate_id";
        }
        String key = byMonth ? "ym" : "company_id";
        String rows = byMonth ? "ana_estate_month m" + estateWhere(f, scopeCompany, params) : estateRows(f, scopeCompany, params, false, raw) + " WHERE 1 = 1";
        StringBuilder cols = new StringBuilder();
        for (String m : raw) {
            cols.append(", m.").append(m);
        }
        if (!usesCompanyFacts(d)) {
            return "SELECT m." + key + " AS id" + sums(raw, "m.") + " FROM " + rows + " AND m.company_id <> 0 GROUP BY m." + key;
        }
        StringBuilder zeros = new StringBuilder();
        for (String m : raw) {
            zeros.append(", 0 AS ").append(m);
        }
        return "SELECT " + key + " AS id" + sums(raw, "") + ", " + COMPANY_SUMS + " FROM ("
                + "SELECT " + (byMonth ? "m.ym" : "m.company_id") + cols + ", 0 AS filings, 0 AS filings_approved, 0 AS asm_reports, 0 AS asm_score_sum"
                + " FROM " + rows + " AND m.company_id <> 0"
                + " UNION ALL SELECT cm." + key + zeros + ", cm.filings, cm.filings_approved, cm.asm_reports, cm.asm_score_sum"
                + " FROM ana_company_month cm" + companyMonthWhere(f, scopeCompany, params) + ") u GROUP BY " + key;
    }

    static StatTable table(Connection c, Definition d, AnalyticsFilter f, Long scopeCompany, String sortKey, boolean descending, int page, int size)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        Column sort = d.column(sortKey);
        String order = sort.sql() + (descending ? " DESC" : " ASC") + " NULLS LAST";
        StringBuilder cols = new StringBuilder();
        for (Column col : d.columns()) {
            cols.append(", ").append(col.sql()).append(" AS c_").append(col.key());
        }
        String from;
        String names;
        if (d.grain().equals("estate")) {
            from = "(" + aggregate(d, f, scopeCompany, false, params) + ") g LEFT JOIN ana_estate e ON e.estate_id = g.id";
            names = "g.id AS rid, e.name AS rname, e.community AS rcommunity";
        } else {
            boolean narrowed = f.estateId() != null || f.community() != null || d.having() != null;
            String agg = "(" + aggregate(d, f, scopeCompany, false, params) + ") g";
            String ec = " LEFT JOIN (SELECT company_id, COUNT(*) AS n FROM ana_estate GROUP BY company_id) ec ON ec.company_id = k.company_id";
            if (narrowed) {
                from = agg + " JOIN ana_company k ON k.company_id = g.id" + ec;
            } else {
                StringBuilder kw = new StringBuilder(" WHERE 1 = 1");
                if (f.companyId() != null) {
                    kw.append(" AND k.company_id = ?");
                    params.add(f.companyId());
                }
                if (scopeCompany != null) {
                    kw.append(" AND k.company_id = ?");
                    params.add(scopeCompany);
                }
                from = "ana_company k LEFT JOIN " + agg + " ON g.id = k.company_id" + ec + kw;
            }
            names = "k.company_id AS rid, k.name AS rname, NULL AS rcommunity";
        }
        String where = d.having() == null ? "" : " WHERE " + d.having(); // the having views always use the inner joins above
        String sql = "SELECT * FROM (SELECT " + names + cols + ", RANK() OVER (ORDER BY " + order + ") AS rnk, COUNT(*) OVER () AS total FROM " + from
                + where + ") x ORDER BY rnk, rid LIMIT ? OFFSET ?";
        params.add(size);
        params.add((long) page * size);
        List<StatRow> rows = new ArrayList<>();
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong("total");
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (Column col : d.columns()) {
                        values.put(col.key(), value(rs.getObject("c_" + col.key())));
                    }
                    rows.add(new StatRow(rs.getInt("rnk"), rs.getLong("rid"), rs.getString("rname"), rs.getString("rcommunity"), values));
                }
            }
        }
        if (rows.isEmpty() && page > 0) {
            total = count(c, sql, params);
        }
        return new StatTable(d.view().path(), d.grain(), d.keys(), sortKey, descending, rows, page, size, total);
    }

    private static long count(Connection c, String pagedSql, List<Object> params) throws SQLException {
        String sql = "SELECT COUNT(*) FROM (" + pagedSql.substring(0, pagedSql.lastIndexOf(" ORDER BY rnk")) + ") y";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params.subList(0, params.size() - 2));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<TrendPoint> trend(Connection c, Definition d, AnalyticsFilter f, Long scopeCompany) throws SQLException {
        List<Object> params = new ArrayList<>();
        List<Column> cols = d.columns().stream().filter(Column::trend).toList();
        StringBuilder sel = new StringBuilder("SELECT g.id AS ym");
        for (Column col : cols) {
            sel.append(", ").append(col.sql()).append(" AS c_").append(col.key());
        }
        String sql = sel + " FROM (" + aggregate(d, f, scopeCompany, true, params) + ") g ORDER BY g.id";
        List<TrendPoint> points = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ym = rs.getInt("ym");
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (Column col : cols) {
                        values.put(col.key(), value(rs.getObject("c_" + col.key())));
                    }
                    points.add(new TrendPoint(String.format("%04d-%02d", ym / 100, ym % 100), values));
                }
            }
        }
        return points;
    }

    private static Object value(Object o) {
        if (o instanceof BigDecimal b) {
            return b.scale() <= 0 || b.stripTrailingZeros().scale() <= 0 ? (Object) b.longValue() : b.setScale(2, java.math.RoundingMode.HALF_UP);
        }
        if (o instanceof Number n && !(o instanceof Double) && !(o instanceof Float)) {
            return n.longValue();
        }
        return o;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
