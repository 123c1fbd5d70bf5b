package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one page of the INT-RE sync, in the order the sync decided them. Immediate (the
 * classic path: each batch runs on the page's connection when it is executed) or deferred (the
 * pipelined path, issue 19 item 4: a preparing thread decides page N+1 while the writer thread
 * runs page N's writes; the writer {@link #run runs} them on its connection, in the page's
 * transaction). The statements are the same in both modes, and so are the JDBC setters they call.
 */
final class SyncWrites {

    /** One write, run on the writer's connection. */
    interface Action {
        void run(Connection c) throws SQLException;
    }

    /** Where the writes go when they are executed; null: kept for {@link #run}. */
    private final Connection immediate;
    /** whether new rows go by COPY (PostgreSQL) */
    final boolean copy;
    private final List<Action> actions = new ArrayList<>();

    private SyncWrites(Connection immediate, boolean copy) {
        this.immediate = immediate;
        this.copy = copy;
    }

    static SyncWrites immediate(Connection c, boolean copy) {
        return new SyncWrites(c, copy);
    }

    static SyncWrites deferred(boolean copy) {
        return new SyncWrites(null, copy);
    }

    boolean deferred() {
        return immediate == null;
    }

    void add(Action a) throws SQLException {
        if (immediate != null) {
            a.run(immediate);
        } else {
            actions.add(a);
        }
    }

    /** Runs the deferred writes, in order, on the writer's connection. */
    void run(Connection c) throws SQLException {
        for (Action a : actions) {
            a.run(c);
        }
    }

    Stmt prepare(String sql) {
        return new Stmt(sql);
    }

    /** New rows of a table: COPY on PostgreSQL, a JDBC batch elsewhere ({@link SyncRows}). */
    SyncRows rows(String table, String[] columns, int[] types) throws SQLException {
        if (immediate != null) {
            return SyncRows.open(immediate, copy, table, columns, types);
        }
        if (!copy) {
            throw new IllegalStateException("deferred writes need COPY");
        }
        return new PgCopyRows(this, table, columns, types);
    }

    private enum Kind { LONG, INT, STRING, DECIMAL, OBJECT, TYPED }

    private record Param(Kind kind, Object value, int type) {
    }

    /** A batched statement whose parameters are recorded and bound, with the same setters, when the batch runs. */
    final class Stmt implements AutoCloseable {
        private final String sql;
        private Param[] row;
        private List<Param[]> rows = new ArrayList<>();

        Stmt(String sql) {
            this.sql = sql;
        }

        private void set(int i, Param p) {
            if (row == null) {
                row = new Param[Math.max(8, i)];
            } else if (row.length < i) {
                row = java.util.Arrays.copyOf(row, Math.max(i, row.length * 2));
            }
            row[i - 1] = p;
        }

        void setLong(int i, long v) {
            set(i, new Param(Kind.LONG, v, 0));
        }

        void setInt(int i, int v) {
            set(i, new Param(Kind.INT, v, 0));
        }

        void setString(int i, String v) {
            set(i, new Param(Kind.STRING, v, 0));
        }

        void setBigDecimal(int i, BigDecimal v) {
            set(i, new Param(Kind.DECIMAL, v, 0));
        }

        void setObject(int i, Object v) {
            set(i, new Param(Kind.OBJECT, v, 0));
        }

        void setObject(int i, Object v, int type) {
            set(i, new Param(Kind.TYPED, v, type));
        }

        void addBatch() {
            rows.add(row);
            row = null;
        }

        void executeBatch() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            List<Param[]> batch = rows;
            rows = new ArrayList<>();
            add(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (Param[] r : batch) {
                        for (int i = 0; i < r.length; i++) {
                            Param p = r[i];
                            if (p == null) {
                                continue;
                            }
                            switch (p.kind) {
                                case LONG -> ps.setLong(i + 1, (Long) p.value);
                                case INT -> ps.setInt(i + 1, (Integer) p.value);
                                case STRING -> ps.setString(i + 1, (String) p.value);
                                case DECIMAL -> ps.setBigDecimal(i + 1, (BigDecimal) p.value);
                                case OBJECT -> ps.setObject(i + 1, p.value);
                                case TYPED -> ps.setObject(i + 1, p.value, p.type);
                                default -> throw new IllegalStateException();
                            }
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }

        @Override
        public void close() {
        }
    }
}
