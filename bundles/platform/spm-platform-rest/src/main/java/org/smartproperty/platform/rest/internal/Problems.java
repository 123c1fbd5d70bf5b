package org.smartproperty.platform.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.core.Response;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;

/** Renders problems as RFC 9457 {@code application/problem+json} in the request's language. */
final class Problems {

    static final String TYPE_BASE = "https://smartproperty.org/problems/";

    private Problems() {
    }

    static Response render(ApiException e) {
        return Response.status(e.status()).type(Api.PROBLEM_JSON).entity(body(e)).build();
    }

    /** The problem document of {@code e} in the request's language. */
    static Map<String, Object> body(ApiException e) {
        Locale locale = RequestContext.locale();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + e.code().replaceFirst("^problem\\.", ""));
        String titleKey = e.code() + ".title";
        String title = e.source().has(titleKey) ? e.source().format(locale, titleKey) : Messages.PLATFORM.format(locale, genericTitle(e.status()));
        body.put("title", title);
        body.put("status", e.status());
        body.put("detail", e.source().format(locale, e.code(), e.args()));
        body.put("code", e.code());
        if (RequestContext.path() != null) {
            body.put("instance", RequestContext.path());
        }
        if (!e.errors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldError fe : e.errors()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("field", fe.field());
                m.put("code", fe.code());
                m.put("message", fe.source().format(locale, fe.code(), fe.args().toArray()));
                errors.add(m);
            }
            body.put("errors", errors);
        }
        return body;
    }

    private static String genericTitle(int status) {
        return switch (status) {
            case 400 -> "problem.validation.title";
            case 401 -> "problem.unauthenticated.title";
            case 403 -> "problem.forbidden.title";
            case 404 -> "problem.notFound.title";
            case 405 -> "problem.methodNotAllowed.title";
            case 406 -> "problem.notAcceptable.title";
            case 413 -> "problem.payloadTooLarge.title";
            case 415 -> "problem.unsupportedMediaType.title";
            case 429 -> "problem.tooManyRequests.title";
            case 502 -> "problem.badGateway.title";
            case 409 -> "problem.conflict.title";
            case 412 -> "problem.staleVersion.title";
            case 428 -> "problem.versionRequired.title";
            case 503 -> "problem.unavailable.title";
            default -> status >= 500 ? "problem.internal.title" : "problem.validation.title";
        };
    }
}
