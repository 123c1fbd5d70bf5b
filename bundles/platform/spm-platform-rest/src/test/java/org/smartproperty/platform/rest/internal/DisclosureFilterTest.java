package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.security.Cidr;

/** The public disclosure surface's caching and rate limits (DIS-1..6, issue 17 item 4). */
class DisclosureFilterTest {

    @AfterEach
    void clear() {
        RequestContext.clear();
    }

    // ---- a small stand-in for JAX-RS' request and response contexts

    record Call(String method, String path, Map<String, String> headers, AtomicReference<Response> aborted) {
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
                    case "getMethod" -> call.method;
                    case "getHeaderString" -> call.headers.get((String) a[0]);
                    case "abortWith" -> {
                        call.aborted.set((Response) a[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static final class Out {
        int status = 200;
        Object entity;
        final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    }

    private static ContainerResponseContext response(Out out) {
        return (ContainerResponseContext) Proxy.newProxyInstance(ContainerResponseContext.class.getClassLoader(),
                new Class<?>[] {ContainerResponseContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getStatus" -> out.status;
                    case "setStatus" -> {
                        out.status = (Integer) a[0];
                        yield null;
                    }
                    case "getEntity" -> out.entity;
                    case "setEntity" -> {
                        out.entity = a.length == 0 ? null : a[0];
                        yield null;
                    }
                    case "getHeaders" -> out.headers;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static HttpServletRequest peer(String address) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> {
                    if (m.getName().equals("getRemoteAddr")) {
                        return address;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static ResourceInfo info(Method method) {
        return (ResourceInfo) Proxy.newProxyInstance(ResourceInfo.class.getClassLoader(), new Class<?>[] {ResourceInfo.class},
                (p, m, a) -> m.getName().equals("getResourceMethod") ? method : Things.class);
    }

    private static void inject(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** Resources as the domains write them. */
    @Path("public/things")
    public static class Things {
        @GET
        @PublicAccess
        @Doc(summary = "Public things", requirements = "DIS-1, DIS-5")
        public Page<String> list() {
            return new Page<>(List.of("a", "b"), 0, 20, 2);
        }

        @GET
        @Path("{id}")
        @RequiresPermission("thing:view")
        @Doc(summary = "Not public")
        public String secret() {
            return "x";
        }
    }

    @Path("things")
    public static class Private {
        @GET
        @RequiresPermission("thing:view")
        @Doc(summary = "Staff things")
        public Page<String> list() {
            return new Page<>(List.of("a"), 0, 20, 1);
        }
    }

    private static DisclosureConfig config(int maxAge, boolean enabled, int burst, int perMinute) {
        return (DisclosureConfig) Proxy.newProxyInstance(DisclosureConfig.class.getClassLoader(), new Class<?>[] {DisclosureConfig.class},
                (p, m, a) -> switch (m.getName()) {
                    case "cache_maxAgeSeconds" -> maxAge;
                    case "rateLimit_enabled" -> enabled;
                    case "rateLimit_burst" -> burst;
                    case "rateLimit_perMinute" -> perMinute;
                    case "rateLimit_idleMinutes" -> 10;
                    case "rateLimit_maxClients" -> 1000;
                    default -> m.getDefaultValue();
                });
    }

    private Out get(DisclosureCacheFilter f, Method resourceMethod, String path, Object entity, Map<String, String> headers) throws Exception {
        inject(f, "resourceInfo", info(resourceMethod));
        Out out = new Out();
        out.entity = entity;
        f.filter(request(new Call("GET", path, headers, new AtomicReference<>())), response(out));
        return out;
    }

    // ---- caching

    @Test
    void aPublicGetHasAStrongEtagCacheControlAndVary_DIS() throws Exception {
        DisclosureCacheFilter f = new DisclosureCacheFilter();
        f.configure(config(60, true, 10, 10));
        RequestContext.set(Locale.SIMPLIFIED_CHINESE, "/api/v1/public/things");
        Out out = get(f, Things.class.getMethod("list"), "public/things", new Things().list(), Map.of());
        assertEquals(200, out.status);
        assertEquals("public, max-age=60", out.headers.getFirst(HttpHeaders.CACHE_CONTROL));
        assertEquals("Accept-Language", out.headers.getFirst("Vary"));
        String etag = (String) out.headers.getFirst(HttpHeaders.ETAG);
        assertNotNull(etag);
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{43}\""), etag);
        assertNotNull(out.entity);
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIs304WithoutABody_DIS() throws Exception {
        DisclosureCacheFilter f = new DisclosureCacheFilter();
        f.configure(config(120, true, 10, 10));
        RequestContext.set(Locale.ENGLISH, "/api/v1/public/things");
        String etag = (String) get(f, Things.class.getMethod("list"), "public/things", new Things().list(), Map.of())
                .headers.getFirst(HttpHeaders.ETAG);
        for (String inm : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            Out again = get(f, Things.class.getMethod("list"), "public/things", new Things().list(), Map.of(HttpHeaders.IF_NONE_MATCH, inm));
            assertEquals(304, again.status, inm);
            assertNull(again.entity, inm);
            assertEquals(etag, again.headers.getFirst(HttpHeaders.ETAG));
            assertEquals("public, max-age=120", again.headers.getFirst(HttpHeaders.CACHE_CONTROL));
        }
        Out stale = get(f, Things.class.getMethod("list"), "public/things", new Things().list(), Map.of(HttpHeaders.IF_NONE_MATCH, "\"old\""));
        assertEquals(200, stale.status);
        Out changed = get(f, Things.class.getMethod("list"), "public/things", new Page<>(List.of("a", "c"), 0, 20, 2),
                Map.of(HttpHeaders.IF_NONE_MATCH, etag));
        assertEquals(200, changed.status, "another representation never matches the old tag");
        assertNotEquals(etag, changed.headers.getFirst(HttpHeaders.ETAG));
    }

    @Test
    void theEtagDependsOnTheLanguage_DIS() {
        Object body = new Things().list();
        assertEquals(DisclosureCacheFilter.etag(body, Locale.ENGLISH), DisclosureCacheFilter.etag(body, Locale.ENGLISH));
        assertNotEquals(DisclosureCacheFilter.etag(body, Locale.ENGLISH), DisclosureCacheFilter.etag(body, Locale.SIMPLIFIED_CHINESE));
        assertNull(DisclosureCacheFilter.etag((javax.ws.rs.core.StreamingOutput) os -> { }, Locale.ENGLISH), "streams get no ETag");
    }

    @Test
    void nothingOnPrivatePathsOrNonPublicMethodsOrErrors_DIS() throws Exception {
        DisclosureCacheFilter f = new DisclosureCacheFilter();
        f.configure(config(60, true, 10, 10));
        RequestContext.set(Locale.ENGLISH, "/api/v1/things");
        assertTrue(get(f, Private.class.getMethod("list"), "things", new Private().list(), Map.of()).headers.isEmpty(), "a staff list");
        assertTrue(get(f, Things.class.getMethod("secret"), "public/things/1", "x", Map.of()).headers.isEmpty(),
                "a method without @PublicAccess under /public");
        assertTrue(get(f, Things.class.getMethod("list"), "publications", new Things().list(), Map.of()).headers.isEmpty(),
                "a path that only starts with the letters");
        inject(f, "resourceInfo", info(Things.class.getMethod("list")));
        Out error = new Out();
        error.status = 400;
        f.filter(request(new Call("GET", "public/things", Map.of(), new AtomicReference<>())), response(error));
        assertTrue(error.headers.isEmpty(), "a problem keeps no-store");
        Out post = new Out();
        f.filter(request(new Call("POST", "public/things", Map.of(), new AtomicReference<>())), response(post));
        assertTrue(post.headers.isEmpty());
        // and the security headers then give every one of them no-store
        MultivaluedMap<String, Object> h = new MultivaluedHashMap<>();
        SecurityHeadersFilter.decorate(h, false);
        assertEquals("no-store", h.getFirst(HttpHeaders.CACHE_CONTROL));
    }

    @Test
    void aCallWithATokenIsRevalidatedPrivatelyAndAResourcesOwnCachingIsKept_DIS() throws Exception {
        DisclosureCacheFilter f = new DisclosureCacheFilter();
        f.configure(config(60, true, 10, 10));
        RequestContext.set(Locale.ENGLISH, "/api/v1/public/things");
        Out out = get(f, Things.class.getMethod("list"), "public/things", new Things().list(), Map.of(HttpHeaders.AUTHORIZATION, "Bearer x"));
        assertEquals("private, no-cache", out.headers.getFirst(HttpHeaders.CACHE_CONTROL));
        inject(f, "resourceInfo", info(Things.class.getMethod("list")));
        Out own = new Out();
        own.headers.putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
        own.entity = (javax.ws.rs.core.StreamingOutput) os -> { };
        f.filter(request(new Call("GET", "public/things", Map.of(), new AtomicReference<>())), response(own));
        assertEquals("public, max-age=3600", own.headers.getFirst(HttpHeaders.CACHE_CONTROL));
        assertFalse(own.headers.containsKey(HttpHeaders.ETAG));
    }

    // ---- rate limits

    private static long call(DisclosureFilter f, String path, Map<String, String> headers) {
        return f.waitSeconds(request(new Call("GET", path, headers, new AtomicReference<>())));
    }

    @Test
    void overTheLimitIs429ProblemInTheCallersLanguageWithRetryAfter_DIS() throws Exception {
        DisclosureFilter f = new DisclosureFilter();
        f.configure(config(60, true, 3, 60), Map.of());
        AtomicLong now = new AtomicLong(1_000_000_000L);
        f.clock(now::get);
        inject(f, "servletRequest", peer("203.0.113.7"));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, call(f, "public/things", Map.of()), "call " + i + " is within the burst");
        }
        assertEquals(1, call(f, "public/things", Map.of()), "over the burst: one call a second comes back, Retry-After: 1");
        assertEquals("Retry-After", DisclosureFilter.RETRY_AFTER);
        RequestContext.set(Locale.ENGLISH, "/api/v1/public/things");
        Map<String, Object> body = DisclosureFilter.tooMany(1);
        assertEquals(429, body.get("status"));
        assertEquals("Too many requests", body.get("title"));
        assertEquals("Too many requests for public information; try again in 1 seconds", body.get("detail"));
        assertEquals("/api/v1/public/things", body.get("instance"));
        RequestContext.set(Locale.forLanguageTag("pt"), "/api/v1/public/things");
        assertEquals("Demasiados pedidos", DisclosureFilter.tooMany(1).get("title"));
        RequestContext.set(Locale.TRADITIONAL_CHINESE, "/api/v1/public/things");
        assertTrue(String.valueOf(DisclosureFilter.tooMany(7).get("detail")).contains("7 秒"));
        // a private path is never limited
        assertEquals(0, call(f, "things", Map.of()));
        assertEquals(0, call(f, "auth/login", Map.of()));
        // a second later the bucket has a token again
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(0, call(f, "public/things", Map.of()));
    }

    @Test
    void theLimitIsPerClientAndOffWhenDisabled_DIS() throws Exception {
        DisclosureFilter f = new DisclosureFilter();
        f.configure(config(60, true, 1, 1), Map.of());
        f.clock(() -> 5L);
        for (String ip : new String[] {"198.51.100.1", "198.51.100.2"}) {
            inject(f, "servletRequest", peer(ip));
            assertEquals(0, call(f, "public", Map.of()), ip + " has its own bucket");
        }
        assertEquals(60, call(f, "public", Map.of()), "one call a minute");
        f.configure(config(60, false, 1, 1), Map.of()); // @Modified: off
        assertEquals(0, call(f, "public", Map.of()));
    }

    @Test
    void xForwardedForCountsOnlyFromATrustedProxy_DIS_securityRule() throws Exception {
        List<Cidr> none = List.of();
        List<Cidr> lb = List.of(Cidr.parse("10.0.0.0/8"));
        assertEquals("203.0.113.9", DisclosureFilter.clientAddress("203.0.113.9", "1.2.3.4", none), "never trusted by default");
        assertEquals("203.0.113.9", DisclosureFilter.clientAddress("203.0.113.9", "1.2.3.4", lb), "a header from a client is ignored");
        assertEquals("1.2.3.4", DisclosureFilter.clientAddress("10.0.0.5", "1.2.3.4", lb));
        assertEquals("5.6.7.8", DisclosureFilter.clientAddress("10.0.0.5", "1.2.3.4, 5.6.7.8, 10.0.0.9", lb),
                "the right-most hop that is no proxy; what the client wrote to the left is not believed");
        assertEquals("10.0.0.5", DisclosureFilter.clientAddress("10.0.0.5", "evil, 10.0.0.2", lb), "a malformed hop stops the walk");
        assertEquals("10.0.0.5", DisclosureFilter.clientAddress("10.0.0.5", "1.2.3.4:80", lb));
        assertEquals("2001:db8::1", DisclosureFilter.clientAddress("10.0.0.5", "2001:db8::1", lb));

        // through the filter: the proxies come from network.trustedProxies of PID org.smartproperty.security
        DisclosureFilter f = new DisclosureFilter();
        Map<String, Object> props = new HashMap<>();
        props.put(DisclosureFilter.TRUSTED_PROXIES, new String[] {"10.0.0.0/8"});
        f.configure(config(60, true, 1, 1), props);
        f.clock(() -> 5L);
        inject(f, "servletRequest", peer("10.0.0.5"));
        for (String client : new String[] {"1.2.3.4", "1.2.3.5"}) {
            assertEquals(0, call(f, "public/things", Map.of("X-Forwarded-For", client)), client + " behind the balancer has its own bucket");
        }
        assertEquals(60, call(f, "public/things", Map.of("X-Forwarded-For", "1.2.3.4")));

        DisclosureFilter direct = new DisclosureFilter();
        direct.configure(config(60, true, 1, 1), Map.of());
        direct.clock(() -> 5L);
        inject(direct, "servletRequest", peer("203.0.113.9"));
        assertEquals(0, call(direct, "public/things", Map.of("X-Forwarded-For", "1.1.1.1")));
        assertEquals(60, call(direct, "public/things", Map.of("X-Forwarded-For", "2.2.2.2")), "a new X-Forwarded-For does not buy a new bucket");
    }

    @Test
    void bucketsAreBoundedAndIdleOnesExpire_DIS() {
        RateLimiter l = new RateLimiter(2, 60, TimeUnit.MINUTES.toNanos(10), 3);
        long t = 0;
        for (int i = 0; i < 10; i++) {
            assertEquals(0, l.acquire("c" + i, t));
        }
        assertEquals(3, l.size(), "never more than maxClients buckets");
        t += TimeUnit.MINUTES.toNanos(11);
        assertEquals(0, l.acquire("fresh", t));
        assertEquals(1, l.size(), "idle buckets are gone");
        assertEquals(0, l.acquire("fresh", t));
        assertEquals(1, l.acquire("fresh", t));
    }

    @Test
    void outOfRangeSettingsFallBackToTheDefaults_DIS() {
        DisclosureFilter.Settings s = DisclosureFilter.settings(config(-5, true, 0, 0), Map.of());
        assertEquals(60, s.maxAgeSeconds());
        assertEquals(600, s.limiter().burst());
        assertEquals(1200, s.limiter().perMinute());
        assertNull(DisclosureFilter.settings(config(60, false, 1, 1), Map.of()).limiter());
    }

    // ---- the index and the OpenAPI tag

    @Test
    void theIndexListsEveryPublicGetUnderPublicOnly_DIS() {
        PublicIndexResource.Index index = PublicIndexResource.index(List.of(Things.class, Private.class, PublicIndexResource.class),
                config(90, true, 50, 100));
        assertEquals(List.of("/api/v1/public", "/api/v1/public/things"), index.endpoints().stream().map(PublicIndexResource.Endpoint::path).toList());
        assertEquals(List.of("DIS-1", "DIS-5"), index.endpoints().get(1).requirements());
        assertEquals(90, index.caching().maxAgeSeconds());
        assertEquals(50, index.rateLimit().burst());
        assertEquals(100, index.rateLimit().perMinute());
    }

    @Test
    void openApiTagsTheSurfaceDisclosureWith304And429_DIS() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) new OpenApiGenerator()
                .document(List.of(Things.class, Private.class), "1").get("paths");
        Map<String, Object> pub = paths.get("/api/v1/public/things").get("get");
        assertEquals(List.of("Things", OpenApiGenerator.DISCLOSURE), pub.get("tags"));
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) pub.get("responses");
        assertTrue(responses.containsKey("304") && responses.containsKey("429"), responses.keySet().toString());
        Map<String, Object> staff = paths.get("/api/v1/things").get("get");
        assertEquals(List.of("Private"), staff.get("tags"));
        Map<String, Object> notPublic = paths.get("/api/v1/public/things/{id}").get("get");
        assertEquals(List.of("Things"), notPublic.get("tags"), "a method without @PublicAccess is not on the disclosure surface");
        // every operation but health may answer 429 since the per-client overload limit (issue 19 item 5)
        assertTrue(((Map<?, ?>) notPublic.get("responses")).containsKey("429"));
    }
}
