package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;
import javax.persistence.PersistenceException;
import javax.ws.rs.core.Response;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.ApiException;

/** OPS-4, issue 19 item 2: a request that fails because the database is down or too slow is a 503 to retry, not a 500 incident. */
class ProblemMappersTest {

    private final ProblemMappers.ThrowableMapper any = new ProblemMappers.ThrowableMapper();

    @AfterEach
    void clear() {
        RequestContext.clear();
    }

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
        assertEquals(500, any.toResponse(new PersistenceException(new SQLException("syntax error", "42601"))).getStatus());
    }

    @Test
    void theDatabaseUnreachableIs503WithRetryAfterInTheCallersLanguage_issue19_item2() {
        RequestContext.set(Locale.ENGLISH, "/api/v1/complaints");
        SQLException sql = new SQLException("terminating connection due to administrator command", "57P01");
        Response r = any.toResponse(new PersistenceException(DatabaseException.sqlException(sql, null, false)));
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", r.getMediaType().toString());
        Map<?, ?> body = (Map<?, ?>) r.getEntity();
        assertEquals("https://smartproperty.org/problems/database.unavailable", body.get("type"));
        assertEquals("problem.database.unavailable", body.get("code"));
        assertEquals("Database unavailable", body.get("title"));
        assertTrue(((String) body.get("detail")).contains("5 seconds"), body.toString());

        RequestContext.set(Locale.forLanguageTag("zh-TW"), "/api/v1/complaints");
        Map<?, ?> tw = (Map<?, ?>) any.toResponse(new IllegalStateException(new SQLTransientConnectionException("spm - Connection is not available"))).getEntity();
        assertEquals("資料庫暫不可用", tw.get("title"));
    }

    @Test
    void aStatementTimeoutIs503DatabaseSlowWithRetryAfter_issue19_item2() {
        RequestContext.set(Locale.forLanguageTag("pt"), "/api/v1/estates");
        Response r = any.toResponse(new PersistenceException(DatabaseException.sqlException(
                new SQLException("ERROR: canceling statement due to statement timeout", "57014"), null, false)));
        assertEquals(503, r.getStatus());
        assertEquals("10", r.getHeaderString("Retry-After"));
        Map<?, ?> body = (Map<?, ?>) r.getEntity();
        assertEquals("problem.database.slow", body.get("code"));
        assertEquals("Base de dados demasiado lenta", body.get("title"));
    }

    @Test
    void every503LeavesWithRetryAfter() {
        Response r = new ProblemMappers.ApiExceptionMapper().toResponse(ApiException.unavailable("complaint"));
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
        assertNull(new ProblemMappers.ApiExceptionMapper().toResponse(ApiException.stale(3)).getHeaderString("Retry-After"));
    }
}
