package org.smartproperty.sim.wechat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import org.smartproperty.sim.support.SimHttp;
import org.smartproperty.sim.support.SimServer;

/**
 * Simulator of WeChat's mini program server API (INT-WX, issue 18), in WeChat's own shapes (every answer HTTP 200 with
 * JSON; a refusal carries a non-zero {@code errcode} and an {@code errmsg}):
 * <ul>
 *   <li>{@code GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code} → {@code {openid, session_key}}.
 *       The code decides the user: {@code sim-<name>} → openid {@code o-sim-<name>}; {@code invalid} → 40029 invalid code;
 *       {@code busy} → -1; {@code ratelimit} → 45011; any other non-empty code → {@code o-} + 22 characters of its SHA-256
 *       (base64url), so the same code is the same user. Wrong appid 40013, wrong secret 40125, no code 41008.</li>
 *   <li>{@code POST /cgi-bin/stable_token} {@code {grant_type: client_credential, appid, secret, force_refresh?}} →
 *       {@code {access_token, expires_in}}; the same token until it expires or {@code force_refresh} is true.</li>
 *   <li>{@code POST /cgi-bin/message/subscribe/send?access_token=} {@code {touser, template_id, page, data: {key: {value}},
 *       miniprogram_state, lang}} → {@code {errcode: 0, errmsg: "ok", msgid}}; an unknown token 40001, an expired one 42001,
 *       no touser 40003, no template_id 40037, data not an object of {@code {value}} 47003, an openid marked not subscribed
 *       43101 ("user refuse to accept the msg").</li>
 *   <li>Test endpoints: {@code GET /sim/messages[?touser=]} the messages accepted, oldest first; {@code DELETE /sim/messages};
 *       {@code POST /sim/subscription?openid=&subscribed=false|true}; {@code POST /sim/expire-tokens} (every token issued so
 *       far answers 42001 from now on); {@code GET /sim/openid?code=} the openid a code maps to; {@code POST /sim/mode?mode=
 *       NORMAL|DOWN|ERROR|SLOW|BUSY} (DOWN closes connections without an answer, ERROR answers HTTP 503, SLOW waits
 *       {@code slowMillis}, BUSY answers errcode -1 "system error"), {@code GET /sim/mode}; {@code GET /sim/stats}.</li>
 * </ul>
 * The session key is random per call and never recorded.
 */
public final class WechatSimulator {

    /** Behaviour switches for tests and demos. */
    public enum Mode { NORMAL, DOWN, ERROR, SLOW, BUSY }

