package org.smartproperty.sim.registration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.smartproperty.dev.demodata.fixture.DemoTitles;
import org.smartproperty.estate.IdDocuments;

/**
 * Simulator of the Zhuhai real-estate registration system (不动产业务系统, INT-REG), title
 * verification only. It knows the titles of the Hengqin demo data set ({@link DemoTitles}, the same
 * deterministic data the dev profile seeds), so every seeded owner verifies their houses.
 *
 * <ul>
 *   <li>{@code POST /bdc/api/v1/title/verify} with header {@code X-Api-Key} and body
 *       {@code {"unitCode","idType","idNumber","name"}} answers
 *       {@code {"code":"0000","message":"成功","queryId":"…","data":{"held":…,"reason":…,"exclusiveArea":…,
 *       "share":…,"certificateNo":"粤(2021)珠海市不动产权第0123456号","registeredOn":"2021-03-04"}}};
 *       a wrong key is 401 {@code {"code":"4010"}}, a bad request 400 {@code {"code":"4000"}};</li>
 *   <li>{@code POST /sim/mode?mode=NORMAL|DOWN|SLOW|ERROR|MALFORMED} switches the behaviour
 *       (DOWN closes every connection without an answer, SLOW waits {@code slowMillis} before
 *       answering, ERROR answers 500, MALFORMED answers 200 with broken JSON);
 *       {@code GET /sim/mode} reads it.</li>
 * </ul>
 * Certificate numbers and registration dates are derived from the unit code (deterministic).
 */
public final class RegistrationSimulator {

    public static final String SOURCE = "ZH-BDC-SIM";
    public static final String API_KEY_HEADER = "X-Api-Key";

    /** Behaviour switches for tests and demos. */
    public enum Mode { NORMAL, DOWN, SLOW, ERROR, MALFORMED }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<DemoTitles.Title>> byUnit = new HashMap<>();
    private final String apiKey;
    private final AtomicLong queries = new AtomicLong();
    private volatile Mode mode = Mode.NORMAL;
    private volatile long slowMillis;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param apiKey     the key callers must send; blank = no key required
     * @param slowMillis how long SLOW waits before answering
     */
    public RegistrationSimulator(String apiKey, long slowMillis) {
        this(DemoTitles.all(), apiKey, slowMillis);
    }

    RegistrationSimulator(List<DemoTitles.Title> titles, String apiKey, long slowMillis) {
        for (DemoTitles.Title t : titles) {
            byUnit.computeIfAbsent(t.unitCode().toUpperCase(Locale.ROOT), k -> new java.util.ArrayList<>()).add(t);
        }
        this.apiKey = apiKey == null ? "" : apiKey.trim();
        this.slowMillis = Math.max(0, slowMillis);
    }

    public int units() {
        return byUnit.size();
    }

    public Mode mode() {
        return mode;
    }

    public void mode(Mode m) {
        mode = m == null ? Mode.NORMAL : m;
    }

    public void slowMillis(long ms) {
        slowMillis = Math.max(0, ms);
    }

    /** Verification requests answered so far (any mode). */
    public long queries() {
        return queries.get();
    }

    // ------------------------------------------------------------------ server

