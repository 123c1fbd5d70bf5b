package org.smartproperty.bench.soak;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import javax.imageio.ImageIO;

/**
 * Issue 19 item 3: the mixed workload of the soak, at a steady open-model rate (new virtual users arrive at a fixed rate
 * whatever the answers' latency, as real callers do). Shares of the requests, of {@code soak.rate} requests per second in all:
 * <ul>
 * <li>35 % public reads, no login: {@code GET /public/estates}, {@code /public/credit}, {@code /public/map/estates?bbox&zoom=14};</li>
 * <li>25 % staff reads as demo-regulator: {@code GET /estates}, {@code /complaints}, {@code /repairs} (first pages);</li>
 * <li>5 % logins ({@code POST /auth/login}) of five demo accounts in turn;</li>
 * <li>17.5 % complaint journeys: demo-owner uploads a photo ({@code POST /files}) and files a complaint about the demo estate
 * (HQ-DEMO-001) and its company, demo-regulator dispatches it to demo-officer, who accepts and resolves it, and demo-owner
 * closes it (REGISTERED → DISPATCHED → IN_PROGRESS → RESOLVED → CLOSED, every transition with If-Match);</li>
 * <li>17.5 % repair journeys: demo-owner requests a repair of their own house, demo-company accepts, schedules, uploads a
 * photo and completes it, demo-owner confirms (REQUESTED → ACCEPTED → SCHEDULED → COMPLETED → CONFIRMED).</li>
 * </ul>
 * Every answer is expected to be 2xx (200 or 201): no 4xx belongs to this workload (each journey works on its own record with
 * the ETag of its previous step; loopback callers have no per-client limit), so any 4xx or 5xx is a KO and fails the run.
 * Settings (system property, else environment variable, else default): {@code soak.baseUrl} / SOAK_BASE_URL
 * ({@code http://127.0.0.1:8181/api/v1}), {@code soak.rate} / SOAK_RATE (requests/s, 10), {@code soak.duration} /
 * SOAK_DURATION (seconds, 3600), {@code soak.p95Millis} / SOAK_P95_MILLIS (the p95 bound of the assertion, 1000),
 * {@code soak.password} / SPM_DEMO_PASSWORD (Demo@2026spm), {@code soak.summary} / SOAK_SUMMARY (the JSON summary written at
 * the end: requests sent, answers by status and by request, no-answer count, percentiles; default soak-summary.json).
 * Gatling's assertions: no failed request at all, global p95 below the bound; Gatling exits non-zero when one fails.
 */
public class MixedWorkloadSimulation extends Simulation {

    static final String BASE = setting("soak.baseUrl", "SOAK_BASE_URL", "http://127.0.0.1:8181/api/v1").replaceAll("/+$", "");
    static final double RATE = Double.parseDouble(setting("soak.rate", "SOAK_RATE", "10"));
    static final long DURATION = Long.parseLong(setting("soak.duration", "SOAK_DURATION", "3600"));
    static final int P95_MILLIS = Integer.parseInt(setting("soak.p95Millis", "SOAK_P95_MILLIS", "1000"));
    static final String PASSWORD = setting("soak.password", "SPM_DEMO_PASSWORD", "Demo@2026spm");
    static final String SUMMARY = setting("soak.summary", "SOAK_SUMMARY", "soak-summary.json");
    /** the demo estate's area (Hengqin), as the portal's map asks for it */
    static final String BBOX = "113.47,22.08,113.57,22.16";
    static final String[] LOGIN_ACCOUNTS = {"demo-owner", "demo-regulator", "demo-officer", "demo-company", "demo-committee"};

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PNG = png();

