package org.smartproperty.adapter.govidentity.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProviderException;

/**
 * The gd-zwy protocol (粤政易, issue 12 item 6): authorize URI, code → UserId through the WeCom-style
 * API ({@code gettoken}, {@code user/getuserinfo}, {@code user/get}) behind the provincial gateway,
 * every call signed with the {@code x-tif-*} headers. One instance per configuration; thread-safe.
 *
 * <p>The access token is cached until shortly before {@code expires_in} ends and shared by all
 * logins; a call refused with 40014 (invalid) or 42001 (expired) drops it, fetches a new one and
 * is repeated once.
 *
 * <p>Every failure of {@link #exchange} is an {@link IdentityProviderException}: the provider's own
 * {@code errcode} when the API or the gateway refuses (the gateway answers HTTP 401/403 with an
 * errcode JSON; that errcode is used whatever the status), {@code http-<status>} for another answer
 * than 200 without one, {@code io} for timeouts and connection failures, {@code protocol} for an
 * answer that is not the documented JSON, {@code not-member} when getuserinfo names no UserId (a
 * WeCom non-member's OpenId). Messages name the endpoint but never the query (it holds the corp
 * secret, the code or the access token), and never the paas token.
 */
final class ZwyClient {

    static final String PROVIDER_ID = "gd-zwy";
    static final String GETTOKEN = "/cgi-bin/gettoken";
    static final String GETUSERINFO = "/cgi-bin/user/getuserinfo";
    static final String USER_GET = "/cgi-bin/user/get";

    static final String H_PAASID = "x-tif-paasid";
    static final String H_TIMESTAMP = "x-tif-timestamp";
    static final String H_NONCE = "x-tif-nonce";
    static final String H_SIGNATURE = "x-tif-signature";

    /** Staff identities are vouched for by the government's own directory: the highest level gd-tyrz uses. */
    static final int TRUST_LEVEL = 4;
    static final String USER_TYPE = "GOV";

    static final String ERR_IO = "io";
    static final String ERR_PROTOCOL = "protocol";
    static final String ERR_INVALID_REQUEST = "invalid-request";
    static final String ERR_NOT_MEMBER = "not-member";

    /** errcodes after which the access token is dropped and the call repeated once with a fresh one. */
    static final Set<String> STALE_TOKEN = Set.of("40014", "42001");
    /** errcodes of user/get after which the login goes on without the details (no privilege to read the directory). */
    static final Set<String> NO_DETAILS = Set.of("60011", "48002");

