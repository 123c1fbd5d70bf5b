package org.smartproperty.platform.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The pool's statement timeout (PID {@code org.smartproperty.db}, {@code pool.statementTimeoutMs}, issue 19 item 2)
 * is set on every pooled connection, so a request never waits on a slow database longer than it. Work that
 * legitimately runs one statement longer (a Liquibase migration over a large table, a nightly rebuild) lifts it on
 * its own connection for as long as it needs and gives the connection back to the pool with the timeout it had:
 * <pre>
 * try (Connection c = dataSource.getConnection(); StatementTimeouts.Lifted l = StatementTimeouts.lift(c)) {
 *     … long statements …
 * }
 * </pre>
 * On PostgreSQL it is {@code statement_timeout}, on H2 {@code QUERY_TIMEOUT}; a statement past it fails with
 * SQLSTATE {@value #QUERY_CANCELED} on both. The connection's network timeout (the pool sets pgjdbc's
 * {@code socketTimeout} to the statement timeout + 30 s) is lifted and restored with it.
 */
public final class StatementTimeouts {

    /** SQLSTATE of a statement cancelled by the statement timeout (query_canceled; H2 uses it too). */
    public static final String QUERY_CANCELED = "57014";

    private StatementTimeouts() {
    }

    /** Restores the statement timeout {@link #lift} found; closing it twice does nothing. */
    public interface Lifted extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /**
     * Sets no statement timeout on {@code c} until the returned handle is closed, which restores the previous one; close
     * it before {@code c} goes back to the pool (a try-with-resources after the connection's). Inside a transaction the
     * settings follow it: a rollback also undoes the lift. Closing after a failed statement rolls the transaction back.
     */
    public static Lifted lift(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String before;
        try (Statement s = c.createStatement()) {
            if (postgres) {
                try (ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
                    before = rs.next() ? rs.getString(1) : "0";
                }
            } else {
                try (ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
                    before = rs.next() ? rs.getString(1) : "0";
                }
            }
            if (isZero(before)) {
                return () -> { };
            }
            s.execute(postgres ? "SET statement_timeout = 0" : "SET QUERY_TIMEOUT 0");
        }
        // the pool's socket timeout (statement timeout + 30 s) would cut a long statement on the client side
        int network = networkTimeout(c);
        if (network > 0) {
            c.setNetworkTimeout(Runnable::run, 0);
        }
        final String previous = before;
        return new Lifted() {
            private boolean done;

            @Override
            public void close() throws SQLException {
                if (done || c.isClosed()) {
                    return;
                }
                done = true;
                try {
                    restore();
                } catch (SQLException aborted) {
                    // a failed statement left the transaction aborted (PostgreSQL refuses everything until it ends): end it,
                    // as the caller would on its failure anyway, then restore
                    if (c.getAutoCommit()) {
                        throw aborted;
                    }
                    c.rollback();
                    restore();
                }
            }

            private void restore() throws SQLException {
                if (network > 0) {
                    c.setNetworkTimeout(Runnable::run, network);
                }
                try (Statement s = c.createStatement()) {
                    s.execute(postgres ? "SET statement_timeout = '" + previous.replace("'", "") + "'"
                            : "SET QUERY_TIMEOUT " + Long.parseLong(previous.strip()));
                }
            }
        };
    }

    /** The statement timeout now in force on {@code c} in milliseconds (0: none). */
    public static long current(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement s = c.createStatement()) {
            if (postgres) {
                try (ResultSet rs = s.executeQuery("SELECT setting::bigint FROM pg_settings WHERE name = 'statement_timeout'")) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
                return rs.next() ? Long.parseLong(rs.getString(1).strip()) : 0;
            }
        }
    }

    private static int networkTimeout(Connection c) {
        try {
            return c.getNetworkTimeout();
        } catch (SQLException | UnsupportedOperationException | AbstractMethodError e) {
            return 0;
        }
    }

    private static boolean isZero(String v) {
        return v == null || v.isBlank() || v.strip().equals("0") || v.strip().equals("0ms");
    }
}
