package org.smartproperty.platform.rest.internal;

import java.util.Locale;

import org.smartproperty.platform.Messages;

/** Per-request values the exception mappers need (set by {@link RequestContextFilter}). */
final class RequestContext {

    record Values(Locale locale, String path) {
    }

    private static final ThreadLocal<Values> CURRENT = new ThreadLocal<>();

    private RequestContext() {
    }

    static void set(Locale locale, String path) {
        CURRENT.set(new Values(locale, path));
    }

    static void clear() {
        CURRENT.remove();
    }

    static Locale locale() {
        Values v = CURRENT.get();
        return v == null ? Messages.DEFAULT_LOCALE : v.locale();
    }

    static String path() {
        Values v = CURRENT.get();
        return v == null ? null : v.path();
    }
}
