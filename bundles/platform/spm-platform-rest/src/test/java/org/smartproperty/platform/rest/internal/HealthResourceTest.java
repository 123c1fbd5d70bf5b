package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;

/** OPS-2: readiness says whether the node can serve; operational failures are reported, not an outage. */
class HealthResourceTest {

    final HealthResource resource = new HealthResource();

    @AfterEach
    void stop() {
        resource.deactivate();
    }

    static HealthCheck check(String name, HealthResult result, boolean readiness) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthResult check() {
                return result;
            }

            @Override
            public boolean readiness() {
                return readiness;
            }
        };
    }

    static final HealthResult UP = HealthResult.up("ok", Map.of());
    static final HealthResult DOWN = HealthResult.down("broken", Map.of());


    @Test
    void aFailedBackupIsCriticalInTheBodyButTheNodeKeepsServing_OPS_2_OPS_3() {
        Map<String, Object> r = resource.evaluate(List.of(check("database", UP, true), check("migrations", UP, true), check("bundles", UP, true),
                check("backup", DOWN, false)));
        assertEquals("DOWN", r.get("status"));
        assertEquals(true, r.get("serving"), "HTTP 200: the node stays in the load balancer");
    }

    @Test
    void aServingCheckDownIs503_OPS_2() {
        Map<String, Object> r = resource.evaluate(List.of(check("database", DOWN, true), check("migrations", UP, true), check("bundles", UP, true)));
        assertEquals(false, r.get("serving"), "HTTP 503");
    }

    @Test
    void aCheckThatHangsIsDownWithinTheDeadline_OPS_2() {
        HealthCheck hangs = new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public HealthResult check() {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return UP;
            }
        };
        Map<String, Object> r = resource.evaluate(List.of(hangs, check("migrations", UP, true), check("bundles", UP, true)));
        assertEquals(false, r.get("serving"));
        @SuppressWarnings("unchecked")
        Map<String, Object> db = (Map<String, Object>) ((Map<String, Object>) r.get("checks")).get("database");
        assertEquals("DOWN", db.get("status"));
    }

    @Test
    void anonymousProbersSeeStatusesButNoVersionsPathsOrNodeNames_issue20_item6_OPS_2() {
        Map<String, Object> full = resource.evaluate(List.of(check("database", HealthResult.up("PostgreSQL 15.8 on node-a", Map.of("product", "PostgreSQL 15.8",
                "path", "/opt/spm/data/db")), true), check("migrations", UP, true), check("bundles", UP, true)));
        Map<String, Object> shown = HealthResource.statusesOnly(full);
        assertEquals("UP", shown.get("status"));
        assertEquals(true, shown.get("serving"));
        String text = shown.toString();
        org.junit.jupiter.api.Assertions.assertFalse(text.contains("PostgreSQL") || text.contains("/opt/spm") || text.contains("node-a"), text);
        assertEquals(Map.of("status", "UP", "readiness", true), ((Map<?, ?>) shown.get("checks")).get("database"));
        org.junit.jupiter.api.Assertions.assertTrue(full.toString().contains("PostgreSQL 15.8"), "ops still get the details");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders_issue20_item6() {
        javax.ws.rs.core.MultivaluedMap<String, Object> h = new javax.ws.rs.core.MultivaluedHashMap<>();
        SecurityHeadersFilter.decorate(h, false);
        assertEquals("no-store", h.getFirst("Cache-Control"));
        assertEquals("nosniff", h.getFirst("X-Content-Type-Options"));
        assertEquals("DENY", h.getFirst("X-Frame-Options"));
        assertEquals("no-referrer", h.getFirst("Referrer-Policy"));
        org.junit.jupiter.api.Assertions.assertNull(h.getFirst("Strict-Transport-Security"), "HSTS over TLS only");
        javax.ws.rs.core.MultivaluedMap<String, Object> cached = new javax.ws.rs.core.MultivaluedHashMap<>();
        cached.putSingle("Cache-Control", "private, max-age=3600");
        SecurityHeadersFilter.decorate(cached, true);
        assertEquals("private, max-age=3600", cached.getFirst("Cache-Control"), "a resource's own caching stays");
        assertEquals("max-age=31536000; includeSubDomains", cached.getFirst("Strict-Transport-Security"));
    }
}