    private static final Logger LOG = LoggerFactory.getLogger(ZwyClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SNIPPET = 200;
    /** A token is refreshed this long before it ends (at most; a tenth of its life for short ones). */
    private static final long REFRESH_MARGIN_SECONDS = 300;

    private record CachedToken(String value, Instant refreshAt) {
    }

    private final ZwySettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Object tokenLock = new Object();
    private CachedToken token; // guarded by tokenLock

    ZwyClient(ZwySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        // HTTP/1.1: no h2c upgrade attempt towards government gateways; redirects are never followed
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ZwySettings settings() {
        return settings;
    }

    /** {@code authorizeUrl?appid&redirect_uri&response_type=code&scope=snsapi_base&state&agentid#wechat_redirect}, in WeCom's order. */
    URI authorizationUri(String state, URI redirectUri) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("appid", settings.corpId());
        q.put("redirect_uri", redirectUri.toString());
        q.put("response_type", "code");
        q.put("scope", "snsapi_base");
        q.put("state", state == null ? "" : state);
        q.put("agentid", settings.agentId());
        return URI.create(settings.authorizeUrl() + "?" + query(q) + "#wechat_redirect");
    }

    ExternalIdentity exchange(String code, URI redirectUri) throws IdentityProviderException {
        if (code == null || code.isBlank()) {
            throw new IdentityProviderException(ERR_INVALID_REQUEST, "gd-zwy: no authorization code", null);
        }
        try {
            JsonNode info = api("getuserinfo", GETUSERINFO, "code", code);
            String userid = text(info, "UserId");
            if (userid == null || userid.isBlank()) {
                userid = text(info, "userid");
            }
            if (userid == null || userid.isBlank()) {
                if (text(info, "OpenId") != null || text(info, "openid") != null) {
                    throw new IdentityProviderException(ERR_NOT_MEMBER,
                            "gd-zwy getuserinfo: the user is not a member of the 粤政易 organisation (OpenId only)", null);
                }
                throw new IdentityProviderException(ERR_PROTOCOL, "gd-zwy getuserinfo: answer without UserId", null);
            }
            Map<String, String> ext = new LinkedHashMap<>();
            putIfPresent(ext, "deviceId", text(info, "DeviceId"));
            String name = null;
            String mobile = null;
            String email = null;
            if (settings.fetchUserDetails()) {
                JsonNode user = details(userid);
                if (user != null) {
                    name = blankToNull(text(user, "name"));
                    mobile = blankToNull(text(user, "mobile"));
                    email = blankToNull(text(user, "email"));
                    putIfPresent(ext, "position", blankToNull(text(user, "position")));
                    JsonNode dept = user.get("department");
                    if (dept != null && dept.isArray() && !dept.isEmpty()) {
                        StringBuilder sb = new StringBuilder();
                        dept.forEach(d -> sb.append(sb.length() == 0 ? "" : ",").append(d.asText()));
                        ext.put("department", sb.toString());
                    }
                }
            }
            return new ExternalIdentity(PROVIDER_ID, userid, name, null, null, mobile, email, true, TRUST_LEVEL, USER_TYPE, ext);
        } catch (IdentityProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IdentityProviderException(ERR_PROTOCOL, "gd-zwy: unexpected answer (" + e + ")", e);
        }
    }

    /** user/get, or null when the application may not read the directory (60011, 48002). */
    private JsonNode details(String userid) throws IdentityProviderException {
        try {
            return api("user/get", USER_GET, "userid", userid);
        } catch (IdentityProviderException e) {
            if (NO_DETAILS.contains(e.errcode())) {
                LOG.warn("gd-zwy user/get refused ({}): logging in {} without name and mobile", e.getMessage(), userid);
                return null;
            }
            throw e;
        }
    }

    /** An API call with the cached access token; on 40014/42001 once more with a fresh token. */
    private JsonNode api(String step, String path, String param, String value) throws IdentityProviderException {
        String accessToken = accessToken();
        JsonNode json = get(step, path, params(accessToken, param, value));
        String errcode = providerError(json);
        if (errcode != null && STALE_TOKEN.contains(errcode)) {
            LOG.info("gd-zwy {}: access token refused (errcode {}), fetching a new one", step, errcode);
            invalidate(accessToken);
            json = get(step, path, params(accessToken(), param, value));
            errcode = providerError(json);
        }
        if (errcode != null) {
            throw refused(step, json, errcode);
        }
        return json;
    }

    private static Map<String, String> params(String accessToken, String param, String value) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("access_token", accessToken);
        q.put(param, value);
        return q;
    }

    /** The cached access token, fetched when there is none or it is about to end. */
    String accessToken() throws IdentityProviderException {
        synchronized (tokenLock) {
            Instant now = clock.instant();
            if (token != null && now.isBefore(token.refreshAt())) {
                return token.value();
            }
            Map<String, String> q = new LinkedHashMap<>();
            q.put("corpid", settings.corpId());
            q.put("corpsecret", settings.corpSecret());
            JsonNode json = get("gettoken", GETTOKEN, q);
            String errcode = providerError(json);
            if (errcode != null) {
                throw refused("gettoken", json, errcode);
            }
            String value = text(json, "access_token");
            if (value == null || value.isBlank()) {
                throw new IdentityProviderException(ERR_PROTOCOL, "gd-zwy gettoken: answer without access_token", null);
            }
            JsonNode e = json.get("expires_in");
            long expiresIn = e != null && e.canConvertToLong() && e.asLong() > 0 ? e.asLong()
                    : e != null && e.isTextual() && e.asText().trim().matches("\\d{1,9}") ? Long.parseLong(e.asText().trim()) : 7200;
            long margin = Math.min(REFRESH_MARGIN_SECONDS, expiresIn / 10);
            token = new CachedToken(value, now.plusSeconds(expiresIn - margin));
            return value;
        }
    }

    /** Drops the cached token if it is still the one refused (another login may have refreshed it already). */
    private void invalidate(String refused) {
        synchronized (tokenLock) {
            if (token != null && token.value().equals(refused)) {
                token = null;
            }
        }
    }

