package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.Messages;

/**
 * Overload protection (issue 19 item 5, OPS-2: no hangs): the per-client bucket and the admission control, driven
 * deterministically (a fake clock, waits of zero or released by latches; no assertion on elapsed time).
 */
class OverloadFilterTest {

    private static final long SECOND = 1_000_000_000L;

    @AfterEach
    void clear() {
        RequestContext.clear();
    }

    /** A configuration: the metatype defaults, with {@code overrides} by attribute method name. */
    static OverloadConfig config(Map<String, Object> overrides) {
        return (OverloadConfig) Proxy.newProxyInstance(OverloadConfig.class.getClassLoader(), new Class<?>[] {OverloadConfig.class},
                (p, m, a) -> switch (m.getName()) {
                    case "annotationType" -> OverloadConfig.class;
                    case "hashCode" -> 0;
                    case "equals" -> p == a[0];
                    case "toString" -> "OverloadConfig" + overrides;
                    default -> overrides.containsKey(m.getName()) ? overrides.get(m.getName()) : m.getDefaultValue();
                });
    }

    static OverloadFilter filter(Map<String, Object> overrides, Map<String, Object> properties) {
        OverloadFilter f = new OverloadFilter();
        f.configure(config(overrides), properties);
        return f;
    }

    @Test
    void theDefaultsAreTheMetatypeDefaults_issue19_item5() {
        OverloadFilter.Settings none = OverloadFilter.settings(null, Map.of());
        OverloadFilter.Settings dflt = OverloadFilter.settings(config(Map.of()), Map.of());
        for (OverloadFilter.Settings s : List.of(none, dflt)) {
            assertEquals(64, s.admission().maxConcurrent());
            assertEquals(1, s.busyRetryAfter());
            assertEquals(200, s.limiter().burst());
            assertEquals(20 * 60, s.limiter().perMinute());
            assertEquals(List.of("health", "health/*"), s.exemptPaths());
            assertEquals(2, s.exempt().size());
        }
        assertEquals(none.exempt().get(0).text(), dflt.exempt().get(0).text());
    }

    @Test
    void aClientOverItsBucketGets429WithTheSecondsUntilATokenIsBack_issue19_item5() {
        OverloadFilter f = filter(Map.of("perClient_burst", 3, "perClient_rate", 1, "perClient_exempt", new String[0]), Map.of());
        AtomicLong now = new AtomicLong(7 * SECOND);
        f.clock(now::get);
        for (int i = 0; i < 3; i++) {
            OverloadFilter.Decision d = f.decide("estates", "192.0.2.1", null);
            assertFalse(d.refused(), "call " + i + " is within the burst");
            d.permit().close();
        }
        OverloadFilter.Decision over = f.decide("estates", "192.0.2.1", null);
        assertEquals(429, over.status());
        assertEquals(1, over.retryAfter());
        assertNull(over.permit(), "a refused request holds no place");
        assertFalse(f.decide("estates", "192.0.2.2", null).refused(), "another client has its own bucket");
        now.addAndGet(SECOND);
        assertFalse(f.decide("estates", "192.0.2.1", null).refused(), "one second later one token is back");
        assertEquals(429, f.decide("estates", "192.0.2.1", null).status());
        assertEquals(2, f.shedClient());
        assertEquals(0, f.shedBusy());
    }

