package org.smartproperty.platform;

import java.util.List;

/**
 * A failure the caller can act on. The REST layer renders it as {@code application/problem+json}
 * with {@code status}, a localized {@code title}/{@code detail} from {@code source} and one
 * entry in {@code errors[]} per {@link FieldError}. Services throw it; they never build HTTP
 * responses themselves.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Messages source;
    private final transient Object[] args;
    private final transient List<FieldError> errors;

    public ApiException(int status, String code, Messages source, List<FieldError> errors, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.source = source == null ? Messages.PLATFORM : source;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.args = args == null ? new Object[0] : args.clone();
    }

    public int status() { return status; }
    /** Stable machine-readable problem code, also the message key of the detail text. */
    public String code() { return code; }
    public Messages source() { return source; }
    public Object[] args() { return args.clone(); }
    public List<FieldError> errors() { return errors; }

    @Override
    public String getMessage() {
        return source.format(Messages.DEFAULT_LOCALE, code, args);
    }

    /** 400 with field errors. */
    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "problem.validation", Messages.PLATFORM, errors);
    }

    /** 400 for one field. */
    public static ApiException invalid(Messages source, String field, String code, Object... args) {
        return invalid(List.of(FieldError.of(source, field, code, args)));
    }

    /** 404: the object does not exist or the caller may not see it (never tell which). */
    public static ApiException notFound(String objectKindKey, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null,
                Messages.PLATFORM.text(objectKindKey), String.valueOf(id));
    }

    /** 409 with a domain-specific key. */
    public static ApiException conflict(Messages source, String code, Object... args) {
        return new ApiException(409, code, source, null, args);
    }

    /** 412: the If-Match version is not the current one. */
    public static ApiException stale(long current) {
        return new ApiException(412, "problem.staleVersion", Messages.PLATFORM, null, current);
    }

    /**
     * 503 {@code problem.unavailable}: a service this call needs is momentarily absent, typically
     * another domain's impl bundle being updated in a maintenance window (issue 10 item 6); the
     * caller may retry. {@code name} names what is missing (a domain, "database").
     */
    public static ApiException unavailable(String name) {
        return new ApiException(503, "problem.unavailable", Messages.PLATFORM, null, name);
    }

    /**
     * {@code service} itself, or {@link #unavailable(String) 503} naming {@code domain} when it is null: the guard of a
     * DYNAMIC reference to another domain's service while that domain's bundle is being updated (issue 10 item 6); the
     * calling request's transaction rolls back.
     */
    public static <T> T requireAvailable(T service, String domain) {
        if (service == null) {
            throw unavailable(domain);
        }
        return service;
    }

    /** 428: an update without If-Match. */
    public static ApiException versionRequired() {
        return new ApiException(428, "problem.versionRequired", Messages.PLATFORM, null);
    }
}
