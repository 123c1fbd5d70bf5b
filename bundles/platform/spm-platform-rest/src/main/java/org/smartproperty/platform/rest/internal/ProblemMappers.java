package org.smartproperty.platform.rest.internal;

import java.util.UUID;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.persistence.DatabaseFaults;
import org.smartproperty.platform.rest.Api;

/** Exception mappers: every error leaves the API as problem+json. */
public final class ProblemMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    /** The texts of this bundle's own problems (zh-CN base, _zh_TW, _pt, _en). */
    static final Messages TEXTS = Messages.of(ProblemMappers.class, "org.smartproperty.platform.rest.internal.messages");
    /** 503: the database cannot be reached (down, restarting, failing over) or no pooled connection came in time (issue 19 item 2). */
    static final String DATABASE_UNAVAILABLE = "problem.database.unavailable";
    /** 503: a statement ran past the pool's statement timeout and was cancelled (SQLSTATE 57014, issue 19 item 2). */
    static final String DATABASE_SLOW = "problem.database.slow";
    /** Retry-After of {@link #DATABASE_UNAVAILABLE} and of any other 503 without its own: a fast restart takes about a second. */
    static final long RETRY_AFTER_UNAVAILABLE_SECONDS = 5;
    /** Retry-After of {@link #DATABASE_SLOW}: give the database time to work off its load. */
    static final long RETRY_AFTER_SLOW_SECONDS = 10;

    private ProblemMappers() {
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsName("spm.problem.api")
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    public static class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return withRetryAfter(e, Problems.render(e));
        }
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsName("spm.problem.web")
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    public static class WebExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            String code;
            if (e instanceof NotFoundException) {
                code = "problem.pathNotFound";
            } else if (e instanceof NotAllowedException) {
                code = "problem.methodNotAllowed";
            } else if (e instanceof NotSupportedException) {
                code = "problem.unsupportedMediaType";
            } else if (e instanceof NotAcceptableException) {
                code = "problem.notAcceptable";
            } else if (status >= 500) {
                return internal(e);
            } else {
                code = "problem.validation";
            }
            Response r = Problems.render(new ApiException(status, code, Messages.PLATFORM, null));
            if (e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null) {
                return Response.fromResponse(r).header("Allow", e.getResponse().getHeaderString("Allow")).build();
            }
            return r;
        }
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsName("spm.problem.any")
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    public static class ThrowableMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            ApiException known = known(e);
            return known != null ? withRetryAfter(known, Problems.render(known)) : internal(e);
        }

        /** The problem an unexpected exception stands for, or null for an internal incident. */
        static ApiException known(Throwable e) {
            // a concurrent-update or duplicate that escaped a service still deserves its status
            for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
                if (c instanceof ApiException api) {
                    return api;
                }
            }
            DatabaseFaults.Fault fault = DatabaseFaults.of(e);
            if (fault == DatabaseFaults.Fault.UNAVAILABLE) {
                // OPS-4, issue 19 item 2: the database is down, restarting or failing over; the caller may retry, readiness says why
                LOG.warn("Database unreachable on {}: {}", RequestContext.path(), e.toString());
                return new ApiException(503, DATABASE_UNAVAILABLE, TEXTS, null, RETRY_AFTER_UNAVAILABLE_SECONDS);
            }
            if (fault == DatabaseFaults.Fault.SLOW) {
                // issue 19 item 2: a statement ran past pool.statementTimeoutMs and was cancelled; its transaction rolled back
                LOG.warn("Database statement timeout on {}: {}", RequestContext.path(), e.toString());
                return new ApiException(503, DATABASE_SLOW, TEXTS, null, RETRY_AFTER_SLOW_SECONDS);
            }
            if (dataTooLong(e)) {
                // a value the schema cannot hold (issue 20 item 7): the caller's input, not our fault; nothing was written
                LOG.info("Value too long or out of range on {}: {}", RequestContext.path(), e.toString());
                return new ApiException(400, "problem.dataTooLong", Messages.PLATFORM, null);
            }
            return null;
        }
    }

    /**
     * The database refused a value as too long for its column (SQLSTATE {@code 22001}) or out of
     * its numeric range ({@code 22003}) — on PostgreSQL and H2 alike.
     */
    static boolean dataTooLong(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.sql.SQLException sql && ("22001".equals(sql.getSQLState()) || "22003".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure to reach the database rather than a fault of the request: no connection from the pool
     * in time (SQLTransientConnectionException) or a connection-class SQLSTATE ({@code 08…}, {@code 57P01..03}:
     * the server shutting down or restarting); see {@link DatabaseFaults}.
     */
    static boolean databaseUnreachable(Throwable e) {
        return DatabaseFaults.of(e) == DatabaseFaults.Fault.UNAVAILABLE;
    }

    /** Every 503 leaves with {@code Retry-After}: the seconds its problem names, else {@value #RETRY_AFTER_UNAVAILABLE_SECONDS}. */
    static Response withRetryAfter(ApiException e, Response r) {
        if (e.status() != 503 || r.getHeaderString(DisclosureFilter.RETRY_AFTER) != null) {
            return r;
        }
        long seconds = DATABASE_SLOW.equals(e.code()) ? RETRY_AFTER_SLOW_SECONDS : RETRY_AFTER_UNAVAILABLE_SECONDS;
        return Response.fromResponse(r).header(DisclosureFilter.RETRY_AFTER, Long.toString(seconds)).build();
    }

    static Response internal(Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Incident {} on {}: {}", incident, RequestContext.path(), e.toString(), e);
        return Problems.render(new ApiException(500, "problem.internal", Messages.PLATFORM, null, incident));
    }
}
