package org.smartproperty.sim.govidentity.internal;

import org.smartproperty.sim.support.SimHttp;
import org.smartproperty.sim.support.SimJson;
import org.smartproperty.sim.support.SimServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Simulator of 粤政易 (Yue Zheng Yi), the government side's WeCom-style login, behind the
 * provincial gateway (issue 12 item 6), over real HTTP (JDK {@link HttpServer}).
 *
 * <p>Browser side (the 粤政易 host, not signed):
 * <ul>
 *   <li>{@code GET /connect/oauth2/authorize?appid&redirect_uri&response_type=code&scope=snsapi_base&state&agentid}
 *       — page (zh-CN) listing the {@link ZwyFixtures staff users} as links;</li>
 *   <li>{@code GET /connect/oauth2/authorize/login?who=<userid>&appid&agentid&redirect_uri&state} — 302 to
 *       {@code redirect_uri?code=…&state=…}; the code is single-use and valid 5 minutes.</li>
 * </ul>
 * Server side, through the gateway: every {@code /cgi-bin/} call must carry {@code x-tif-paasid},
 * {@code x-tif-timestamp} (epoch seconds, within ±{@code timestampWindow}), {@code x-tif-nonce}
 * (not seen before within the window) and {@code x-tif-signature} = lowercase hex SHA-256 of
 * {@code timestamp + paasToken + nonce + timestamp}. A refusal by the gateway is HTTP 401 with
 * {@code {"errcode": 1001x, "errmsg": …}}; the WeCom-style API behind it answers HTTP 200 with
 * {@code errcode} (0 = success):
 * <ul>
 *   <li>{@code GET /cgi-bin/gettoken?corpid&corpsecret} → {@code access_token}, {@code expires_in};</li>
 *   <li>{@code GET /cgi-bin/user/getuserinfo?access_token&code} → {@code UserId}, {@code DeviceId};</li>
 *   <li>{@code GET /cgi-bin/user/get?access_token&userid} → {@code name}, {@code mobile}, {@code department}, ….</li>
 * </ul>
 * and {@code GET /sim/zwy/users} (not signed): the fixtures as JSON. Codes, tokens and nonces live
 * in memory only; nothing survives {@link #stop()}.
 *
 * <p>Standalone: {@code java -cp spm-sim-govidentity.jar org.smartproperty.sim.govidentity.internal.ZwySimulator [port] [bindAddress]}.
 */
public final class ZwySimulator {

    public static final String AUTHORIZE = "/connect/oauth2/authorize";
    public static final String LOGIN = AUTHORIZE + "/login";
    public static final String GETTOKEN = "/cgi-bin/gettoken";
    public static final String GETUSERINFO = "/cgi-bin/user/getuserinfo";
    public static final String USER_GET = "/cgi-bin/user/get";
    public static final String USERS = "/sim/zwy/users";
    public static final String CGI = "/cgi-bin/";

    public static final String H_PAASID = "x-tif-paasid";
    public static final String H_TIMESTAMP = "x-tif-timestamp";
    public static final String H_NONCE = "x-tif-nonce";
    public static final String H_SIGNATURE = "x-tif-signature";

    public static final Duration CODE_TTL = Duration.ofMinutes(5);

    // WeCom-style codes of the API (HTTP 200)
    public static final int ERR_INVALID_SECRET = 40001;
    public static final int ERR_INVALID_CORPID = 40013;
    public static final int ERR_INVALID_ACCESS_TOKEN = 40014;
    public static final int ERR_INVALID_CODE = 40029;
    public static final int ERR_MISSING_ACCESS_TOKEN = 41001;
    public static final int ERR_MISSING_CORPID = 41002;
    public static final int ERR_MISSING_SECRET = 41004;
    public static final int ERR_MISSING_CODE = 41008;
    public static final int ERR_MISSING_USERID = 41009;
    public static final int ERR_EXPIRED_ACCESS_TOKEN = 42001;
    public static final int ERR_USER_NOT_FOUND = 60111;
    // the gateway's codes (HTTP 401)
    public static final int ERR_SIGNATURE = 10010;
    public static final int ERR_TIMESTAMP = 10011;
    public static final int ERR_PAASID = 10012;
    public static final int ERR_NONCE = 10013;

    /**
     * @param bindAddress     address to listen on ({@code 127.0.0.1} by default)
     * @param corpId          the one corp (appid) the simulator knows
     * @param corpSecret      its secret; empty = any secret is accepted
     * @param agentId         the application's agentid the authorize page accepts
     * @param paasId          the one gateway client (x-tif-paasid) the simulator knows
     * @param paasToken       the gateway's token issued to that paasid (signature key); required
     * @param tokenTtlSeconds lifetime of an access_token (7200 as WeCom)
     * @param timestampWindow how far x-tif-timestamp may be from the simulator's clock
     * @param clock           time source (tests move it to expire codes and tokens)
     */
    public record Settings(String bindAddress, String corpId, String corpSecret, String agentId, String paasId,
                           String paasToken, long tokenTtlSeconds, Duration timestampWindow, Clock clock) {

        public Settings {
            bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress.trim();
            corpId = required(corpId, "corpId");
            corpSecret = corpSecret == null ? "" : corpSecret;
            agentId = required(agentId, "agentId");
            paasId = required(paasId, "paasId");
            if (paasToken == null || paasToken.isEmpty()) {
                throw new IllegalArgumentException("paasToken is required (the signature key)");
            }
            if (tokenTtlSeconds < 1) {
                throw new IllegalArgumentException("tokenTtlSeconds must be positive: " + tokenTtlSeconds);
            }
            timestampWindow = timestampWindow == null ? Duration.ofSeconds(300) : timestampWindow;
            clock = clock == null ? Clock.systemUTC() : clock;
        }

        public static Settings defaults() {
            return new Settings("127.0.0.1", "spm-dev-corp", "spm-dev-corp-secret", "1000001", "spm-dev",
                    "spm-dev-paas-token", 7200, Duration.ofSeconds(300), Clock.systemUTC());
        }

        public Settings withCorp(String id, String secret) {
            return new Settings(bindAddress, id, secret, agentId, paasId, paasToken, tokenTtlSeconds, timestampWindow, clock);
        }

        public Settings withAgentId(String a) {
            return new Settings(bindAddress, corpId, corpSecret, a, paasId, paasToken, tokenTtlSeconds, timestampWindow, clock);
        }

        public Settings withPaas(String id, String token) {
            return new Settings(bindAddress, corpId, corpSecret, agentId, id, token, tokenTtlSeconds, timestampWindow, clock);
        }

        public Settings withTokenTtlSeconds(long s) {
            return new Settings(bindAddress, corpId, corpSecret, agentId, paasId, paasToken, s, timestampWindow, clock);
        }

        public Settings withClock(Clock c) {
            return new Settings(bindAddress, corpId, corpSecret, agentId, paasId, paasToken, tokenTtlSeconds, timestampWindow, c);
        }

        public Settings withBindAddress(String a) {
            return new Settings(a, corpId, corpSecret, agentId, paasId, paasToken, tokenTtlSeconds, timestampWindow, clock);
        }

        private static String required(String v, String name) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(name + " is required");
            }
            return v.trim();
        }

        @Override
        public String toString() {
            return "Settings[bindAddress=" + bindAddress + ", corpId=" + corpId + ", corpSecret="
                    + (corpSecret.isEmpty() ? "(any)" : "****") + ", agentId=" + agentId + ", paasId=" + paasId
                    + ", paasToken=****, tokenTtlSeconds=" + tokenTtlSeconds + ", timestampWindow="
                    + timestampWindow.toSeconds() + "s]";
        }
    }

    private record Grant(String userid, Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();
    private final AtomicInteger gettokenCalls = new AtomicInteger();
    private final AtomicInteger refusedByGateway = new AtomicInteger();
    private final SimServer server;

    public ZwySimulator() {
        this(Settings.defaults());
    }

    public ZwySimulator(Settings settings) {
        this.settings = settings;
        this.server = new SimServer(settings.bindAddress(), "spm-sim-govidentity");
    }

    public Settings settings() {
        return settings;
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public ZwySimulator start(int port) throws IOException {
        server.start(port, this::handle);
        return this;
    }

    /** Stops listening and forgets every code, token and nonce. Idempotent. */
    public void stop() {
        server.stop();
        codes.clear();
        tokens.clear();
        nonces.clear();
    }

    public boolean running() {
        return server.running();
    }

    /** The port actually listened on. */
    public int port() {
        return server.port();
    }

    /** {@code http://host:port} of the running simulator (the adapter's baseUrl). */
    public URI baseUri() {
        return server.baseUri();
    }

    /** {@code baseUri() + AUTHORIZE}: the adapter's authorizeUrl. */
    public URI authorizeUri() {
        return URI.create(baseUri() + AUTHORIZE);
    }

    /** How many access tokens were issued (tests check the adapter's cache with it). */
    public int gettokenCalls() {
        return gettokenCalls.get();
    }

    /** How many calls the gateway refused (bad signature, timestamp, paasid or nonce). */
    public int refusedByGateway() {
        return refusedByGateway.get();
    }

    /** Invalidates every access token issued so far (as a secret reset does): they answer 40014. */
    public void revokeAccessTokens() {
        tokens.clear();
    }

    /** The signature the gateway expects: lowercase hex SHA-256 of timestamp + token + nonce + timestamp. */
    public static String signature(String timestamp, String paasToken, String nonce) {
        return sha256Hex(timestamp + paasToken + nonce + timestamp);
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=UTF-8", "method not allowed");
                return;
            }
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            if (path.startsWith(CGI)) {
                Map<String, Object> refusal = gateway(ex);
                if (refusal != null) {
                    refusedByGateway.incrementAndGet();
                    send(ex, 401, "application/json; charset=UTF-8", SimJson.write(refusal));
                    return;
                }
            }
            switch (path) {
                case USERS -> users(ex);
                case AUTHORIZE -> authorizePage(ex, q);
                case LOGIN -> login(ex, q);
                case GETTOKEN -> getToken(ex, q);
                case GETUSERINFO -> getUserInfo(ex, q);
                case USER_GET -> userGet(ex, q);
                default -> send(ex, 404, "text/plain; charset=UTF-8", "not found: " + path);
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain; charset=UTF-8", "simulator error: " + e);
        } finally {
            ex.close();
        }
    }

    /** The gateway's check of the x-tif-* headers; null when the call may pass. */
    private Map<String, Object> gateway(HttpExchange ex) {
        String paasid = ex.getRequestHeaders().getFirst(H_PAASID);
        String timestamp = ex.getRequestHeaders().getFirst(H_TIMESTAMP);
        String nonce = ex.getRequestHeaders().getFirst(H_NONCE);
        String signature = ex.getRequestHeaders().getFirst(H_SIGNATURE);
        if (paasid == null || !paasid.equals(settings.paasId())) {
            return error(ERR_PAASID, "x-tif-paasid unknown");
        }
        Instant now = settings.clock().instant();
        long ts;
        try {
            ts = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            return error(ERR_TIMESTAMP, "x-tif-timestamp missing or not epoch seconds");
        }
        if (Math.abs(now.getEpochSecond() - ts) > settings.timestampWindow().toSeconds()) {
            return error(ERR_TIMESTAMP, "x-tif-timestamp out of window");
        }
        if (nonce == null || nonce.isBlank()) {
            return error(ERR_NONCE, "x-tif-nonce missing");
        }
        if (signature == null || !MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                signature(timestamp, settings.paasToken(), nonce).getBytes(StandardCharsets.UTF_8))) {
            return error(ERR_SIGNATURE, "x-tif-signature invalid");
        }
        // a nonce is remembered as long as its timestamp could still pass (window on both sides)
        nonces.values().removeIf(seen -> seen.isBefore(now.minus(settings.timestampWindow().multipliedBy(2))));
        if (nonces.putIfAbsent(nonce, now) != null) {
            return error(ERR_NONCE, "x-tif-nonce already used");
        }
        return null;
    }

    private void users(HttpExchange ex) throws IOException {
        List<Object> out = new ArrayList<>();
        for (ZwyFixtures.StaffUser u : ZwyFixtures.all()) {
            Map<String, Object> m = new LinkedHashMap<>(u.userGet());
            m.put("label", u.label());
            m.put("platformRole", u.platformRole());
            out.add(m);
        }
        sendJson(ex, out);
    }

    private void authorizePage(HttpExchange ex, Map<String, String> q) throws IOException {
        String problem = checkAuthorizeRequest(q);
        if (problem != null) {
            sendHtml(ex, 400, page("请求无效", "<p class=\"error\">" + esc(problem) + "</p>"));
            return;
        }
        StringBuilder body = new StringBuilder();
        body.append("<p>本页面为开发与测试用的模拟登录，不连接粤政易。请选择要登录的工作人员：</p>\n<ul>\n");
        for (ZwyFixtures.StaffUser u : ZwyFixtures.all()) {
            Map<String, String> link = new LinkedHashMap<>();
            link.put("who", u.userid());
            link.put("appid", q.get("appid"));
            link.put("agentid", q.get("agentid"));
            link.put("redirect_uri", q.get("redirect_uri"));
            if (q.get("state") != null) {
                link.put("state", q.get("state"));
            }
            String href = LOGIN + "?" + encodeQuery(link);
            body.append("  <li><a id=\"").append(esc(u.userid())).append("\" href=\"").append(esc(href)).append("\">")
                    .append(esc(u.name())).append(" — ").append(esc(u.label())).append("</a> <small>UserId ")
                    .append(esc(u.userid())).append(" · ").append(esc(u.position())).append("</small></li>\n");
        }
        body.append("</ul>\n");
        sendHtml(ex, 200, page("选择登录人员", body.toString()));
    }

    private String checkAuthorizeRequest(Map<String, String> q) {
        if (!settings.corpId().equals(q.get("appid"))) {
            return "未知的 appid：" + q.get("appid");
        }
        if (!"code".equals(q.get("response_type"))) {
            return "response_type 必须为 code";
        }
        if (!"snsapi_base".equals(q.get("scope")) && !"snsapi_privateinfo".equals(q.get("scope"))) {
            return "scope 必须为 snsapi_base 或 snsapi_privateinfo";
        }
        if (!settings.agentId().equals(q.get("agentid"))) {
            return "未知的 agentid：" + q.get("agentid");
        }
        if (!validRedirect(q.get("redirect_uri"))) {
            return "redirect_uri 必须是不含片段的绝对 http(s) 地址：" + q.get("redirect_uri");
        }
        return null;
    }

    private void login(HttpExchange ex, Map<String, String> q) throws IOException {
        String problem = !settings.corpId().equals(q.get("appid")) ? "未知的 appid：" + q.get("appid")
                : !settings.agentId().equals(q.get("agentid")) ? "未知的 agentid：" + q.get("agentid")
                : !validRedirect(q.get("redirect_uri")) ? "redirect_uri 无效：" + q.get("redirect_uri") : null;
        if (problem != null) {
            sendHtml(ex, 400, page("请求无效", "<p class=\"error\">" + esc(problem) + "</p>"));
            return;
        }
        ZwyFixtures.StaffUser u = ZwyFixtures.byUserid(String.valueOf(q.get("who"))).orElse(null);
        if (u == null) {
            sendHtml(ex, 404, page("无此人员", "<p class=\"error\">模拟器没有人员 " + esc(q.get("who")) + "</p>"));
            return;
        }
        Instant now = settings.clock().instant();
        purge(now);
        String code = randomToken();
        codes.put(code, new Grant(u.userid(), now.plus(CODE_TTL)));
        String redirect = q.get("redirect_uri");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        if (q.get("state") != null) {
            params.put("state", q.get("state"));
        }
        ex.getResponseHeaders().set("Location", redirect + (redirect.contains("?") ? "&" : "?") + encodeQuery(params));
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(302, -1);
    }

    private void getToken(HttpExchange ex, Map<String, String> q) throws IOException {
        String corpid = q.get("corpid");
        String secret = q.get("corpsecret");
        if (corpid == null || corpid.isEmpty()) {
            sendJson(ex, error(ERR_MISSING_CORPID, "missing corpid"));
            return;
        }
        if (!settings.corpId().equals(corpid)) {
            sendJson(ex, error(ERR_INVALID_CORPID, "invalid corpid"));
            return;
        }
        if (secret == null || secret.isEmpty()) {
            sendJson(ex, error(ERR_MISSING_SECRET, "missing corpsecret"));
            return;
        }
        if (!settings.corpSecret().isEmpty() && !settings.corpSecret().equals(secret)) {
            sendJson(ex, error(ERR_INVALID_SECRET, "invalid credential, access_token is invalid or not latest"));
            return;
        }
        Instant now = settings.clock().instant();
        purge(now);
        String token = randomToken();
        tokens.put(token, now.plusSeconds(settings.tokenTtlSeconds()));
        gettokenCalls.incrementAndGet();
        Map<String, Object> out = ok();
        out.put("access_token", token);
        out.put("expires_in", settings.tokenTtlSeconds());
        sendJson(ex, out);
    }

    /** The access token's problem as a refusal, or null when it is valid. */
    private Map<String, Object> checkToken(String token) {
        if (token == null || token.isEmpty()) {
            return error(ERR_MISSING_ACCESS_TOKEN, "access_token missing");
        }
        Instant expires = tokens.get(token);
        if (expires == null) {
            return error(ERR_INVALID_ACCESS_TOKEN, "invalid access_token");
        }
        if (!settings.clock().instant().isBefore(expires)) {
            return error(ERR_EXPIRED_ACCESS_TOKEN, "access_token expired");
        }
        return null;
    }

    private void getUserInfo(HttpExchange ex, Map<String, String> q) throws IOException {
        Map<String, Object> refusal = checkToken(q.get("access_token"));
        if (refusal != null) { // the code is not spent: the caller may retry with a fresh token
            sendJson(ex, refusal);
            return;
        }
        String code = q.get("code");
        if (code == null || code.isEmpty()) {
            sendJson(ex, error(ERR_MISSING_CODE, "missing code"));
            return;
        }
        Grant g = codes.remove(code); // one-time
        if (g == null || !settings.clock().instant().isBefore(g.expires())) {
            sendJson(ex, error(ERR_INVALID_CODE, "invalid code"));
            return;
        }
        Map<String, Object> out = ok();
        out.put("UserId", g.userid());
        out.put("DeviceId", "sim-" + sha256Hex(g.userid()).substring(0, 12));
        sendJson(ex, out);
    }

    private void userGet(HttpExchange ex, Map<String, String> q) throws IOException {
        Map<String, Object> refusal = checkToken(q.get("access_token"));
        if (refusal != null) {
            sendJson(ex, refusal);
            return;
        }
        String userid = q.get("userid");
        if (userid == null || userid.isEmpty()) {
            sendJson(ex, error(ERR_MISSING_USERID, "missing userid"));
            return;
        }
        ZwyFixtures.StaffUser u = ZwyFixtures.byUserid(userid).orElse(null);
        if (u == null) {
            sendJson(ex, error(ERR_USER_NOT_FOUND, "userid not found"));
            return;
        }
        Map<String, Object> out = ok();
        out.putAll(u.userGet());
        sendJson(ex, out);
    }

    private void purge(Instant now) {
        codes.values().removeIf(g -> !now.isBefore(g.expires()));
        // expired tokens are kept one more lifetime, so that they answer 42001 (expired) rather than 40014
        tokens.values().removeIf(e -> now.isAfter(e.plusSeconds(settings.tokenTtlSeconds())));
    }

    private static Map<String, Object> ok() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errcode", 0);
        m.put("errmsg", "ok");
        return m;
    }

    private static Map<String, Object> error(int errcode, String errmsg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errcode", errcode);
        m.put("errmsg", errmsg);
        return m;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean validRedirect(String uri) {
        return SimHttp.validRedirect(uri);
    }

    static Map<String, String> query(String raw) {
        return SimHttp.query(raw);
    }

    static String encodeQuery(Map<String, String> params) {
        return SimHttp.encodeQuery(params);
    }

    private static String randomToken() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String page(String title, String body) {
        return SimHttp.page("粤政易", title, body);
    }

    static String esc(String s) {
        return SimHttp.esc(s);
    }

    private static void sendHtml(HttpExchange ex, int status, String html) throws IOException {
        SimHttp.sendHtml(ex, status, html);
    }

    private static void sendJson(HttpExchange ex, Object value) throws IOException {
        SimHttp.sendJson(ex, value);
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        SimHttp.send(ex, status, contentType, body);
    }

    /** Runs the simulator without OSGi: {@code [port (8186)] [bindAddress (127.0.0.1)]}, default corp and paas. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8186;
        Settings s = Settings.defaults().withBindAddress(args.length > 1 ? args[1] : "127.0.0.1");
        ZwySimulator sim = new ZwySimulator(s).start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop, "spm-sim-govidentity-shutdown"));
        System.out.println("粤政易 (gd-zwy) simulator on " + sim.baseUri() + " (corpid " + s.corpId() + ", agentid "
                + s.agentId() + ", paasid " + s.paasId() + "); staff users at " + sim.baseUri() + USERS + ". Ctrl-C stops.");
        Thread.currentThread().join();
    }
}
