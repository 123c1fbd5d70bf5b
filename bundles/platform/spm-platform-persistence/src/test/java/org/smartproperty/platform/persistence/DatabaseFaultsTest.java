package org.smartproperty.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.persistence.PersistenceException;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.persistence.DatabaseFaults.Fault;

/** Issue 19 item 2: which failures are the database's state (503 to retry) and which stay the request's. */
class DatabaseFaultsTest {

    @Test
    void connectionClassFailuresAreUnavailable() {
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(new SQLTransientConnectionException("spm - Connection is not available, request timed out after 10000ms.")));
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(new SQLException("Connection refused", "08001")));
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(new SQLException("terminating connection due to crash of another server process", "57P02")));
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(new SQLException("the database system is starting up", "57P03")));
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
    }

    @Test
    void aCancelledStatementIsSlow() {
        assertEquals(Fault.SLOW, DatabaseFaults.of(new SQLException("canceling statement due to statement timeout", "57014")));
    }

    @Test
    void foundThroughJpaEclipseLinkAndNextExceptions() {
        SQLException sql = new SQLException("terminating connection due to administrator command", "57P01");
        DatabaseException el = DatabaseException.sqlException(sql, null, false);
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(new PersistenceException(el)));
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(new RuntimeException(new IllegalStateException(el))));
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT … was aborted", "08006", new int[0]);
        assertEquals(Fault.UNAVAILABLE, DatabaseFaults.of(batch));
        BatchUpdateException aborted = new BatchUpdateException("Batch entry 0 was aborted", null, new int[0]);
        aborted.setNextException(new SQLException("canceling statement due to statement timeout", "57014"));
        assertEquals(Fault.SLOW, DatabaseFaults.of(new PersistenceException(DatabaseException.sqlException(aborted, null, false))));
    }

    @Test
    void otherFailuresAreNotDatabaseFaults() {
        assertNull(DatabaseFaults.of(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertNull(DatabaseFaults.of(new SQLException("value too long", "22001")));
        assertNull(DatabaseFaults.of(new SQLException("syntax error", "42601")));
        assertNull(DatabaseFaults.of(new IllegalStateException("boom")));
        assertNull(DatabaseFaults.of(null));
    }
}
