package org.smartproperty.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which failures are the database's state rather than a fault of the request (issue 19 item 2, OPS-4), found
 * anywhere in the cause chain (JPA's PersistenceException, EclipseLink's DatabaseException, the JDBC driver's
 * SQLException and its next exceptions, HikariCP's timeout). The REST layer answers both with 503 and
 * {@code Retry-After}; every other failure keeps its own mapping.
 */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    /** The kinds of database fault a caller may retry. */
    public enum Fault {
        /**
         * The database cannot be reached or is restarting: no connection from the pool in time (HikariCP's
         * {@code SQLTransientConnectionException}), a connection-class SQLSTATE ({@code 08…}), the server shutting
         * down, crashed or starting ({@code 57P01}, {@code 57P02}, {@code 57P03}), or a read-only standby reached
         * during a failover ({@code 25006}).
         */
        UNAVAILABLE,
        /** A statement ran past the statement timeout and was cancelled ({@code 57014} query_canceled). */
        SLOW
    }

    /** The fault {@code e} stands for, or null when it is not a database fault to retry. */
    public static Fault of(Throwable e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        return walk(e, seen);
    }

    private static Fault walk(Throwable e, Map<Throwable, Boolean> seen) {
        Fault found = null;
        for (Throwable c = e; c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
            Fault f = one(c);
            if (f == Fault.SLOW) {
                return f; // a cancelled statement may surface as a broken transaction too: slowness is the cause
            }
            if (f != null) {
                found = f;
            }
            if (c instanceof SQLException sql && sql.getNextException() != null) {
                Fault n = walk(sql.getNextException(), seen);
                if (n == Fault.SLOW) {
                    return n;
                }
                found = found == null ? n : found;
            }
        }
        return found;
    }

    private static Fault one(Throwable c) {
        if (c instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (StatementTimeouts.QUERY_CANCELED.equals(state)) {
                return Fault.SLOW;
            }
            if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.equals("25006")) {
                return Fault.UNAVAILABLE;
            }
        }
        if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                || c instanceof SQLRecoverableException) {
            return Fault.UNAVAILABLE;
        }
        return null;
    }
}
