package org.smartproperty.adapter.wechat.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.notification.SmsSender.Outcome;
import org.smartproperty.notification.SmsSender.SendResult;
import org.smartproperty.platform.security.IdentityProviderException;
import org.smartproperty.platform.security.WechatSessions;

/**
 * WeChat's server API as the mini program needs it (INT-WX): {@code jscode2session}, {@code stable_token} with a cached
 * token, {@code subscribe/send}. One instance per configuration; thread-safe. Messages name the endpoint, never the query
 * (it holds the secret, the code or the token). The session key of {@code jscode2session} is read past and dropped: it
 * never leaves this class and is never stored.
 */
final class WechatClient {

    static final String SESSION = "/sns/jscode2session";
    static final String STABLE_TOKEN = "/cgi-bin/stable_token";
    static final String SUBSCRIBE_SEND = "/cgi-bin/message/subscribe/send";
    /** The user has not subscribed to the template or refused it: final, never retried. */
    static final int NOT_SUBSCRIBED = 43101;
    static final int TOKEN_INVALID = 40001;
    static final int TOKEN_EXPIRED = 42001;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WechatSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private record Token(String value, Instant renewAt) {
    }
    private volatile Token token;

    WechatClient(WechatSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    WechatSettings settings() {
        return settings;
    }

    /** A failed call: WeChat's errcode (or {@code io} / {@code protocol}) and whether the request surely never reached WeChat. */
    static final class CallFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final String errcode;
        final boolean notSent;

        CallFailure(String errcode, boolean notSent, String message, Throwable cause) {
            super(message, cause);
            this.errcode = errcode;
            this.notSent = notSent;
        }
    }

    // ------------------------------------------------------------------ login

