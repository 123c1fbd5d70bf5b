package org.smartproperty.sim.identity.internal;

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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Simulator of the Guangdong unified identity authentication platform (tyrz, INT-IDP): the
 * authorization-code flow of the public side, over real HTTP (JDK {@link HttpServer}).
 *
 * <p>Endpoints, under the configured prefix ({@code /tif} or {@code /pscp}):
 * <ul>
 *   <li>{@code GET /sso/connect/page/oauth2/authorize} — login page (zh-CN) listing the
 *       {@link IdpFixtures fixture identities} as links;</li>
 *   <li>{@code GET /sso/connect/page/oauth2/authorize/login?who=<uid>&…} — "logs in" as that
 *       identity: 302 to {@code redirect_uri?code=…&state=…};</li>
 *   <li>{@code GET /sso/connect/page/oauth2/access_token} — one-time code (5 minutes) → access
 *       token; refusals are HTTP 200 with {@code {"errcode": …, "errmsg": …}} as the gateway does;</li>
 *   <li>{@code GET /sso/connect/page/oauth2/tokeninfo?access_token=…} — {@code {signdata, userobj,
 *       pareobj, user_creditable_level}}.</li>
 * </ul>
 * and {@code GET /sim/idp/identities} (no prefix): the fixtures as JSON. Codes and tokens live in
 * memory only; nothing survives {@link #stop()}.
 *
 * <p>Standalone: {@code java -cp spm-sim-identity.jar org.smartproperty.sim.identity.internal.IdpSimulator [port] [prefix]}.
 */
public final class IdpSimulator {

    public static final String AUTHORIZE = "/sso/connect/page/oauth2/authorize";
    public static final String LOGIN = AUTHORIZE + "/login";
    public static final String ACCESS_TOKEN = "/sso/connect/page/oauth2/access_token";
    public static final String TOKENINFO = "/sso/connect/page/oauth2/tokeninfo";
    public static final String IDENTITIES = "/sim/idp/identities";

    public static final Duration CODE_TTL = Duration.ofMinutes(5);
    public static final long TOKEN_TTL_SECONDS = 7200;

    /** Error codes the simulator answers with (WeCom-style numbers, as the provincial gateway uses). */
    public static final int ERR_INVALID_CREDENTIAL = 40001;
    public static final int ERR_INVALID_GRANT_TYPE = 40002;
    public static final int ERR_INVALID_CLIENT_ID = 40013;
    public static final int ERR_INVALID_ACCESS_TOKEN = 40014;
    public static final int ERR_INVALID_CODE = 40029;

    /**
     * @param bindAddress  address to listen on ({@code 127.0.0.1} by default)
     * @param prefix       path prefix, {@code /tif} by default ({@code /pscp} or any path starting with '/')
     * @param clientId     the one client the simulator knows
     * @param clientSecret its secret; empty = any secret is accepted
     * @param clock        time source (tests move it to expire codes)
     */
    public record Settings(String bindAddress, String prefix, String clientId, String clientSecret, Clock clock) {

        public Settings {
            prefix = normalizePrefix(prefix);
            bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress.trim();
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("clientId is required");
            }
            clientSecret = clientSecret == null ? "" : clientSecret;
            clock = clock == null ? Clock.systemUTC() : clock;
        }

        public static Settings defaults() {
            return new Settings("127.0.0.1", "/tif", "spm-dev", "", Clock.systemUTC());
        }

        public Settings withPrefix(String p) {
            return new Settings(bindAddress, p, clientId, clientSecret, clock);
        }

        public Settings withClient(String id, String secret) {
            return new Settings(bindAddress, prefix, id, secret, clock);
        }

        public Settings withClock(Clock c) {
            return new Settings(bindAddress, prefix, clientId, clientSecret, c);
        }

        public Settings withBindAddress(String a) {
            return new Settings(a, prefix, clientId, clientSecret, clock);
        }

        @Override
        public String toString() {
            return "Settings[bindAddress=" + bindAddress + ", prefix=" + prefix + ", clientId=" + clientId
                    + ", clientSecret=" + (clientSecret.isEmpty() ? "(any)" : "****") + "]";
        }
    }

    /** What a code or token stands for. */
    private record Grant(String uid, String clientId, String redirectUri, Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final SimServer server;

    public IdpSimulator() {
        this(Settings.defaults());
    }

    public IdpSimulator(Settings settings) {
        this.settings = settings;
        this.server = new SimServer(settings.bindAddress(), "spm-sim-identity");
    }

    public Settings settings() {
        return settings;
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public IdpSimulator start(int port) throws IOException {
        server.start(port, this::handle);
        return this;
    }

    /** Stops listening and forgets every code and token. Idempotent. */
    public void stop() {
        server.stop();
        codes.clear();
        tokens.clear();
    }

    public boolean running() {
        return server.running();
    }

    /** The port actually listened on. */
    public int port() {
        return server.port();
    }

    /** {@code http://host:port} of the running simulator (what the adapter's baseUrl should be). */
    public URI baseUri() {
        return server.baseUri();
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
            String p = settings.prefix();
            if (path.equals(IDENTITIES)) {
                identities(ex);
            } else if (path.equals(p + AUTHORIZE)) {
                authorizePage(ex, q);
            } else if (path.equals(p + LOGIN)) {
                login(ex, q);
            } else if (path.equals(p + ACCESS_TOKEN)) {
                accessToken(ex, q);
            } else if (path.equals(p + TOKENINFO)) {
                tokenInfo(ex, q);
            } else {
                send(ex, 404, "text/plain; charset=UTF-8", "not found: " + path);
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain; charset=UTF-8", "simulator error: " + e);
        } finally {
            ex.close();
        }
    }

    private void identities(HttpExchange ex) throws IOException {
        List<Object> out = new ArrayList<>();
        for (IdpFixtures.Fixture f : IdpFixtures.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", f.label());
            m.put("userobj", f.userobj());
            m.put("pareobj", f.pareobj());
            m.put("user_creditable_level", f.trustLevel());
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
        body.append("<p>本页面为开发与测试用的模拟登录，不连接广东省统一身份认证平台。请选择要登录的身份：</p>\n<ul>\n");
        for (IdpFixtures.Fixture f : IdpFixtures.all()) {
            Map<String, String> link = new LinkedHashMap<>();
            link.put("who", f.uid());
            link.put("client_id", q.get("client_id"));
            link.put("redirect_uri", q.get("redirect_uri"));
            if (q.get("state") != null) {
                link.put("state", q.get("state"));
            }
            String href = settings.prefix() + LOGIN + "?" + encodeQuery(link);
            body.append("  <li><a id=\"").append(esc(f.uid())).append("\" href=\"").append(esc(href)).append("\">")
                    .append(esc(f.cn())).append(" — ").append(esc(f.label())).append("</a> <small>uid ")
                    .append(esc(f.uid())).append(" · 证件类型 ").append(esc(f.idcardtype())).append(" · 可信等级 ")
                    .append(f.trustLevel()).append(" · 实名 ").append(esc(String.valueOf(f.isreal())))
                    .append("</small></li>\n");
        }
        body.append("</ul>\n");
        sendHtml(ex, 200, page("选择登录身份", body.toString()));
    }

    private String checkAuthorizeRequest(Map<String, String> q) {
        if (!"code".equals(q.get("response_type"))) {
            return "response_type 必须为 code";
        }
        if (!settings.clientId().equals(q.get("client_id"))) {
            return "未知的 client_id：" + q.get("client_id");
        }
        if (!validRedirect(q.get("redirect_uri"))) {
            return "redirect_uri 必须是不含片段的绝对 http(s) 地址：" + q.get("redirect_uri");
        }
        return null;
    }

    private void login(HttpExchange ex, Map<String, String> q) throws IOException {
        String problem = !settings.clientId().equals(q.get("client_id")) ? "未知的 client_id：" + q.get("client_id")
                : !validRedirect(q.get("redirect_uri")) ? "redirect_uri 无效：" + q.get("redirect_uri") : null;
        if (problem != null) {
            sendHtml(ex, 400, page("请求无效", "<p class=\"error\">" + esc(problem) + "</p>"));
            return;
        }
        IdpFixtures.Fixture f = IdpFixtures.byUid(String.valueOf(q.get("who"))).orElse(null);
        if (f == null) {
            sendHtml(ex, 404, page("无此身份", "<p class=\"error\">模拟器没有身份 " + esc(q.get("who")) + "</p>"));
            return;
        }
        Instant now = settings.clock().instant();
        purge(now);
        String code = randomToken();
        codes.put(code, new Grant(f.uid(), settings.clientId(), q.get("redirect_uri"), now.plus(CODE_TTL)));
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

    private void accessToken(HttpExchange ex, Map<String, String> q) throws IOException {
        if (!settings.clientId().equals(q.get("client_id"))) {
            sendJson(ex, error(ERR_INVALID_CLIENT_ID, "invalid client_id"));
            return;
        }
        if (!settings.clientSecret().isEmpty() && !settings.clientSecret().equals(q.get("client_secret"))) {
            sendJson(ex, error(ERR_INVALID_CREDENTIAL, "invalid client_secret"));
            return;
        }
        if (!"authorization_code".equals(q.get("grant_type"))) {
            sendJson(ex, error(ERR_INVALID_GRANT_TYPE, "invalid grant_type"));
            return;
        }
        Instant now = settings.clock().instant();
        String code = q.get("code");
        Grant g = code == null ? null : codes.remove(code); // one-time: whatever happens next, it is spent
        if (g == null || !now.isBefore(g.expires())) {
            sendJson(ex, error(ERR_INVALID_CODE, "invalid code"));
            return;
        }
        if (!g.clientId().equals(q.get("client_id")) || !g.redirectUri().equals(q.get("redirect_uri"))) {
            sendJson(ex, error(ERR_INVALID_CODE, "invalid code: redirect_uri does not match the authorization request"));
            return;
        }
        purge(now);
        String token = randomToken();
        tokens.put(token, new Grant(g.uid(), g.clientId(), null, now.plusSeconds(TOKEN_TTL_SECONDS)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", token);
        out.put("expires_in", TOKEN_TTL_SECONDS);
        sendJson(ex, out);
    }

    private void tokenInfo(HttpExchange ex, Map<String, String> q) throws IOException {
        String token = q.get("access_token");
        Grant g = token == null ? null : tokens.get(token);
        if (g == null || !settings.clock().instant().isBefore(g.expires())) {
            sendJson(ex, error(ERR_INVALID_ACCESS_TOKEN, "invalid access_token"));
            return;
        }
        IdpFixtures.Fixture f = IdpFixtures.byUid(g.uid()).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signdata", sha256Hex(f.uid() + ":" + token));
        out.put("userobj", f.userobj());
        out.put("pareobj", f.pareobj());
        out.put("user_creditable_level", f.trustLevel());
        sendJson(ex, out);
    }

    private void purge(Instant now) {
        codes.values().removeIf(g -> !now.isBefore(g.expires()));
        tokens.values().removeIf(g -> !now.isBefore(g.expires()));
    }

    private static Map<String, Object> error(int errcode, String errmsg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errcode", errcode);
        m.put("errmsg", errmsg);
        return m;
    }

    // ------------------------------------------------------------------ helpers

    static String normalizePrefix(String raw) {
        String p = raw == null ? "" : raw.trim();
        if (!p.startsWith("/") || p.contains("//") || p.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#' || c == '%')) {
            throw new IllegalArgumentException("prefix must be /tif, /pscp or another path starting with '/': " + raw);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

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

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String page(String title, String body) {
        return SimHttp.page("广东省统一身份认证平台", title, body);
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

    /** Runs the simulator without OSGi: {@code [port (8182)] [prefix (/tif)] [bindAddress (127.0.0.1)]}. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8182;
        Settings s = Settings.defaults().withPrefix(args.length > 1 ? args[1] : "/tif")
                .withBindAddress(args.length > 2 ? args[2] : "127.0.0.1");
        IdpSimulator sim = new IdpSimulator(s).start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop, "spm-sim-identity-shutdown"));
        System.out.println("gd-tyrz simulator on " + sim.baseUri() + s.prefix() + AUTHORIZE + " (client_id "
                + s.clientId() + "); fixtures at " + sim.baseUri() + IDENTITIES + ". Ctrl-C stops.");
        Thread.currentThread().join();
    }
}