    public synchronized RegistrationSimulator start(String bindAddress, int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 0);
        s.createContext("/bdc/api/v1/title/verify", this::verify);
        s.createContext("/sim/mode", this::modeEndpoint);
        ExecutorService e = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "spm-sim-registration");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(e);
        s.start();
        server = s;
        executor = e;
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }

    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void modeEndpoint(HttpExchange ex) throws IOException {
        try (ex) {
            if ("POST".equals(ex.getRequestMethod())) {
                String q = ex.getRequestURI().getRawQuery();
                String m = null;
                if (q != null) {
                    for (String p : q.split("&")) {
                        if (p.startsWith("mode=")) {
                            m = p.substring(5);
                        } else if (p.startsWith("slowMillis=")) {
                            try {
                                slowMillis(Long.parseLong(p.substring(11)));
                            } catch (NumberFormatException e) {
                                send(ex, 400, "{\"code\":\"4000\",\"message\":\"slowMillis is not a number\"}");
                                return;
                            }
                        }
                    }
                }
                try {
                    mode(m == null ? Mode.NORMAL : Mode.valueOf(m.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    send(ex, 400, "{\"code\":\"4000\",\"message\":\"unknown mode\"}");
                    return;
                }
            }
            send(ex, 200, "{\"mode\":\"" + mode + "\",\"slowMillis\":" + slowMillis + ",\"queries\":" + queries.get() + "}");
        }
    }

    private void verify(HttpExchange ex) throws IOException {
        queries.incrementAndGet();
        Mode m = mode;
        if (m == Mode.DOWN) {
            ex.close(); // no status line: the caller sees the connection end without an answer
            return;
        }
        try (ex) {
            if (m == Mode.SLOW) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (m == Mode.ERROR) {
                send(ex, 500, "{\"code\":\"5000\",\"message\":\"系统繁忙\"}");
                return;
            }
            if (m == Mode.MALFORMED) {
                send(ex, 200, "{\"code\":\"0000\",\"data\":{\"held\":tru");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "{\"code\":\"4050\",\"message\":\"POST only\"}");
                return;
            }
            if (!apiKey.isEmpty() && !apiKey.equals(ex.getRequestHeaders().getFirst(API_KEY_HEADER))) {
                send(ex, 401, "{\"code\":\"4010\",\"message\":\"接口密钥无效\"}");
                return;
            }
            JsonNode req;
            try (InputStream in = ex.getRequestBody()) {
                req = json.readTree(in.readNBytes(64 * 1024));
            } catch (IOException e) {
                req = null;
            }
            String unit = text(req, "unitCode");
            String type = text(req, "idType");
            String number = text(req, "idNumber");
            String name = text(req, "name");
            if (unit == null || type == null || number == null) {
                send(ex, 400, "{\"code\":\"4000\",\"message\":\"unitCode, idType and idNumber are required\"}");
                return;
            }
            send(ex, 200, json.writeValueAsString(answer(unit, type, number, name)));
        }
    }

    /** The answer envelope for one query (public for tests of the fixture). */
    Map<String, Object> answer(String unitCode, String idType, String idNumber, String name) {
        String unit = unitCode.trim().toUpperCase(Locale.ROOT);
        String number = IdDocuments.normalize(idNumber);
        Map<String, Object> data = new LinkedHashMap<>();
        List<DemoTitles.Title> titles = byUnit.getOrDefault(unit, List.of());
        DemoTitles.Title found = null;
        for (DemoTitles.Title t : titles) {
            if (t.idType().name().equals(idType) && IdDocuments.normalize(t.idNumber()).equals(number)) {
                found = t;
            }
        }
        if (found == null) {
            data.put("held", false);
            data.put("reason", titles.isEmpty() ? "UNIT_UNKNOWN" : "NOT_OWNER");
        } else if (name != null && !name.isBlank() && !found.name().equals(name.trim())) {
            data.put("held", false);
            data.put("reason", "NAME_MISMATCH");
        } else {
            LocalDate registered = registeredOn(unit);
            data.put("held", true);
            data.put("exclusiveArea", found.exclusiveArea());
            data.put("share", found.share());
            data.put("certificateNo", certificateNo(unit, registered));
            data.put("registeredOn", registered.toString());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", "0000");
        out.put("message", "成功");
        out.put("queryId", "BDC-" + Integer.toHexString(unit.hashCode() ^ number.hashCode()).toUpperCase(Locale.ROOT) + "-" + queries.get());
        out.put("data", data);
        return out;
    }

    static LocalDate registeredOn(String unit) {
        return LocalDate.of(2019, 1, 1).plusDays(Math.floorMod(unit.hashCode(), 2400));
    }

    static String certificateNo(String unit, LocalDate registered) {
        return "粤(" + registered.getYear() + ")珠海市不动产权第" + String.format("%07d", Math.floorMod(unit.hashCode() * 31L, 10_000_000L)) + "号";
    }

    private static String text(JsonNode n, String f) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode v = n.get(f);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    /** Standalone: {@code java -cp … RegistrationSimulator [port] [apiKey]}. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8184;
        RegistrationSimulator s = new RegistrationSimulator(args.length > 1 ? args[1] : "", 30_000).start("127.0.0.1", port);
        System.out.println("registration simulator on " + s.baseUri() + " with " + s.units() + " titled units");
    }

}