    public static final String DEFAULT_APP_ID = "wx5e1c0de5a1f0d3ee";
    public static final String DEFAULT_SECRET = "spm-dev-wechat-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One subscription message as accepted. */
    public record Sent(long msgid, String touser, String templateId, String page, Map<String, String> data, String state, String lang,
                       Instant at) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("msgid", msgid);
            m.put("touser", touser);
            m.put("template_id", templateId);
            m.put("page", page);
            m.put("data", data);
            m.put("miniprogram_state", state);
            m.put("lang", lang);
            m.put("at", at.toString());
            return m;
        }
    }

    private record Token(String value, Instant expires) {
    }

    private final String appId;
    private final String secret;
    private final int tokenTtlSeconds;
    private final SimServer server;
    private volatile Mode mode = Mode.NORMAL;
    private final long slowMillis;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile Token current;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicLong msgids = new AtomicLong(1_000_000);
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong tokenCalls = new AtomicLong();
    private final AtomicLong tokenRequests = new AtomicLong();

    public WechatSimulator(String bindAddress, String appId, String secret, int tokenTtlSeconds, long slowMillis) {
        this.appId = appId == null ? DEFAULT_APP_ID : appId.trim();
        this.secret = secret == null ? DEFAULT_SECRET : secret;
        this.tokenTtlSeconds = Math.max(1, tokenTtlSeconds);
        this.slowMillis = Math.max(0, slowMillis);
        this.server = new SimServer(bindAddress, "spm-sim-wechat");
    }

    public WechatSimulator start(int port) throws IOException {
        server.start(port, this::handle);
        return this;
    }

    public void stop() {
        server.stop();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    public Mode mode() {
        return mode;
    }

    public void mode(Mode m) {
        mode = m == null ? Mode.NORMAL : m;
    }

    /** The messages accepted so far, oldest first. */
    public List<Sent> messages() {
        return List.copyOf(sent);
    }

    /** Marks an openid as not subscribed (43101) or subscribed again. */
    public void subscribed(String openid, boolean yes) {
        if (yes) {
            refused.remove(openid);
        } else {
            refused.add(openid);
        }
    }

    /** Every token issued so far answers 42001 from now on. */
    public void expireTokens() {
        tokens.replaceAll((k, t) -> new Token(t.value(), Instant.EPOCH));
        current = null;
    }

    /** Calls of stable_token answered with a token so far (a token still valid is answered again, as WeChat does). */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** Calls of stable_token that issued a new token so far. */
    public long tokensIssued() {
        return tokenCalls.get();
    }

    /** The openid {@code code} maps to (null for the codes that are refused). */
    public static String openidOf(String code) {
        if (code == null || code.isBlank() || code.equals("invalid") || code.equals("busy") || code.equals("ratelimit")) {
            return null;
        }
        if (code.startsWith("sim-") && code.length() > 4) {
            return "o-sim-" + code.substring(4);
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return "o-" + Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.startsWith("/sim/")) {
            try (ex) {
                simEndpoint(ex, path);
            }
            return;
        }
        Mode m = mode;
        if (m == Mode.DOWN) {
            ex.close(); // the caller sees the connection end without an answer
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
                SimHttp.send(ex, 503, "text/html; charset=UTF-8", "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
                return;
            }
            if (m == Mode.BUSY) {
                error(ex, -1, "system error");
                return;
            }
            switch (path) {
                case "/sns/jscode2session" -> session(ex);
                case "/cgi-bin/stable_token" -> stableToken(ex);
                case "/cgi-bin/message/subscribe/send" -> subscribeSend(ex);
                default -> SimHttp.send(ex, 404, "application/json; charset=UTF-8", "{\"errcode\":404,\"errmsg\":\"not found\"}");
            }
        }
    }

    private void session(HttpExchange ex) throws IOException {
        Map<String, String> q = SimHttp.query(ex.getRequestURI().getRawQuery());
        if (!appId.equals(q.get("appid"))) {
            error(ex, 40013, "invalid appid");
            return;
        }
        if (!secret.equals(q.get("secret"))) {
            error(ex, 40125, "invalid appsecret");
            return;
        }
        if (!"authorization_code".equals(q.get("grant_type"))) {
            error(ex, 40002, "invalid grant_type");
            return;
        }
        String code = q.get("js_code");
        if (code == null || code.isBlank()) {
            error(ex, 41008, "missing code");
            return;
        }
        switch (code) {
            case "invalid" -> error(ex, 40029, "invalid code");
            case "busy" -> error(ex, -1, "system error");
            case "ratelimit" -> error(ex, 45011, "api minute-quota reach limit  mustslower  retry next minute");
            default -> {
                sessions.incrementAndGet();
                byte[] key = new byte[16];
                RANDOM.nextBytes(key);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("openid", openidOf(code));
                m.put("session_key", Base64.getEncoder().encodeToString(key));
                SimHttp.sendJson(ex, m);
            }
        }
    }

    private void stableToken(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            error(ex, 43002, "require POST method");
            return;
        }
        JsonNode body = body(ex);
        if (body == null) {
            error(ex, 47001, "data format error");
            return;
        }
        if (!"client_credential".equals(body.path("grant_type").asText())) {
            error(ex, 40002, "invalid grant_type");
            return;
        }
        if (!appId.equals(body.path("appid").asText())) {
            error(ex, 40013, "invalid appid");
            return;
        }
        if (!secret.equals(body.path("secret").asText())) {
            error(ex, 40125, "invalid appsecret");
            return;
        }
        Instant now = Instant.now();
        Token t;
        tokenRequests.incrementAndGet();
        synchronized (this) {
            t = current;
            if (t == null || !t.expires().isAfter(now) || body.path("force_refresh").asBoolean(false)) {
                byte[] b = new byte[24];
                RANDOM.nextBytes(b);
                t = new Token("sim-at-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b), now.plusSeconds(tokenTtlSeconds));
                tokens.put(t.value(), t);
                current = t;
                tokenCalls.incrementAndGet();
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token", t.value());
        m.put("expires_in", Math.max(1, t.expires().getEpochSecond() - now.getEpochSecond()));
        SimHttp.sendJson(ex, m);
    }

    private void subscribeSend(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            error(ex, 43002, "require POST method");
            return;
        }
        String at = SimHttp.query(ex.getRequestURI().getRawQuery()).get("access_token");
        Token t = at == null ? null : tokens.get(at);
        if (t == null) {
            error(ex, 40001, "invalid credential, access_token is invalid or not latest");
            return;
        }
        if (!t.expires().isAfter(Instant.now())) {
            error(ex, 42001, "access_token expired");
            return;
        }
        JsonNode body = body(ex);
        if (body == null) {
            error(ex, 47001, "data format error");
            return;
        }
        String touser = body.path("touser").asText("");
        if (touser.isBlank()) {
            error(ex, 40003, "invalid openid");
            return;
        }
        String template = body.path("template_id").asText("");
        if (template.isBlank()) {
            error(ex, 40037, "invalid template_id");
            return;
        }
        JsonNode data = body.get("data");
        Map<String, String> values = new LinkedHashMap<>();
        if (data == null || !data.isObject()) {
            error(ex, 47003, "argument invalid! data is empty");
            return;
        }
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            JsonNode v = e.getValue().get("value");
            if (v == null || !v.isTextual()) {
                error(ex, 47003, "argument invalid! data." + e.getKey() + ".value invalid");
                return;
            }
            values.put(e.getKey(), v.asText());
        }
        if (refused.contains(touser)) {
            error(ex, 43101, "user refuse to accept the msg");
            return;
        }
        long id = msgids.incrementAndGet();
        sent.add(new Sent(id, touser, template, body.path("page").asText(null), values, body.path("miniprogram_state").asText("formal"),
                body.path("lang").asText("zh_CN"), Instant.now()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errcode", 0);
        m.put("errmsg", "ok");
        m.put("msgid", id);
        SimHttp.sendJson(ex, m);
    }

    private void simEndpoint(HttpExchange ex, String path) throws IOException {
        Map<String, String> q = SimHttp.query(ex.getRequestURI().getRawQuery());
        String method = ex.getRequestMethod();
        switch (path) {
            case "/sim/messages" -> {
                if ("DELETE".equals(method)) {
                    sent.clear();
                    SimHttp.sendJson(ex, Map.of("cleared", true));
                    return;
                }
                String touser = q.get("touser");
                List<Object> out = new ArrayList<>();
                for (Sent s : sent) {
                    if (touser == null || touser.equals(s.touser())) {
                        out.add(s.json());
                    }
                }
                SimHttp.sendJson(ex, out);
            }
            case "/sim/subscription" -> {
                String openid = q.get("openid");
                if (!"POST".equals(method) || openid == null || openid.isBlank()) {
                    SimHttp.send(ex, 400, "text/plain; charset=UTF-8", "POST /sim/subscription?openid=&subscribed=true|false");
                    return;
                }
                boolean yes = !"false".equalsIgnoreCase(q.getOrDefault("subscribed", "true"));
                subscribed(openid, yes);
                SimHttp.sendJson(ex, Map.of("openid", openid, "subscribed", yes));
            }
            case "/sim/expire-tokens" -> {
                expireTokens();
                SimHttp.sendJson(ex, Map.of("expired", true));
            }
            case "/sim/openid" -> {
                String openid = openidOf(q.get("code"));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", q.get("code"));
                m.put("openid", openid);
                SimHttp.sendJson(ex, m);
            }
            case "/sim/mode" -> {
                if ("POST".equals(method)) {
                    try {
                        mode(Mode.valueOf(q.getOrDefault("mode", "").trim().toUpperCase(java.util.Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        SimHttp.send(ex, 400, "text/plain; charset=UTF-8", "mode must be NORMAL, DOWN, ERROR, SLOW or BUSY");
                        return;
                    }
                }
                SimHttp.sendJson(ex, Map.of("mode", mode.name()));
            }
            case "/sim/stats" -> SimHttp.sendJson(ex, Map.of("sessions", sessions.get(), "tokensIssued", tokenCalls.get(), "tokenRequests", tokenRequests.get(), "messages", sent.size(),
                    "mode", mode.name()));
            default -> SimHttp.send(ex, 404, "text/plain; charset=UTF-8", "no such simulator endpoint");
        }
    }

    private static JsonNode body(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            JsonNode n = JSON.readTree(in.readNBytes(64 * 1024));
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void error(HttpExchange ex, int code, String message) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errcode", code);
        m.put("errmsg", message);
        SimHttp.sendJson(ex, m);
    }

    /** Standalone: {@code java -cp … WechatSimulator [port=8188]}. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8188;
        WechatSimulator sim = new WechatSimulator("127.0.0.1", DEFAULT_APP_ID, DEFAULT_SECRET, 7200, 30000).start(port);
        System.out.println("WeChat simulator on " + sim.baseUri() + " (appid " + DEFAULT_APP_ID + ")");
    }
}
