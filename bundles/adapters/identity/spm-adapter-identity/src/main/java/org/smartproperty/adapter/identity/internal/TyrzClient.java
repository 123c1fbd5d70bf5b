package org.smartproperty.adapter.identity.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProviderException;

/**
 * The gd-tyrz protocol (INT-IDP): authorization URI, code → access_token → tokeninfo, and the
 * mapping of tokeninfo to {@link ExternalIdentity}. One instance per configuration; thread-safe.
 *
 * <p>Every failure of {@link #exchange} is an {@link IdentityProviderException}: the gateway's
 * own {@code errcode} when it refuses, {@code http-<status>} for an answer other than 200,
 * {@code io} for timeouts and connection failures, {@code protocol} for an answer that is not the
 * documented JSON. Messages name the endpoint but never the query (it holds the client secret,
 * the code or the access token).
 */
final class TyrzClient {

    static final String PROVIDER_ID = "gd-tyrz";
    static final String AUTHORIZE = "/sso/connect/page/oauth2/authorize";
    static final String ACCESS_TOKEN = "/sso/connect/page/oauth2/access_token";
    static final String TOKENINFO = "/sso/connect/page/oauth2/tokeninfo";

    static final String ERR_IO = "io";
    static final String ERR_PROTOCOL = "protocol";
    static final String ERR_INVALID_REQUEST = "invalid-request";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int SNIPPET = 200;

    private final TyrzSettings settings;
    private final HttpClient http;

    TyrzClient(TyrzSettings settings) {
        this.settings = settings;
        // HTTP/1.1: no h2c upgrade attempt towards government gateways; redirects are never followed
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    TyrzSettings settings() {
        return settings;
    }

    URI authorizationUri(String state, URI redirectUri) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("service", "initService");
        q.put("response_type", "code");
        q.put("client_id", settings.clientId());
        q.put("scope", "all");
        q.put("redirect_uri", redirectUri.toString());
        if (state != null) {
            q.put("state", state);
        }
        return URI.create(settings.endpoint(AUTHORIZE) + "?" + query(q));
    }

    ExternalIdentity exchange(String code, URI redirectUri) throws IdentityProviderException {
        if (code == null || code.isBlank()) {
            throw new IdentityProviderException(ERR_INVALID_REQUEST, "gd-tyrz: no authorization code", null);
        }
        if (redirectUri == null) {
            throw new IdentityProviderException(ERR_INVALID_REQUEST, "gd-tyrz: no redirect_uri", null);
        }
        try {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("client_id", settings.clientId());
            q.put("client_secret", settings.clientSecret());
            q.put("code", code);
            q.put("scope", "all");
            q.put("grant_type", "authorization_code");
            q.put("redirect_uri", redirectUri.toString());
            JsonNode token = get("access_token", ACCESS_TOKEN, q);
            String accessToken = text(token, "access_token");
            if (accessToken == null || accessToken.isBlank()) {
                throw new IdentityProviderException(ERR_PROTOCOL, "gd-tyrz access_token: answer without access_token", null);
            }
            JsonNode info = get("tokeninfo", TOKENINFO, Map.of("access_token", accessToken));
            return toIdentity(info);
        } catch (IdentityProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IdentityProviderException(ERR_PROTOCOL, "gd-tyrz: unexpected answer (" + e + ")", e);
        }
    }