    String openid(String code) throws IdentityProviderException {
        if (code == null || code.isBlank()) {
            throw new IdentityProviderException(WechatSessions.INVALID_CODE, "wechat jscode2session: no code", null);
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("appid", settings.appId());
        q.put("secret", settings.secret());
        q.put("js_code", code);
        q.put("grant_type", "authorization_code");
        JsonNode json;
        try {
            json = call("jscode2session", HttpRequest.newBuilder(URI.create(settings.baseUrl() + SESSION + "?" + query(q))).GET());
        } catch (CallFailure f) {
            throw new IdentityProviderException(f.errcode, f.getMessage(), f.getCause());
        }
        String openid = text(json, "openid");
        if (openid == null || openid.isBlank()) {
            throw new IdentityProviderException("protocol", "wechat jscode2session: answer without openid", null);
        }
        return openid;
    }

    // ------------------------------------------------------------------ access token

    /** The cached token, fetched when absent or within the refresh margin of its expiry; {@code force} asks WeChat for a new one. */
    synchronized String accessToken(boolean force) throws CallFailure {
        Token t = token;
        Instant now = clock.instant();
        if (!force && t != null && now.isBefore(t.renewAt())) {
            return t.value();
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("grant_type", "client_credential");
        body.put("appid", settings.appId());
        body.put("secret", settings.secret());
        if (force) {
            body.put("force_refresh", true);
        }
        JsonNode json = call("stable_token", post(settings.baseUrl() + STABLE_TOKEN, body));
        String value = text(json, "access_token");
        long expiresIn = json.path("expires_in").asLong(0);
        if (value == null || value.isBlank() || expiresIn <= 0) {
            throw new CallFailure("protocol", true, "wechat stable_token: answer without access_token/expires_in", null);
        }
        Instant renew = now.plusSeconds(Math.max(1, expiresIn - settings.refreshMargin().getSeconds()));
        token = new Token(value, renew);
        return value;
    }

    /** When the cached token is renewed, null without one (health details). */
    Instant tokenRenewAt() {
        Token t = token;
        return t == null ? null : t.renewAt();
    }

    // ------------------------------------------------------------------ subscription messages

    /**
     * One subscription message; a token WeChat calls invalid or expired (40001, 42001) is renewed and the send tried once
     * more (WeChat refused the first one, so nothing goes out twice).
     */
    SendResult send(String openid, String templateId, String page, Map<String, String> data) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("touser", openid);
        body.put("template_id", templateId);
        if (page != null && !page.isEmpty()) {
            body.put("page", page);
        }
        ObjectNode d = body.putObject("data");
        data.forEach((k, v) -> d.putObject(k).put("value", v));
        body.put("miniprogram_state", settings.miniprogramState());
        body.put("lang", settings.lang());
        boolean renewed = false;
        while (true) {
            String at;
            try {
                at = accessToken(renewed);
            } catch (CallFailure f) {
                return new SendResult(Outcome.RETRYABLE, null, "token:" + f.errcode, f.getMessage()); // nothing was sent
            }
            try {
                JsonNode json = call("subscribe/send", post(settings.baseUrl() + SUBSCRIBE_SEND + "?access_token="
                        + URLEncoder.encode(at, StandardCharsets.UTF_8), body));
                return SendResult.accepted(json.hasNonNull("msgid") ? json.get("msgid").asText() : null);
            } catch (CallFailure f) {
                int code = intCode(f.errcode);
                if ((code == TOKEN_INVALID || code == TOKEN_EXPIRED) && !renewed) {
                    renewed = true;
                    continue;
                }
                return outcome(f);
            }
        }
    }

    /** How a refused or failed send is recorded: final for a refusal, again later for busy / limits / not sent, unknown otherwise. */
    static SendResult outcome(CallFailure f) {
        int code = intCode(f.errcode);
        Outcome o;
        if (f.errcode.equals("io")) {
            o = f.notSent ? Outcome.RETRYABLE : Outcome.UNKNOWN;
        } else if (f.errcode.startsWith("http-")) {
            o = Outcome.UNKNOWN;
        } else if (f.errcode.equals("protocol")) {
            o = Outcome.UNKNOWN;
        } else if (code == -1 || code == 45009 || code == 45011 || code == TOKEN_INVALID || code == TOKEN_EXPIRED) {
            o = Outcome.RETRYABLE;
        } else {
            o = Outcome.PERMANENT; // 43101 not subscribed, 40003 openid, 40037 template, 47003 data, 41030 page, …
        }
        return new SendResult(o, null, f.errcode, f.getMessage());
    }

    private static int intCode(String errcode) {
        try {
            return Integer.parseInt(errcode);
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    // ------------------------------------------------------------------ HTTP

    private HttpRequest.Builder post(String url, JsonNode body) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends, reads WeChat's JSON; a non-zero errcode, another status, no answer or no JSON object is a {@link CallFailure}. */
    private JsonNode call(String step, HttpRequest.Builder builder) throws CallFailure {
        HttpRequest request = builder.timeout(settings.requestTimeout()).header("Accept", "application/json").build();
        String where = settings.baseUrl() + request.uri().getPath();
        long ms = settings.requestTimeout().toMillis();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = future.get(ms, TimeUnit.MILLISECONDS); // the request timeout ends at the headers; this covers the body
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CallFailure("io", false, "wechat " + step + ": no answer from " + where + " within " + ms + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CallFailure("io", false, "wechat " + step + ": interrupted calling " + where, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            boolean notSent = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
            String what = cause instanceof HttpTimeoutException && !notSent ? "no answer within " + ms + " ms" : cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            throw new CallFailure("io", notSent, "wechat " + step + ": " + where + " " + what, cause);
        }
        if (response.statusCode() != 200) {
            throw new CallFailure("http-" + response.statusCode(), false, "wechat " + step + ": " + where + " answered HTTP " + response.statusCode(), null);
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new CallFailure("protocol", false, "wechat " + step + ": " + where + " answered no JSON object", null);
        }
        JsonNode ec = json.get("errcode");
        if (ec != null && !ec.isNull() && ec.asInt(0) != 0) {
            throw new CallFailure(ec.asText(), false, "wechat " + step + " refused: errcode " + ec.asText() + " " + json.path("errmsg").asText(""), null);
        }
        return json;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }
}
