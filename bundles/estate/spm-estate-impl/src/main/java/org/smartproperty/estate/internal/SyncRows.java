package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * New rows of one table within one page of the INT-RE sync, written together at {@link #flush()}:
 * on PostgreSQL with one {@code COPY … FROM STDIN} ({@link PgCopyRows}), elsewhere (H2, the
 * embedded default) as one JDBC batch. Both write in the caller's transaction, so a page still
 * commits or rolls back as a whole.
 */
abstract class SyncRows implements AutoCloseable {

    final String table;
    final String[] columns;
    final int[] types;
    int count;

    SyncRows(String table, String[] columns, int[] types) {
        this.table = table;
        this.columns = columns;
        this.types = types;
    }

    /** @param copy whether the connection is PostgreSQL with its driver visible ({@link PgCopyRows#usable(Connection)}) */
    static SyncRows open(Connection c, boolean copy, String table, String[] columns, int[] types) throws SQLException {
        return copy ? new PgCopyRows(c, table, columns, types) : new Batch(c, table, columns, types);
    }

    /** One row, values in column order (Long, Integer, String, BigDecimal, OffsetDateTime, Double or null). */
    abstract void add(Object... values) throws SQLException;

    /** Writes the rows added since the last flush. */
    abstract void flush() throws SQLException;

    @Override
    public void close() throws SQLException {
    }

    /** The generic path: a prepared INSERT, one batch per flush. */
    static final class Batch extends SyncRows {
        private final PreparedStatement ps;

        Batch(Connection c, String table, String[] columns, int[] types) throws SQLException {
            super(table, columns, types);
            ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(",", java.util.Collections.nCopies(columns.length, "?")) + ")");
        }

        @Override
        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    ps.setNull(i + 1, types[i]);
                } else if (v instanceof BigDecimal d) {
                    ps.setBigDecimal(i + 1, d);
                } else {
                    ps.setObject(i + 1, v, types[i]);
                }
            }
            ps.addBatch();
            count++;
        }

        @Override
        void flush() throws SQLException {
            if (count > 0) {
                ps.executeBatch();
                count = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            ps.close();
        }
    }
}
