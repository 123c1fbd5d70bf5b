package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's bulk path for {@link SyncRows}: the rows of a page in COPY text format, sent with
 * one {@code COPY table (columns) FROM STDIN} through the driver's {@link CopyManager} in the
 * caller's transaction. The only class of the bundle that touches the driver's API (optional
 * import): it is loaded only once the connection is known to be PostgreSQL.
 */
final class PgCopyRows extends SyncRows {

    /** null when deferred */
    private final CopyManager copy;
    /** the page's deferred writes (pipelined sync): the COPY runs on the writer's connection */
    private final SyncWrites deferred;
    private final String sql;
    private final StringBuilder buf = new StringBuilder(1 << 16);
    /** the page's timestamp is the same object in every row: formatted once */
    private Object lastTime;
    private String lastTimeText;

    PgCopyRows(Connection c, String table, String[] columns, int[] types) throws SQLException {
        super(table, columns, types);
        copy = c.unwrap(PGConnection.class).getCopyAPI();
        deferred = null;
        sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    /** Rows whose COPY is one of the page's deferred writes. */
    PgCopyRows(SyncWrites deferred, String table, String[] columns, int[] types) {
        super(table, columns, types);
        copy = null;
        this.deferred = deferred;
        sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    /** Whether COPY can be used on this connection: PostgreSQL, with the driver's API visible to this bundle. */
    static boolean usable(Connection c) {
        try {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql")
                    && c.isWrapperFor(PGConnection.class);
        } catch (SQLException | LinkageError e) {
            return false;
        }
    }

    @Override
    void add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buf.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                buf.append("\\N");
            } else if (v instanceof String s) {
                escape(s);
            } else if (v instanceof BigDecimal d) {
                buf.append(d.toPlainString());
            } else if (v instanceof java.time.OffsetDateTime t) {
                if (t != lastTime) {
                    lastTime = t;
                    lastTimeText = t.toString(); // ISO-8601, read by timestamptz
                }
                buf.append(lastTimeText);
            } else {
                buf.append(v); // Long, Integer, Double
            }
        }
        buf.append('\n');
        count++;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> buf.append("\\\\");
                case '\t' -> buf.append("\\t");
                case '\n' -> buf.append("\\n");
                case '\r' -> buf.append("\\r");
                default -> buf.append(ch);
            }
        }
    }

    @Override
    void flush() throws SQLException {
        if (count == 0) {
            return;
        }
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        buf.setLength(0);
        count = 0;
        if (deferred != null) {
            deferred.add(c -> copyIn(c.unwrap(PGConnection.class).getCopyAPI(), sql, table, bytes));
        } else {
            copyIn(copy, sql, table, bytes);
        }
    }

    private static void copyIn(CopyManager copy, String sql, String table, byte[] bytes) throws SQLException {
        try {
            copy.copyIn(sql, new java.io.ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }
}
