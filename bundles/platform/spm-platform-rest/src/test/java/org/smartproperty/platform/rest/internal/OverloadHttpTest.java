package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;

/**
 * Issue 19 item 5 (OPS-2: no hangs, no 500s): real concurrent HTTP requests past the knee of a small stand-in server
 * (the JDK's HTTP server, a fixed pool of request threads as a servlet container has) whose every request goes
 * through {@link OverloadFilter}'s decision and response step like a JAX-RS request does; the resource is slow until
 * the test has seen the node shed. Every answer is 200, 429 or 503, a refusal carries Retry-After and a problem+json
 * body; none is a 500, none hangs; afterwards the node answers 200 again with no place left taken.
 */
class OverloadHttpTest {

    private static final ObjectMapper JSON = ObjectMappers.create();

    private HttpServer server;
    private ExecutorService serverThreads;
    private ExecutorService clientThreads;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (serverThreads != null) {
            serverThreads.shutdownNow();
        }
        if (clientThreads != null) {
            clientThreads.shutdownNow();
        }
    }

    /** Starts the stand-in: each request asks the filter, then works until {@code gate} opens (or 20 s pass), then answers 200. */
    private URI start(OverloadFilter filter, CountDownLatch gate, AtomicInteger served500) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        serverThreads = Executors.newFixedThreadPool(48);
        server.setExecutor(serverThreads);
        server.createContext("/api/v1/", exchange -> {
            try {
                String path = exchange.getRequestURI().getPath().substring("/api/v1/".length());
                RequestContext.set(Messages.negotiate(exchange.getRequestHeaders().getFirst("Accept-Language")), exchange.getRequestURI().getPath());
                OverloadFilter.Decision d = filter.decide(path, exchange.getRemoteAddress().getAddress().getHostAddress(),
                        exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
                if (d.refused()) {
                    exchange.getResponseHeaders().set("Retry-After", Long.toString(d.retryAfter()));
                    send(exchange, d.status(), "application/problem+json", JSON.writeValueAsBytes(OverloadFilter.problem(d)));
                    return;
                }
                try {
                    if (path.startsWith("work")) {
                        gate.await(20, TimeUnit.SECONDS); // the slow part of a request: held until the node has shed
                    }
                    send(exchange, 200, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
                } finally {
                    if (d.permit() != null) {
                        d.permit().close(); // what the response filter does
                    }
                }
            } catch (Exception | Error e) {
                served500.incrementAndGet();
                send(exchange, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            } finally {
                RequestContext.clear();
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void pastTheKneeEveryAnswerIs200Or429Or503WithRetryAfter_andTheNodeRecovers_issue19_item5() throws Exception {
        // a small node: 4 in progress, 4 waiting at most 50 ms; per client 40 at once, 5/s; the stand-in's clients come
        // through a trusted proxy (the loopback connection), so X-Forwarded-For names 24 clients, one of them greedy
        OverloadFilter filter = OverloadFilterTest.filter(Map.of("maxConcurrent", 4, "queueWaitMillis", 50, "maxQueued", 4,
                "busyRetryAfterSeconds", 2, "perClient_burst", 40, "perClient_rate", 5, "perClient_exempt", new String[0]),
                Map.of(DisclosureFilter.TRUSTED_PROXIES, new String[] {"127.0.0.1/32", "::1/128"}));
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
        filter.clock(clock::get); // the buckets see no time pass during the load: which calls are over a client's limit is fixed
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger served500 = new AtomicInteger();
        URI base = start(filter, gate, served500);
        clientThreads = Executors.newFixedThreadPool(64);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();

        int calls = 600;
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            String client = i % 2 == 0 ? "203.0.113.1" : "203.0.113." + (2 + i % 23); // half the calls from one client
            HttpRequest req = HttpRequest.newBuilder(base.resolve(i % 3 == 0 ? "estates" : "work/" + i)).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", client).header("Accept-Language", i % 2 == 0 ? "en" : "zh-CN").GET().build();
            all.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                String problem = check(r);
                if (problem != null) {
                    wrong.add(problem);
                }
                if (statuses.containsKey(503) && statuses.containsKey(429)) {
                    gate.countDown(); // the node has shed both ways: let the slow requests finish
                }
            }));
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("requests hung: " + statuses);
        } finally {
            gate.countDown();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("OverloadHttpTest: " + calls + " concurrent calls in " + millis + " ms: " + statuses);

        assertEquals(List.of(), wrong);
        assertEquals(0, served500.get());
        assertEquals(calls, statuses.values().stream().mapToInt(AtomicInteger::get).sum());
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 429 || s == 503), statuses.toString());
        assertNotNull(statuses.get(503), "the global limit shed: " + statuses);
        assertNotNull(statuses.get(429), "the greedy client was limited: " + statuses);
        assertTrue(statuses.get(200).get() >= 4, "requests within capacity were served: " + statuses);

        // recovery: the places are all given back and the node serves again, also the client that was limited once its
        // bucket has refilled (a minute on the filter's clock)
        assertEquals(0, filter.settings().admission().inProgress());
        assertEquals(0, filter.settings().admission().waiting());
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("work/after")).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", "203.0.113.200").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "after the load: " + r.body());
        }
        assertEquals(429, http.send(HttpRequest.newBuilder(base.resolve("estates")).header("X-Forwarded-For", "203.0.113.1").GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the greedy client's bucket is still empty");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertEquals(200, http.send(HttpRequest.newBuilder(base.resolve("estates")).header("X-Forwarded-For", "203.0.113.1").GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "a minute later the greedy client is served again");
    }

    /** What is wrong with one answer, or null: a refusal must be problem+json with a positive Retry-After and the matching code. */
    private static String check(HttpResponse<String> r) {
        int s = r.statusCode();
        if (s == 200) {
            return null;
        }
        if (s != 429 && s != 503) {
            return s + " " + r.body();
        }
        String retry = r.headers().firstValue("Retry-After").orElse("");
        if (!retry.matches("[1-9][0-9]*")) {
            return s + " without Retry-After";
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return s + " not problem+json";
        }
        try {
            JsonNode body = JSON.readTree(r.body());
            String code = s == 429 ? "problem.overload.client" : "problem.overload.busy";
            if (!code.equals(body.path("code").asText()) || body.path("status").asInt() != s || body.path("detail").asText().isBlank()) {
                return s + " body " + r.body();
            }
            if (!body.path("detail").asText().contains(retry)) {
                return s + " detail does not name the Retry-After seconds: " + r.body();
            }
        } catch (IOException e) {
            return s + " unreadable body " + r.body();
        }
        return null;
    }

    @Test
    void theProblemIsInTheCallersLanguage_issue19_item5() {
        for (Locale l : Messages.SUPPORTED) {
            RequestContext.set(l, "/api/v1/x");
            Map<String, Object> p = OverloadFilter.problem(new OverloadFilter.Decision(null, 503, 2));
            assertTrue(String.valueOf(p.get("detail")).contains("2"), l + ": " + p);
            RequestContext.clear();
        }
        assertEquals(503, new ApiException(503, "problem.overload.busy", OverloadFilter.TEXTS, null, 1).status());
    }
}
