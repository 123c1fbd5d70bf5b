package org.smartproperty.platform.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthChecks;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * {@code GET /health}: liveness (the JVM and the REST stack answer). {@code GET /health/ready}:
 * every registered {@link HealthCheck} (database, migrations, bundles, …); 503 when a check that gates
 * serving ({@link HealthCheck#readiness()}) is DOWN, 200 otherwise, with details either way;
 * {@code status} is the worst of all checks, {@code serving} what the HTTP status says.
 * <p>
 * Anyone (a load balancer) sees the statuses; the summaries and details (database product and
 * version, paths, node names) only a caller with {@code ops:health} or one that presents the
 * node's probe token, {@code X-SPM-Health-Token}, which this node writes at start to
 * {@code ${karaf.data}/security/health-token} (owner-only) for {@code spm status} and
 * {@code spm health} on the node (issue 20 item 6).
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    /** How long the readiness probe waits for all checks together. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "spm-health-check");
        t.setDaemon(true);
        return t;
    });

    /** The header a node-local tool presents the probe token in. */
    public static final String TOKEN_HEADER = "X-SPM-Health-Token";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HealthResource.class);
    private volatile String probeToken;

    @Activate
    void activate() {
        String data = System.getProperty("karaf.data");
        if (data == null) {
            return;
        }
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        String token = java.util.HexFormat.of().formatHex(b);
        java.nio.file.Path file = java.nio.file.Path.of(data, "security", "health-token");
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Path tmp = file.resolveSibling("health-token.tmp");
            java.nio.file.Files.deleteIfExists(tmp);
            try {
                java.nio.file.Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                java.nio.file.Files.createFile(tmp);
            }
            java.nio.file.Files.writeString(tmp, token);
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            probeToken = token;
        } catch (java.io.IOException e) {
            LOG.warn("health probe token not written to {}: {}; readiness details need an ops:health token", file, e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @GET
    @PublicAccess
    @Doc(summary = "Liveness: the platform process answers")
    public Map<String, Object> live() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "UP");
        m.put("time", Instant.now().toString());
        return m;
    }

    @GET
    @Path("ready")
    @PublicAccess
    @Doc(summary = "Readiness: database reachable, migrations applied, all spm bundles active; summaries and details only for "
            + "ops:health or the node's probe token (X-SPM-Health-Token)", requirements = "OPS-2")
    public Response ready(@HeaderParam(TOKEN_HEADER) String token, @Context SecurityContext sc) {
        Map<String, Object> body = evaluate(List.copyOf(checks));
        boolean ops = sc != null && sc.getUserPrincipal() instanceof SpmPrincipal p && p.can("ops:health");
        String expected = probeToken;
        boolean local = token != null && expected != null
                && java.security.MessageDigest.isEqual(token.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!ops && !local) {
            body = statusesOnly(body);
        }
        // 503 only when the node cannot serve; an operational check's DOWN (a failed night backup, a full backup
        // disk) shows in "status" for monitoring and spm status, but keeps the node in the load balancer
        return Response.status(Boolean.TRUE.equals(body.get("serving")) ? 200 : 503).entity(body).build();
    }

    /** What an anonymous prober may see: the statuses, no summaries or details. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> statusesOnly(Map<String, Object> full) {
        Map<String, Object> out = new LinkedHashMap<>(full);
        Map<String, Object> checks = new LinkedHashMap<>();
        ((Map<String, Object>) full.get("checks")).forEach((name, c) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> in = (Map<String, Object>) c;
            m.put("status", in.get("status"));
            if (in.containsKey("readiness")) {
                m.put("readiness", in.get("readiness"));
            }
            checks.put(name, m);
        });
        out.put("checks", checks);
        return out;
    }

    /** The readiness document over the given checks (the registered ones in production). */
    Map<String, Object> evaluate(List<HealthCheck> snapshot) {
        Map<String, Object> result = new LinkedHashMap<>();
        HealthStatus overall = HealthStatus.UP;
        Map<String, Object> byName = new LinkedHashMap<>();
        Map<String, Boolean> readiness = new LinkedHashMap<>();
        for (HealthCheck c : snapshot) {
            readiness.merge(c.name(), c.readiness(), Boolean::logicalOr);
        }
        boolean serving = true;
        for (Map.Entry<String, HealthResult> e : HealthChecks.run(snapshot, executor, CHECK_TIMEOUT).entrySet()) {
            HealthResult r = e.getValue();
            overall = overall.worst(r.status());
            boolean gate = readiness.getOrDefault(e.getKey(), true);
            if (gate && r.status() == HealthStatus.DOWN) {
                serving = false;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", r.status().name());
            m.put("summary", r.summary());
            m.put("readiness", gate);
            if (!r.details().isEmpty()) {
                m.put("details", r.details());
            }
            byName.put(e.getKey(), m);
        }
        for (String required : List.of("database", "migrations", "bundles")) {
            if (!byName.containsKey(required)) {
                overall = HealthStatus.DOWN;
                serving = false;
                byName.put(required, Map.of("status", "DOWN", "summary", "check not registered"));
            }
        }
        result.put("status", overall.name());
        result.put("serving", serving);
        result.put("time", Instant.now().toString());
        result.put("checks", byName);
        return result;
    }
}
