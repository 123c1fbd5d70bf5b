package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;

/** Issue 20 items 6 and 7: problems name no Java class, carry a fitting title, and no input is too long for a 400. */
class HostileInputTest {

    /** A request body type as domain resources declare them. */
    public record Login(String username, String password) {
    }

    final JsonProvider json = new JsonProvider();

    @AfterEach
    void clear() {
        RequestContext.clear();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String body) throws Exception {
        return json.readFrom((Class) Login.class, Login.class, new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String detail(ApiException e) {
        RequestContext.set(Locale.ENGLISH, "/api/v1/auth/login");
        return String.valueOf(Problems.body(e).get("detail"));
    }

    @Test
    void aBodyOfTheWrongShapeNamesNoInternalClass_issue20_item6() {
        for (String body : new String[] {"[1,2]", "\"x\"", "42", "{\"username\": {\"a\": 1}, \"password\": \"p\"}", "{\"username\": \"a\",}"}) {
            ApiException e = assertThrows(ApiException.class, () -> read(body));
            assertEquals(400, e.status(), body);
            detail(e);
            String text = Problems.body(e).toString();
            assertFalse(text.contains("org.") || text.contains("java.") || text.contains("Login") || text.contains("`"), body + " -> " + text);
        }
    }

    @Test
    void aTextOverTheLimitIsAFieldErrorBeforeAnyQuery_issue20_item7() {
        ApiException e = assertThrows(ApiException.class, () -> read("{\"username\": \"" + "a".repeat(100_000) + "\", \"password\": \"p\"}"));
        assertEquals(400, e.status());
        assertEquals("username", e.errors().get(0).field());
        assertEquals("field.tooLong", e.errors().get(0).code());
        assertEquals(new Login("a".repeat(ObjectMappers.MAX_TEXT), "p"),
                assertDoesNotThrow(() -> read("{\"username\": \"" + "a".repeat(ObjectMappers.MAX_TEXT) + "\", \"password\": \"p\"}")));
    }

    private static Object assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<Object> s) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
    }

    @Test
    void aValueTheDatabaseCannotHoldIsA400NotAnIncident_issue20_item7() {
        RequestContext.set(Locale.ENGLISH, "/api/v1/x");
        ApiException r = ProblemMappers.ThrowableMapper.known(new IllegalStateException("x",
                new SQLException("value too long for type character varying(64)", "22001")));
        assertEquals(400, r.status());
        assertEquals("problem.dataTooLong", r.code());
        assertEquals(null, ProblemMappers.ThrowableMapper.known(new IllegalStateException("a bug")), "a bug stays an incident");
    }

    @Test
    void clientErrorsCarryTheirOwnTitleNeverInternalServerError_issue20_item6() {
        RequestContext.set(Locale.SIMPLIFIED_CHINESE, "/api/v1/x");
        String internal = Messages.PLATFORM.format(Locale.SIMPLIFIED_CHINESE, "problem.internal.title");
        for (int status : new int[] {401, 403, 405, 406, 413, 415, 429}) {
            Map<?, ?> body = Problems.body(new ApiException(status, "problem.validation", Messages.PLATFORM, null));
            String title = String.valueOf(body.get("title"));
            assertFalse(title.equals(internal) || title.startsWith("problem."), status + ": " + title);
        }
        assertTrue(Messages.PLATFORM.has("problem.payloadTooLarge.title"));
    }
}
