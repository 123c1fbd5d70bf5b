package org.smartproperty.platform.workflow.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import org.smartproperty.platform.workflow.CaseNumbers;

/**
 * Per-year numbering ({@code PREFIX-yyyy-nnnnnn}, see {@link CaseNumbers}) over a counter table of
 * the domain: {@code (yr INT, last_no BIGINT)}, optionally with a kind column when several
 * numberings share one table ({@code svc_counter(kind, yr, last_no)}). The row of the year is
 * incremented under its row lock in the caller's transaction, so two transactions never get the
 * same number and a rolled-back one gives its number back; the first number of a year inserts the row.
 */
public final class YearCounter {

    private static final Pattern IDENT = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String table;
    private final String kindColumn;
    private final String kind;
    private final String prefix;

    private YearCounter(String table, String kindColumn, String kind, String prefix) {
        this.table = ident(table);
        this.kindColumn = kindColumn == null ? null : ident(kindColumn);
        this.kind = kind;
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** A table of its own: {@code table(yr, last_no)}. */
    public static YearCounter of(String table, String prefix) {
        return new YearCounter(table, null, null, prefix);
    }

    /** A shared table: {@code table(kindColumn, yr, last_no)}, the rows of {@code kind}. */
    public static YearCounter shared(String table, String kindColumn, String kind, String prefix) {
        return new YearCounter(table, kindColumn, Objects.requireNonNull(kind, "kind"), prefix);
    }

    static String ident(String s) {
        if (s == null || !IDENT.matcher(s).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + s);
        }
        return s;
    }

    /** The next number of the year of {@code now} (Asia/Shanghai), on the caller's connection. */
    public String next(Connection sameTransaction, Instant now) {
        int year = CaseNumbers.yearOf(now);
        String where = " WHERE yr = ?" + (kindColumn == null ? "" : " AND " + kindColumn + " = ?");
        try {
            int updated;
            try (PreparedStatement ps = sameTransaction.prepareStatement("UPDATE " + table + " SET last_no = last_no + 1" + where)) {
                bind(ps, year);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                String sql = kindColumn == null ? "INSERT INTO " + table + " (yr, last_no) VALUES (?, 1)"
                        : "INSERT INTO " + table + " (yr, " + kindColumn + ", last_no) VALUES (?, ?, 1)";
                try (PreparedStatement ps = sameTransaction.prepareStatement(sql)) {
                    bind(ps, year);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = sameTransaction.prepareStatement("SELECT last_no FROM " + table + where)) {
                bind(ps, year);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return CaseNumbers.format(prefix, year, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("numbering " + prefix + " in " + table + ": " + e.getMessage(), e);
        }
    }

    private void bind(PreparedStatement ps, int year) throws SQLException {
        ps.setInt(1, year);
        if (kindColumn != null) {
            ps.setString(2, kind);
        }
    }
}