    /** The x-tif-* headers of one call: paasid, timestamp (epoch seconds), nonce, signature. */
    Map<String, String> sign() {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        Map<String, String> h = new LinkedHashMap<>();
        h.put(H_PAASID, settings.paasId());
        h.put(H_TIMESTAMP, timestamp);
        h.put(H_NONCE, nonce);
        h.put(H_SIGNATURE, signature(timestamp, settings.paasToken(), nonce));
        return h;
    }

    /** Lowercase hex SHA-256 of {@code timestamp + token + nonce + timestamp}. */
    static String signature(String timestamp, String paasToken, String nonce) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((timestamp + paasToken + nonce + timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signed GET {baseUrl}{path}?query → the JSON object (errcode not yet looked at), or the matching
     * IdentityProviderException for I/O, a non-200 answer and non-JSON.
     */
    private JsonNode get(String step, String path, Map<String, String> query) throws IdentityProviderException {
        String where = settings.endpoint(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(where + "?" + query(query))).timeout(settings.requestTimeout())
                .header("Accept", "application/json").GET();
        sign().forEach(b::header);
        HttpResponse<byte[]> response;
        long ms = settings.requestTimeout().toMillis();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request timeout ends at the response headers; this deadline also covers the body
            response = call.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IdentityProviderException(ERR_IO, "gd-zwy " + step + ": no answer from " + where + " within " + ms + " ms", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IdentityProviderException(ERR_IO, "gd-zwy " + step + ": interrupted while calling " + where, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new IdentityProviderException(ERR_IO, "gd-zwy " + step + ": no answer from " + where + " within " + ms + " ms", cause);
            }
            if (cause instanceof ConnectException) {
                throw new IdentityProviderException(ERR_IO, "gd-zwy " + step + ": cannot connect to " + where + " (" + describe(cause) + ")", cause);
            }
            if (cause instanceof IOException) {
                throw new IdentityProviderException(ERR_IO, "gd-zwy " + step + ": I/O error calling " + where + " (" + describe(cause) + ")", cause);
            }
            throw new IdentityProviderException(ERR_PROTOCOL, "gd-zwy " + step + ": call to " + where + " failed (" + describe(cause) + ")", cause);
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        JsonNode json = parse(body);
        if (response.statusCode() != 200) {
            String errcode = json != null && json.isObject() ? providerError(json) : null;
            if (errcode != null) { // the gateway's refusal (signature, timestamp, paasid, nonce)
                throw new IdentityProviderException(errcode, "gd-zwy " + step + ": " + where + " refused with HTTP "
                        + response.statusCode() + ": " + providerMessage(json, "") + " (errcode " + errcode + ")", null);
            }
            throw new IdentityProviderException("http-" + response.statusCode(), "gd-zwy " + step + ": " + where + " answered HTTP "
                    + response.statusCode() + (body.length == 0 ? "" : ": " + snippet(body)), null);
        }
        if (json == null || !json.isObject()) {
            String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
            throw new IdentityProviderException(ERR_PROTOCOL,
                    "gd-zwy " + step + ": " + where + " answered " + type + ", not a JSON object: " + snippet(body), null);
        }
        return json;
    }

    private static IdentityProviderException refused(String step, JsonNode json, String errcode) {
        return new IdentityProviderException(errcode,
                "gd-zwy " + step + " refused: " + providerMessage(json, "errcode " + errcode) + " (errcode " + errcode + ")", null);
    }

    /** The provider's error code when the JSON is a refusal: a non-zero {@code errcode}. */
    static String providerError(JsonNode json) {
        JsonNode ec = json.get("errcode");
        if (ec != null && !ec.isNull() && !ec.isContainerNode()) {
            String c = ec.asText().trim();
            if (!c.isEmpty() && !c.equals("0")) {
                return c;
            }
        }
        return null;
    }

    private static String providerMessage(JsonNode json, String fallback) {
        for (String f : new String[] {"errmsg", "msg", "message"}) {
            String m = text(json, f);
            if (m != null && !m.isBlank()) {
                return m;
            }
        }
        return fallback;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) { // JsonProcessingException included
            return null;
        }
    }

    private static String snippet(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "…";
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(enc(e.getKey())).append('=').append(enc(e.getValue() == null ? "" : e.getValue()));
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