    static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** A real 32×32 PNG (the file store decodes images fully), made once. */
    static byte[] png() {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                img.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- own counters (independent of Gatling's log format)

    /** Requests sent, answers by request name and status, response times (1 ms buckets up to 60 s). */
    static final class Stats {
        static final Map<String, LongAdder> SENT = new ConcurrentHashMap<>();
        static final Map<String, Map<Integer, LongAdder>> STATUS = new ConcurrentHashMap<>();
        static final AtomicLongArray MILLIS = new AtomicLongArray(60_001);
        static volatile Instant started = Instant.now();

        static void sent(String name) {
            SENT.computeIfAbsent(name, k -> new LongAdder()).increment();
        }

        static Integer status(String name, Integer code) {
            STATUS.computeIfAbsent(name, k -> new ConcurrentHashMap<>()).computeIfAbsent(code, k -> new LongAdder()).increment();
            return code;
        }

        static Integer millis(Integer ms) {
            MILLIS.incrementAndGet(Math.max(0, Math.min(60_000, ms)));
            return ms;
        }

        static long percentile(double p, long total) {
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(p / 100.0 * total);
            long seen = 0;
            for (int i = 0; i < MILLIS.length(); i++) {
                seen += MILLIS.get(i);
                if (seen >= rank) {
                    return i;
                }
            }
            return 60_000;
        }

        static void write(Path file) throws IOException {
            Map<String, Object> out = new TreeMap<>();
            long sent = SENT.values().stream().mapToLong(LongAdder::sum).sum();
            Map<String, Long> byStatus = new TreeMap<>();
            Map<String, Object> byRequest = new TreeMap<>();
            long answered = 0;
            for (String name : new TreeMap<>(SENT).keySet()) {
                Map<String, Long> codes = new TreeMap<>();
                STATUS.getOrDefault(name, Map.of()).forEach((c, n) -> codes.put(Integer.toString(c), n.sum()));
                long a = codes.values().stream().mapToLong(Long::longValue).sum();
                answered += a;
                codes.forEach((c, n) -> byStatus.merge(c, n, Long::sum));
                Map<String, Object> r = new TreeMap<>();
                r.put("sent", SENT.get(name).sum());
                r.put("statuses", codes);
                byRequest.put(name, r);
            }
            long timed = 0;
            long max = 0;
            for (int i = 0; i < MILLIS.length(); i++) {
                long n = MILLIS.get(i);
                timed += n;
                if (n > 0) {
                    max = i;
                }
            }
            long s4 = byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("4")).mapToLong(Map.Entry::getValue).sum();
            long s5 = byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("5")).mapToLong(Map.Entry::getValue).sum();
            out.put("baseUrl", BASE);
            out.put("rate", RATE);
            out.put("durationSeconds", DURATION);
            out.put("startedAt", started.toString());
            out.put("endedAt", Instant.now().toString());
            out.put("sent", sent);
            out.put("answered", answered);
            out.put("noAnswer", sent - answered);
            out.put("status4xx", s4);
            out.put("status5xx", s5);
            out.put("statuses", byStatus);
            out.put("requests", byRequest);
            out.put("p50Millis", percentile(50, timed));
            out.put("p95Millis", percentile(95, timed));
            out.put("p99Millis", percentile(99, timed));
            out.put("maxMillis", max);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out), StandardCharsets.UTF_8);
        }
    }

    /** A request counted as sent, its status and response time recorded, 200 or 201 expected. */
    static ChainBuilder call(String name, HttpRequestActionBuilder request, CheckBuilder... more) {
        List<CheckBuilder> checks = new ArrayList<>();
        checks.add(status().transform(code -> Stats.status(name, code)).in(200, 201));
        checks.add(responseTimeInMillis().transform(Stats::millis).gte(0));
        checks.addAll(List.of(more));
        return exec(session -> {
            Stats.sent(name);
            return session;
        }).exec(request.check(checks));
    }

    // ---------------------------------------------------------------- setup: the demo accounts' tokens and the demo estate

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static JsonNode send(String method, String path, String token, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("soak setup: " + method + " " + BASE + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String login(String user) {
        return send("POST", "/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}").get("token").asText();
    }

    final String regulator = login("demo-regulator");
    final String owner = login("demo-owner");
    final String officer = login("demo-officer");
    final String company = login("demo-company");
    final long officerId = send("GET", "/auth/me", officer, null).get("accountId").asLong();
    final long companyId = send("GET", "/auth/me", company, null).at("/scope/companyId").asLong();
    /** the first demo estate (HQ-DEMO-001), the committee's and demo-owner's */
    final long estateId = send("GET", "/auth/me", login("demo-committee"), null).at("/scope/estateIds/0").asLong();
    final String unitCode = send("GET", "/estates/" + estateId + "/houses?size=5", owner, null).at("/items/0/unitCode").asText();

    // ---------------------------------------------------------------- scenarios

    ChainBuilder publicReads = call("public estates", http("public estates").get("/public/estates?size=20"))
            .exec(call("public credit", http("public credit").get("/public/credit")))
            .exec(call("public map", http("public map").get("/public/map/estates?bbox=" + BBOX + "&zoom=14")));

    ChainBuilder staffReads = call("staff estates", http("staff estates").get("/estates?size=20").header("Authorization", "Bearer " + regulator))
            .exec(call("staff complaints", http("staff complaints").get("/complaints?size=20").header("Authorization", "Bearer " + regulator)))
            .exec(call("staff repairs", http("staff repairs").get("/repairs?size=20").header("Authorization", "Bearer " + regulator)));

    ChainBuilder logins = call("login", http("login").post("/auth/login")
            .body(StringBody("{\"username\":\"#{account}\",\"password\":\"" + PASSWORD + "\"}")).asJson(), jsonPath("$.token").exists());

    static HttpRequestActionBuilder upload(String name, String token) {
        return http(name).post("/files?name=soak.png").header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/png").body(ByteArrayBody(PNG));
    }

    HttpRequestActionBuilder transition(String name, String path, String token, String body) {
        return http(name).post(path).header("Authorization", "Bearer " + token).header("If-Match", "#{etag}").body(StringBody(body)).asJson();
    }

    static final Duration THINK = Duration.ofMillis(500);

    ChainBuilder complaintJourney = call("complaint photo", upload("complaint photo", owner), jsonPath("$.id").saveAs("photo"))
            .exec(call("complaint create", http("complaint create").post("/complaints").header("Authorization", "Bearer " + owner)
                    .body(StringBody("{\"category\":\"COMPLAINT\",\"estateId\":" + estateId + ",\"companyId\":" + companyId
                            + ",\"title\":\"电梯故障（soak）\",\"content\":\"3 栋电梯停运\",\"photos\":[{\"fileId\":\"#{photo}\"}]}")).asJson(),
                    jsonPath("$.id").saveAs("id"), header("ETag").saveAs("etag")))
            .pause(THINK)
            .exec(call("complaint dispatch", transition("complaint dispatch", "/complaints/#{id}/dispatch", regulator,
                    "{\"officerAccountId\":" + officerId + ",\"note\":\"请核实\"}"), header("ETag").saveAs("etag")))
            .pause(THINK)
            .exec(call("complaint accept", transition("complaint accept", "/complaints/#{id}/accept", officer, "{\"note\":\"已联系业主\"}"),
                    header("ETag").saveAs("etag")))
            .pause(THINK)
            .exec(call("complaint resolve", transition("complaint resolve", "/complaints/#{id}/resolve", officer, "{\"result\":\"已督促物业修复\"}"),
                    header("ETag").saveAs("etag")))
            .pause(THINK)
            .exec(call("complaint close", transition("complaint close", "/complaints/#{id}/close", owner, "{\"note\":\"接受\"}")));

    ChainBuilder repairJourney = call("repair create", http("repair create").post("/repairs").header("Authorization", "Bearer " + owner)
                    .body(StringBody("{\"unitCode\":\"" + unitCode + "\",\"category\":\"NORMAL\",\"description\":\"卫生间漏水（soak）\"}")).asJson(),
                    jsonPath("$.id").saveAs("id"), header("ETag").saveAs("etag"))
            .pause(THINK)
            .exec(call("repair accept", transition("repair accept", "/repairs/#{id}/accept", company, "{\"note\":\"已派维修师傅\"}"),
                    header("ETag").saveAs("etag")))
            .pause(THINK)
            .exec(session -> session.set("appointment", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()))
            .exec(call("repair schedule", transition("repair schedule", "/repairs/#{id}/schedule", company, "{\"appointmentAt\":\"#{appointment}\"}"),
                    header("ETag").saveAs("etag")))
            .pause(THINK)
            .exec(call("repair photo", upload("repair photo", company), jsonPath("$.id").saveAs("photo")))
            .exec(call("repair complete", transition("repair complete", "/repairs/#{id}/complete", company,
                    "{\"report\":\"已修补防水层\",\"photos\":[{\"fileId\":\"#{photo}\"}]}"), header("ETag").saveAs("etag")))
            .pause(THINK)
            .exec(call("repair confirm", transition("repair confirm", "/repairs/#{id}/confirm", owner, "{\"note\":\"满意\"}")));

    static List<Map<String, Object>> accounts() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String a : LOGIN_ACCOUNTS) {
            out.add(Map.of("account", a));
        }
        return out;
    }

    /** users/s of a scenario of {@code requests} requests per user carrying {@code share} of the rate */
    static PopulationBuilder at(ScenarioBuilder s, double share, int requests) {
        return s.injectOpen(constantUsersPerSec(RATE * share / requests).during(Duration.ofSeconds(DURATION)));
    }

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json").acceptLanguageHeader("en")
                .userAgentHeader("spm-soak (Gatling)");
        System.out.printf("soak: %s at %.1f requests/s for %d s (estate %d, company %d, officer %d, house %s)%n",
                BASE, RATE, DURATION, estateId, companyId, officerId, unitCode);
        setUp(
                at(scenario("public reads").exec(publicReads), 0.35, 3),
                at(scenario("staff reads").exec(staffReads), 0.25, 3),
                at(scenario("logins").feed(listFeeder(accounts()).circular()).exec(logins), 0.05, 1),
                at(scenario("complaint journey").exec(complaintJourney), 0.175, 6),
                at(scenario("repair journey").exec(repairJourney), 0.175, 6))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(DURATION + 120))
                .assertions(
                        global().failedRequests().count().is(0L),
                        global().responseTime().percentile(95.0).lt(P95_MILLIS));
    }

    @Override
    public void before() {
        Stats.started = Instant.now();
    }

    @Override
    public void after() {
        try {
            Stats.write(Path.of(SUMMARY));
            System.out.println("soak: summary in " + Path.of(SUMMARY).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
