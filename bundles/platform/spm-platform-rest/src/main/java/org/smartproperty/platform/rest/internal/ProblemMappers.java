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
import org.smartproperty.platform.rest.Api;

/** Exception mappers: every error leaves the API as problem+json. */
public final class ProblemMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsName("spm.problem.api")
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    public static class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return Problems.render(e);
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
            return known != null ? Problems.render(known) : internal(e);
        }

        /** The problem an unexpected exception stands for, or null for an internal incident. */
        static ApiException known(Throwable e) {
            // a concurrent-update or duplicate that escaped a service still deserves its status
            for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
                if (c instanceof ApiException api) {
                    return api;
                }
            }
            if (databaseUnreachable(e)) {
                // OPS-4: the database is down or restarting; the caller may retry, readiness says why
                LOG.warn("Database unreachable on {}: {}", RequestContext.path(), e.toString());
                return new ApiException(503, "problem.unavailable", Messages.PLATFORM, null, "database");
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
     * in time (SQLTransientConnectionException) or a connection-class SQLSTATE ({@code 08…}, and
     * {@code 57P…}: the server shutting down or restarting).
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.sql.SQLTransientConnectionException || c instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static Response internal(Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Incident {} on {}: {}", incident, RequestContext.path(), e.toString(), e);
        return Problems.render(new ApiException(500, "problem.internal", Messages.PLATFORM, null, incident));
    }
}
