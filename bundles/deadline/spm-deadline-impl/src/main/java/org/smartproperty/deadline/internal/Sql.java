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

import org.smartproperty.platform.Jdbc;

/** Plain JDBC helpers: one transaction per call on the platform DataSource ({@link Jdbc}), typed timestamps. */
final class Sql {

    private Sql() {
    }

    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** One transaction: commit on success, roll back on any exception (nothing half-written). */
    static <T> T write(DataSource ds, Work<T> work) {
        return Jdbc.write(ds, work::apply);
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
        return Jdbc.translate(e);
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
        return Jdbc.postgres(c);
    }
}