    @Test
    void loopbackAndConfiguredAddressesHaveNoPerClientLimitButTheGlobalOneStill_issue19_item5() {
        OverloadFilter f = filter(Map.of("perClient_burst", 1, "maxConcurrent", 2, "queueWaitMillis", 0,
                "perClient_exempt", new String[] {"127.0.0.0/8", "::1/128", "10.9.0.0/16", "not a range"}), Map.of());
        f.clock(() -> 5L);
        for (String loopback : List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "10.9.3.4")) {
            for (int i = 0; i < 5; i++) {
                OverloadFilter.Decision d = f.decide("estates", loopback, null);
                assertFalse(d.refused(), loopback + " call " + i);
                d.permit().close();
            }
        }
        OverloadFilter.Decision a = f.decide("estates", "127.0.0.1", null);
        OverloadFilter.Decision b = f.decide("estates", "127.0.0.1", null);
        assertEquals(503, f.decide("estates", "127.0.0.1", null).status(), "the global limit applies to exempt clients too");
        a.permit().close();
        b.permit().close();
        assertFalse(f.decide("estates", "192.0.2.9", null).refused());
        assertEquals(429, f.decide("estates", "192.0.2.9", null).status());
    }

    @Test
    void theClientBehindATrustedProxyIsCountedNotTheProxy_issue19_item5() {
        Map<String, Object> security = Map.of(DisclosureFilter.TRUSTED_PROXIES, new String[] {"127.0.0.1/32"});
        OverloadFilter f = filter(Map.of("perClient_burst", 1), security);
        f.clock(() -> 5L);
        assertFalse(f.decide("estates", "127.0.0.1", "198.51.100.7").refused());
        assertEquals(429, f.decide("estates", "127.0.0.1", "198.51.100.7").status(), "the forwarded client is limited, loopback proxy or not");
        assertFalse(f.decide("estates", "127.0.0.1", "198.51.100.8").refused());
        OverloadFilter untrusted = filter(Map.of("perClient_burst", 1, "perClient_exempt", new String[0]), Map.of());
        untrusted.clock(() -> 5L);
        assertFalse(untrusted.decide("estates", "192.0.2.1", "198.51.100.7").refused());
        assertEquals(429, untrusted.decide("estates", "192.0.2.1", "198.51.100.8").status(), "X-Forwarded-For of an untrusted peer picks no bucket");
    }

    @Test
    void aFullNodeAnswers503AtOnceWhenThereIsNoQueue_issue19_item5() {
        OverloadFilter f = filter(Map.of("maxConcurrent", 2, "queueWaitMillis", 0, "busyRetryAfterSeconds", 3), Map.of());
        OverloadFilter.Decision a = f.decide("estates", "127.0.0.1", null);
        OverloadFilter.Decision b = f.decide("complaints/1", "127.0.0.1", null);
        assertNotNull(a.permit());
        assertNotNull(b.permit());
        OverloadFilter.Decision c = f.decide("estates", "127.0.0.1", null);
        assertEquals(503, c.status());
        assertEquals(3, c.retryAfter());
        assertEquals(2, f.settings().admission().inProgress());
        a.permit().close();
        a.permit().close(); // a second close gives nothing back twice
        assertEquals(1, f.settings().admission().inProgress());
        OverloadFilter.Decision d = f.decide("estates", "127.0.0.1", null);
        assertNotNull(d.permit(), "a freed place is taken at once");
        b.permit().close();
        d.permit().close();
        assertEquals(0, f.settings().admission().inProgress());
        assertEquals(1, f.shedBusy());
    }

    @Test
    void aWaitingRequestGetsTheNextFreePlace_andAFullQueueIsRefusedAtOnce_issue19_item5() throws Exception {
        Admission admission = new Admission(1, TimeUnit.MINUTES.toNanos(1), 1);
        Admission.Permit holder = admission.enter();
        assertNotNull(holder);
        AtomicReference<Admission.Permit> waiter = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            waiter.set(admission.enter());
            done.countDown();
        });
        t.start();
        while (admission.waiting() == 0) { // poll until the thread queues
            Thread.onSpinWait();
        }
        assertNull(admission.enter(), "the queue (1) is full: refused without waiting");
        holder.close();
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertNotNull(waiter.get(), "the waiting request got the place that was given back");
        assertEquals(1, admission.inProgress());
        waiter.get().close();
        assertEquals(0, admission.inProgress());
        assertEquals(0, admission.waiting());
    }

    @Test
    void aPlaceHeldLongerThanTheHoldTimeIsTakenBackWhenTheNodeIsFull_OPS4_issue19_item5() {
        AtomicLong now = new AtomicLong(0);
        Admission admission = new Admission(2, 0, 0, TimeUnit.MINUTES.toNanos(5), now::get);
        Admission.Permit lost = admission.enter(); // a request whose response filter never ran
        now.addAndGet(TimeUnit.MINUTES.toNanos(4));
        Admission.Permit young = admission.enter();
        assertNull(admission.enter(), "full, and nothing held over the hold time yet");
        now.addAndGet(TimeUnit.MINUTES.toNanos(2)); // the lost place is 6 minutes old, the young one 2
        Admission.Permit next = admission.enter();
        assertNotNull(next, "the lost place is taken back");
        assertEquals(1, admission.reclaimed());
        assertEquals(2, admission.inProgress());
        lost.close(); // a late close gives nothing back twice
        assertEquals(2, admission.inProgress());
        assertNull(admission.enter());
        young.close();
        next.close();
        assertEquals(0, admission.inProgress());
    }

    @Test
    void anInterruptedWaitIsARefusalNotAnError_issue19_item5() {
        Admission admission = new Admission(1, TimeUnit.MINUTES.toNanos(1), 4);
        Admission.Permit holder = admission.enter();
        Thread.currentThread().interrupt();
        try {
            assertNull(admission.enter());
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        } finally {
            holder.close();
        }
    }

    @Test
    void healthIsExemptSoBalancersSeeTheNodesRealState_issue19_item5() {
        OverloadFilter f = filter(Map.of("maxConcurrent", 1, "queueWaitMillis", 0, "perClient_burst", 1, "perClient_exempt", new String[0],
                "exemptPaths", new String[] {"/api/v1/health/*", "health", "  "}), Map.of());
        f.clock(() -> 5L);
        OverloadFilter.Decision held = f.decide("estates", "192.0.2.1", null);
        assertNotNull(held.permit());
        for (String p : List.of("health", "/health", "health/ready", "health/live")) {
            assertSame(OverloadFilter.Decision.PASS, f.decide(p, "192.0.2.1", null), p);
        }
        assertEquals(429, f.decide("healthy", "192.0.2.1", null).status(), "a prefix entry needs the slash");
        assertTrue(OverloadFilter.exempt("/api/v1/health", List.of("health")));
        assertFalse(OverloadFilter.exempt("healthz", List.of("health")));
        held.permit().close();
    }

    @Test
    void disabledMeansNoLimitAtAll_andOutOfRangeValuesFallBack_issue19_item5() {
        OverloadFilter off = filter(Map.of("enabled", false), Map.of());
        for (int i = 0; i < 1000; i++) {
            assertSame(OverloadFilter.Decision.PASS, off.decide("estates", "192.0.2.1", null));
        }
        OverloadFilter noClient = filter(Map.of("perClient_enabled", false, "perClient_exempt", new String[0]), Map.of());
        assertNull(noClient.settings().limiter());
        OverloadFilter.Settings s = OverloadFilter.settings(config(Map.of("maxConcurrent", 0, "queueWaitMillis", -1, "maxQueued", -3,
                "busyRetryAfterSeconds", 0, "perClient_rate", 0, "perClient_burst", -1)), Map.of());
        assertEquals(64, s.admission().maxConcurrent());
        assertEquals(1, s.busyRetryAfter());
        assertEquals(200, s.limiter().burst());
        assertEquals(1200, s.limiter().perMinute());
    }

    // ---- the JAX-RS side: abort with problem+json and Retry-After, the place given back by the response filter

    private record Call(String path, Map<String, Object> properties, AtomicReference<Response> aborted) {
    }

    private static ContainerRequestContext request(Call call) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (p, m, a) -> {
            if (m.getName().equals("getPath")) {
                return call.path;
            }
            throw new UnsupportedOperationException(m.getName());
        });
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getUriInfo" -> uri;
                    case "getHeaderString" -> null;
                    case "getProperty" -> call.properties.get((String) a[0]);
                    case "setProperty" -> call.properties.put((String) a[0], a[1]);
                    case "removeProperty" -> call.properties.remove((String) a[0]);
                    case "abortWith" -> {
                        call.aborted.set((Response) a[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFiltersAbortWithAProblemInTheCallersLanguageAndGiveThePlaceBack_issue19_item5() {
        OverloadFilter f = filter(Map.of("maxConcurrent", 1, "queueWaitMillis", 0), Map.of());
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(ContainerResponseContext.class.getClassLoader(),
                new Class<?>[] {ContainerResponseContext.class}, (p, m, a) -> null);
        Call first = new Call("estates", new HashMap<>(), new AtomicReference<>());
        f.filter(request(first)); // no servlet request: the client is unknown ("?"), still counted
        assertNull(first.aborted.get());
        assertNotNull(first.properties.get(OverloadFilter.PERMIT));

        // the refusal (Response.status needs a JAX-RS implementation, which only the container has: PlatformIT checks it there)
        RequestContext.set(Locale.ENGLISH, "/api/v1/estates");
        OverloadFilter.Decision refused = f.decide("estates", "192.0.2.1", null);
        assertEquals(503, refused.status());
        assertEquals(1, refused.retryAfter());
        Map<String, Object> body = OverloadFilter.problem(refused);
        assertEquals("https://smartproperty.org/problems/overload.busy", body.get("type"));
        assertEquals("problem.overload.busy", body.get("code"));
        assertEquals(503, body.get("status"));
        assertEquals("System busy", body.get("title"));
        assertEquals("The system is busy right now; try again in 1 seconds", body.get("detail"));
        assertEquals("/api/v1/estates", body.get("instance"));
        Call second = new Call("estates", new HashMap<>(), new AtomicReference<>());
        f.filter(request(second), response); // a request that holds no place (aborted, or exempt): nothing to give back
        assertEquals(1, f.settings().admission().inProgress());

        f.filter(request(first), response);
        f.filter(request(first), response); // twice is harmless
        assertEquals(0, f.settings().admission().inProgress());
        assertNull(first.properties.get(OverloadFilter.PERMIT));

        RequestContext.set(Messages.DEFAULT_LOCALE, "/api/v1/estates");
        Map<String, Object> zh = OverloadFilter.problem(new OverloadFilter.Decision(null, 429, 7));
        assertEquals(429, zh.get("status"));
        assertEquals("problem.overload.client", zh.get("code"));
        assertEquals("来自此地址的请求过于频繁，请 7 秒后再试", zh.get("detail"));
    }

    @Test
    void aNewConfigurationStartsANewCountAndOldPlacesGoBackToTheOldOne_issue19_item5() {
        OverloadFilter f = filter(Map.of("maxConcurrent", 1, "queueWaitMillis", 0), Map.of());
        OverloadFilter.Decision held = f.decide("estates", "127.0.0.1", null);
        Admission old = f.settings().admission();
        f.configure(config(Map.of("maxConcurrent", 2, "queueWaitMillis", 0)), Map.of());
        assertNotNull(f.decide("estates", "127.0.0.1", null).permit());
        held.permit().close();
        assertEquals(0, old.inProgress());
        assertEquals(1, f.settings().admission().inProgress());
    }
}