    /** GET {base}{prefix}{path}?query → the JSON object, or the matching IdentityProviderException. */
    private JsonNode get(String step, String path, Map<String, String> query) throws IdentityProviderException {
        String where = settings.endpoint(path);
        HttpRequest request = HttpRequest.newBuilder(URI.create(where + "?" + query(query))).timeout(settings.timeout())
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        long ms = settings.timeout().toMillis();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request timeout ends at the response headers; this deadline also covers the body
            response = call.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IdentityProviderException(ERR_IO, "gd-tyrz " + step + ": no answer from " + where + " within " + ms + " ms", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IdentityProviderException(ERR_IO, "gd-tyrz " + step + ": interrupted while calling " + where, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new IdentityProviderException(ERR_IO, "gd-tyrz " + step + ": no answer from " + where + " within " + ms + " ms", cause);
            }
            if (cause instanceof ConnectException) {
                throw new IdentityProviderException(ERR_IO, "gd-tyrz " + step + ": cannot connect to " + where + " (" + describe(cause) + ")", cause);
            }
            if (cause instanceof IOException) {
                throw new IdentityProviderException(ERR_IO, "gd-tyrz " + step + ": I/O error calling " + where + " (" + describe(cause) + ")", cause);
            }
            throw new IdentityProviderException(ERR_PROTOCOL, "gd-tyrz " + step + ": call to " + where + " failed (" + describe(cause) + ")", cause);
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        JsonNode json = parse(body);
        if (response.statusCode() != 200) {
            String detail = json != null && json.isObject() && providerError(json) != null
                    ? "errcode " + providerError(json) + " " + providerMessage(json, "")
                    : snippet(body);
            throw new IdentityProviderException("http-" + response.statusCode(),
                    "gd-tyrz " + step + ": " + where + " answered HTTP " + response.statusCode() + (detail.isBlank() ? "" : ": " + detail), null);
        }
        if (json == null || !json.isObject()) {
            String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
            throw new IdentityProviderException(ERR_PROTOCOL,
                    "gd-tyrz " + step + ": " + where + " answered " + type + ", not a JSON object: " + snippet(body), null);
        }
        String errcode = providerError(json);
        if (errcode != null) {
            throw new IdentityProviderException(errcode,
                    "gd-tyrz " + step + " refused: " + providerMessage(json, "errcode " + errcode) + " (errcode " + errcode + ")", null);
        }
        return json;
    }

    // ------------------------------------------------------------------ mapping (package-private for tests)

    /** tokeninfo → identity; {@code userobj} may also arrive as a JSON string. */
    static ExternalIdentity toIdentity(JsonNode info) throws IdentityProviderException {
        JsonNode user = info.get("userobj");
        if (user != null && user.isTextual()) {
            user = parse(user.asText().getBytes(StandardCharsets.UTF_8));
        }
        if (user == null || !user.isObject()) {
            throw new IdentityProviderException(ERR_PROTOCOL, "gd-tyrz tokeninfo: answer without userobj", null);
        }
        String uid = text(user, "uid");
        if (uid == null || uid.isBlank()) {
            throw new IdentityProviderException(ERR_PROTOCOL, "gd-tyrz tokeninfo: userobj without uid", null);
        }
        Integer level = integer(user.get("creditable_level_of_account"));
        if (level == null) {
            level = integer(info.get("user_creditable_level"));
        }
        return new ExternalIdentity(PROVIDER_ID, uid, text(user, "cn"), text(user, "idcardtype"), text(user, "idcardnumber"),
                text(user, "telephonenumber"), text(user, "mail"), bool(user.get("isreal")), level == null ? 0 : level,
                text(user, "usertype"), ext(user.get("extproperties")));
    }

    /** The gateway's error code when the JSON is a refusal: non-zero {@code errcode}, or OAuth's {@code error}. */
    static String providerError(JsonNode json) {
        JsonNode ec = json.get("errcode");
        if (ec != null && !ec.isNull() && !ec.isContainerNode()) {
            String c = ec.asText().trim();
            if (!c.isEmpty() && !c.equals("0")) {
                return c;
            }
        }
        JsonNode err = json.get("error");
        if (err != null && err.isTextual() && !err.asText().isBlank()) {
            return err.asText().trim();
        }
        return null;
    }

    private static String providerMessage(JsonNode json, String fallback) {
        for (String f : new String[] {"errmsg", "msg", "message", "error_description"}) {
            String m = text(json, f);
            if (m != null && !m.isBlank()) {
                return m;
            }
        }
        return fallback;
    }

    /** isreal: JSON boolean, a number (non-zero) or the strings "true"/"1". */
    static boolean bool(JsonNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.doubleValue() != 0;
        }
        String s = n.asText().trim().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("1");
    }

    /** An integer sent as a number or a numeric string; null when absent or not a number. */
    static Integer integer(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isTextual()) {
            try {
                return Integer.valueOf(n.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** extproperties: ["k=v", …] (split at the first '='), also accepted as a JSON object. */
    static Map<String, String> ext(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return m;
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
            return m;
        }
        Iterable<JsonNode> items = n.isArray() ? n : List.of(n);
        for (JsonNode item : items) {
            if (item == null || item.isNull() || item.isContainerNode()) {
                continue;
            }
            String s = item.asText();
            int eq = s.indexOf('=');
            String key = (eq < 0 ? s : s.substring(0, eq)).trim();
            if (!key.isEmpty()) {
                m.put(key, eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return m;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
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
