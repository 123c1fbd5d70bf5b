package org.smartproperty.deadline.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;

/** Plain JDBC helpers: one transaction per call on the platform DataSource, typed timestamps. */
final class Sql {

    private Sql() {
    }

    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** One transaction: commit on success, roll back on any exception (nothing half-written). */
    static <T> T write(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    static <T> T read(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** On a connection the caller owns (its transaction): SQL errors become runtime exceptions, nothing else. */
    static <T> T on(Connection c, Work<T> work) {
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException se && "23505".equals(se.getSQLState())) {
                return new ApiException(409, "problem.duplicate", Messages.PLATFORM, null);
            }
        }
        return new IllegalStateException(e.getMessage(), e);
    }

    static void ts(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    static Instant ts(ResultSet rs, String column) throws SQLException {
        OffsetDateTime o = rs.getObject(column, OffsetDateTime.class);
        return o == null ? null : o.toInstant();
    }

    static Long optLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static void optLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** A JSON string literal (audit summaries). */
    static String q(Object v) {
        if (v == null) {
            return "null";
        }
        String s = String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "\"" + s + "\"";
    }
}
