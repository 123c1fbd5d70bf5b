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

    /** One transaction on a connection the caller holds (and closes). */
    public static <T> T transaction(Connection c, Work<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
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
