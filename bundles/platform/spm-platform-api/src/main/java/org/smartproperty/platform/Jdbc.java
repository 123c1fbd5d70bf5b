package org.smartproperty.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The one JDBC transaction helper (issue 10 item 3) for code on plain JDBC: a connection of its own,
 * auto-commit off, commit on success, roll back on any exception or error (nothing half-written),
 * auto-commit restored before the connection goes back to the pool.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Work on a connection inside the helper's transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /**
     * One transaction on a connection of its own. SQL errors become runtime exceptions: a unique-key
     * violation (SQLSTATE 23505) the 409 {@code problem.duplicate}, anything else an
     * {@link IllegalStateException} naming the database's message.
     */
    public static <T> T write(DataSource ds, Work<T> work) {
        try {
            return transaction(ds, work);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** One transaction on a connection of its own; SQL errors reach the caller as they are. */
    public static <T> T transaction(DataSource ds, Work<T> work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return transaction(c, work);
        }
    }

    /**
     * One transaction on a connection the caller holds (and closes). When the work fails, the failure is what the
     * caller sees, even if the rollback and the reset of auto-commit fail after it (issue 19 item 2: on a connection
     * cut by a database restart both fail with "Connection is closed", which used to replace the connection failure
     * and turn a 503 into a 500).
     */
    public static <T> T transaction(Connection c, Work<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        T result;
        try {
            result = work.apply(c);
            c.commit();
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            try {
                c.setAutoCommit(auto);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        c.setAutoCommit(auto);
        return result;
    }

    /** {@code 23505} → 409 {@code problem.duplicate}; anything else an {@link IllegalStateException}. */
    public static RuntimeException translate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException se && "23505".equals(se.getSQLState())) {
                return new ApiException(409, "problem.duplicate", Messages.PLATFORM, null);
            }
        }
        return new IllegalStateException(e.getMessage(), e);
    }

    public static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
