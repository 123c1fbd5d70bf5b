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
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

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

/**
 * {@code GET /health}: liveness (the JVM and the REST stack answer). {@code GET /health/ready}:
 * every registered {@link HealthCheck} (database, migrations, bundles, …); 503 when a check that gates
 * serving ({@link HealthCheck#readiness()}) is DOWN, 200 otherwise, with details either way;
 * {@code status} is the worst of all checks, {@code serving} what the HTTP status says.
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
    @Doc(summary = "Readiness: database reachable, migrations applied, all spm bundles active")
    public Response ready() {
        Map<String, Object> body = evaluate(List.copyOf(checks));
        // 503 only when the node cannot serve; an operational check's DOWN (a failed night backup, a full backup
        // disk) shows in "status" for monitoring and spm status, but keeps the node in the load balancer
        return Response.status(Boolean.TRUE.equals(body.get("serving")) ? 200 : 503).entity(body).build();
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
