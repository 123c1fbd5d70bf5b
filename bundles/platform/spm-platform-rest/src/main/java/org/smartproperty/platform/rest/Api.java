package org.smartproperty.platform.rest;

import java.net.URI;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Response;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;

/**
 * Conventions of the {@code /api/v1} application. A domain resource joins it with
 * <pre>
 * &#64;Component(service = MyResource.class)
 * &#64;JaxrsResource
 * &#64;JaxrsApplicationSelect(Api.APPLICATION_SELECT)
 * &#64;JaxrsExtensionSelect(Api.JSON_SELECT)
 * &#64;Path("things")
 * </pre>
 */
public final class Api {

    private Api() {
    }

    public static final String APPLICATION_NAME = "spm";
    public static final String APPLICATION_BASE = "/api/v1";
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    public static final String JSON_EXTENSION = "spm.json";
    public static final String JSON_SELECT = "(osgi.jaxrs.name=" + JSON_EXTENSION + ")";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The ETag of a record version: {@code "7"}. */
    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an update expects, from {@code If-Match}: 428 when missing, 412 when it is not a
     * version we issued (a stale or foreign tag can never match).
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.versionRequired();
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "").trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ApiException(412, "problem.staleVersion", Messages.PLATFORM, null, "?");
        }
    }

    /** Parses a numeric id path segment; anything else is 404 (there is no such object). */
    public static long id(String raw, String objectKindKey) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw ApiException.notFound(objectKindKey, raw);
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(etag(version)).build();
    }

    public static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(etag(version)).build();
    }
}
