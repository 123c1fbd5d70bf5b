package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

/** OPS-4: a request that fails because the database is down is a 503 to retry, not a 500 incident. */
class ProblemMappersTest {

    @Test
    void poolTimeoutsAndConnectionSqlStatesAreTheDatabaseBeingUnreachable_OPS_4() {
        assertTrue(ProblemMappers.databaseUnreachable(new IllegalStateException("x",
                new SQLTransientConnectionException("spm - Connection is not available, request timed out after 30000ms."))));
        assertTrue(ProblemMappers.databaseUnreachable(new RuntimeException(new SQLException("Connection refused", "08001"))));
        assertTrue(ProblemMappers.databaseUnreachable(new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void otherSqlErrorsStayInternalIncidents_OPS_4() {
        assertFalse(ProblemMappers.databaseUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMappers.databaseUnreachable(new IllegalStateException("boom")));
    }
}
