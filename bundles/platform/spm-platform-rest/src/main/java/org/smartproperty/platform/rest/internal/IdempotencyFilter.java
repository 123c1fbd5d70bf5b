package org.smartproperty.platform.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.annotation.Priority;
import javax.sql.DataSource;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.rest.Api;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its response (status,
 * Location, ETag, body) is stored for 24 hours; a repeat with the same key and the same body
 * gets that response again without running the create twice; the same key with another body
 * is 422; a repeat while the first is still running is 409.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("spm.idempotency")
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);
    static final int MAX_KEY = 128;
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration ABANDONED = Duration.ofMinutes(2);
    private static final String PROP = "spm.idempotency.key";

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(spm.bundle=org.smartproperty.platform.rest)")
    private SchemaReady schema;

    private final ObjectMapper mapper = ObjectMappers.create();

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(Api.IDEMPOTENCY_KEY);
        if (key == null || !HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw ApiException.invalid(Messages.PLATFORM, Api.IDEMPOTENCY_KEY, "problem.idempotencyKey", MAX_KEY);
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String principal = principal(request);
        String what = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath();
        String hash = sha256(body);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            purgeOld(c);
            Stored s = find(c, principal, key);
            if (s != null && s.status == null && s.createdAt.isBefore(Instant.now().minus(ABANDONED))) {
                delete(c, principal, key);
                s = null;
            }
            if (s == null) {
                if (insert(c, principal, key, what, hash)) {
                    request.setProperty(PROP, new String[] {principal, key});
                    return;
                }
                s = find(c, principal, key);
                if (s == null) {
                    throw new ApiException(409, "problem.idempotencyInProgress", Messages.PLATFORM, null);
                }
            }
            if (!s.request.equals(what) || !s.bodyHash.equals(hash)) {
                throw new ApiException(422, "problem.idempotencyMismatch", Messages.PLATFORM, null, s.request);
            }
            if (s.status == null) {
                throw new ApiException(409, "problem.idempotencyInProgress", Messages.PLATFORM, null);
            }
            Response.ResponseBuilder rb = Response.status(s.status).header("Idempotent-Replayed", "true");
            if (s.location != null) {
                rb.location(URI.create(s.location));
            }
            if (s.etag != null) {
                rb.header(HttpHeaders.ETAG, s.etag);
            }
            if (s.response != null) {
                rb.entity(s.response).type(s.status >= 400 ? Api.PROBLEM_JSON : MediaType.APPLICATION_JSON + ";charset=UTF-8");
            }
            request.abortWith(rb.build());
        } catch (SQLException e) {
            throw new ApiException(503, "problem.unavailable", Messages.PLATFORM, null, "idempotency store");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object prop = request.getProperty(PROP);
        if (!(prop instanceof String[] pk)) {
            return;
        }
        int status = response.getStatus();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (status >= 500 || status == 409 || status == 412) {
                // not a final answer for this key: let the client retry with the same key
                delete(c, pk[0], pk[1]);
                return;
            }
            String body = response.hasEntity() ? mapper.writeValueAsString(response.getEntity()) : null;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE plt_idempotency SET status = ?, location = ?, etag = ?, response = ? WHERE principal = ? AND idem_key = ?")) {
                ps.setInt(1, status);
                ps.setString(2, response.getLocation() == null ? null : response.getLocation().toString());
                ps.setString(3, response.getHeaderString(HttpHeaders.ETAG));
                ps.setString(4, body);
                ps.setString(5, pk[0]);
                ps.setString(6, pk[1]);
                ps.executeUpdate();
            }
        } catch (Exception e) {
            LOG.warn("Could not record the response of Idempotency-Key {}: {}", pk[1], e.toString());
        }
    }

    private record Stored(String request, String bodyHash, Integer status, String location, String etag, String response, Instant createdAt) {
    }

    private static Stored find(Connection c, String principal, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT request, body_hash, status, location, etag, response, created_at FROM plt_idempotency WHERE principal = ? AND idem_key = ?")) {
            ps.setString(1, principal);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                int st = rs.getInt(3);
                Integer status = rs.wasNull() ? null : st;
                return new Stored(rs.getString(1), rs.getString(2), status, rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant());
            }
        }
    }

    private static boolean insert(Connection c, String principal, String key, String what, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO plt_idempotency (idem_key, principal, request, body_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, principal);
            ps.setString(3, what.length() > 600 ? what.substring(0, 600) : what);
            ps.setString(4, hash);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && state.startsWith("23")) {
                return false; // someone else inserted the same key first
            }
            throw e;
        }
    }

    private static void delete(Connection c, String principal, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM plt_idempotency WHERE principal = ? AND idem_key = ?")) {
            ps.setString(1, principal);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    private static void purgeOld(Connection c) throws SQLException {
        if (Math.floorMod(System.nanoTime(), 50) != 0) {
            return; // purge now and then, not on every request
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM plt_idempotency WHERE created_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(RETENTION)));
            ps.executeUpdate();
        }
    }

    /** Until the security issue lands every caller is anonymous; keys are then global. */
    private static String principal(ContainerRequestContext request) {
        return request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() != null
                ? request.getSecurityContext().getUserPrincipal().getName()
                : "anonymous";
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String bodyText(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
