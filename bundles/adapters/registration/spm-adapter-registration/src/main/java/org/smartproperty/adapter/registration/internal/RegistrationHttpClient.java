package org.smartproperty.adapter.registration.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.registration.RegistryUnavailableException;
import org.smartproperty.estate.registration.TitleAnswer;
import org.smartproperty.estate.registration.TitleRegistry;

/**
 * INT-REG over REST/JSON: {@code POST <baseUrl>/bdc/api/v1/title/verify} with {@code X-Api-Key}
 * and {@code {"unitCode","idType","idNumber","name"}}; the answer
 * {@code {"code":"0000","queryId":…,"data":{"held",…}}} becomes a {@link TitleAnswer}. A refused
 * connection, a timeout, a non-200 status (5xx, refused key), a code other than {@code 0000} or
 * JSON that is not such an answer is a {@link RegistryUnavailableException}: nothing can be
 * concluded about title from it.
 */
@Component(service = TitleRegistry.class, configurationPid = "org.smartproperty.adapter.registration",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RegistrationConfig.class)
public class RegistrationHttpClient implements TitleRegistry {

    static final String PATH = "/bdc/api/v1/title/verify";
    private static final int MAX_BODY = 300;

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private volatile Settings settings;
    private volatile HttpClient http;

    /** @param baseUrl without trailing slash */
    public record Settings(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout, String source) {
    }

    public RegistrationHttpClient() {
    }

    /** Outside OSGi (tests). */
    public RegistrationHttpClient(Settings settings) {
        configure(settings);
    }

    @Activate
    @Modified
    void activate(RegistrationConfig c) {
        configure(new Settings(c.baseUrl(), c.apiKey(), Duration.ofMillis(Math.max(100, c.connectTimeoutMillis())),
                Duration.ofMillis(Math.max(100, c.requestTimeoutMillis())), c.source()));
    }

    private void configure(Settings s) {
        String base = s.baseUrl() == null ? "" : s.baseUrl().trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + s.baseUrl());
        }
        String source = s.source() == null || s.source().isBlank() ? "ZH-BDC" : s.source().trim();
        settings = new Settings(base, s.apiKey() == null ? "" : s.apiKey().trim(), s.connectTimeout(), s.requestTimeout(), source);
        http = HttpClient.newBuilder().connectTimeout(s.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public TitleAnswer lookup(String unitCode, IdType type, String idNumber, String name) throws RegistryUnavailableException {
        Settings s = settings;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitCode", unitCode);
        body.put("idType", type == null ? null : type.name());
        body.put("idNumber", idNumber);
        body.put("name", name);
        HttpRequest.Builder req;
        try {
            req = HttpRequest.newBuilder(URI.create(s.baseUrl() + PATH)).timeout(s.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!s.apiKey().isEmpty()) {
            req.header("X-Api-Key", s.apiKey());
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new RegistryUnavailableException("registration system did not answer within " + s.requestTimeout().toMillis() + " ms (" + s.baseUrl() + ")", e);
        } catch (IOException e) {
            throw new RegistryUnavailableException("registration system unreachable at " + s.baseUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while calling the registration system", e);
        }
        if (resp.statusCode() != 200) {
            throw new RegistryUnavailableException("registration system answered HTTP " + resp.statusCode() + ": " + cut(resp.body()));
        }
        return parse(resp.body(), s.source());
    }

    /** The answer envelope as a TitleAnswer; anything else is a RegistryUnavailableException. */
    TitleAnswer parse(String raw, String source) throws RegistryUnavailableException {
        JsonNode n;
        try {
            n = json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new RegistryUnavailableException("registration system answered malformed JSON: " + cut(raw), e);
        }
        if (n == null || !n.isObject()) {
            throw new RegistryUnavailableException("registration system answered no JSON object: " + cut(raw));
        }
        String code = text(n, "code");
        if (!"0000".equals(code)) {
            throw new RegistryUnavailableException("registration system refused the query (code " + code + "): " + text(n, "message"));
        }
        JsonNode d = n.get("data");
        JsonNode held = d == null ? null : d.get("held");
        if (d == null || !d.isObject() || held == null || !held.isBoolean()) {
            throw new RegistryUnavailableException("registration system answer without data.held: " + cut(raw));
        }
        String reference = text(n, "queryId");
        if (!held.booleanValue()) {
            String reason = text(d, "reason");
            return TitleAnswer.notHeld(reason == null ? "NOT_OWNER" : reason, source, reference);
        }
        BigDecimal area = decimal(d, "exclusiveArea", raw);
        BigDecimal share = decimal(d, "share", raw);
        String certificate = text(d, "certificateNo");
        String registered = text(d, "registeredOn");
        if (area == null || area.signum() <= 0 || certificate == null || certificate.isBlank()) {
            throw new RegistryUnavailableException("registration system answered a title without area or certificate: " + cut(raw));
        }
        LocalDate on;
        try {
            on = registered == null ? null : LocalDate.parse(registered);
        } catch (DateTimeParseException e) {
            throw new RegistryUnavailableException("registration system answered a malformed registration date: " + registered, e);
        }
        return new TitleAnswer(true, null, area, share == null ? new BigDecimal("100") : share, certificate.trim(), on, source, reference);
    }

    private static BigDecimal decimal(JsonNode n, String f, String raw) throws RegistryUnavailableException {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new RegistryUnavailableException("registration system answered a malformed " + f + ": " + cut(raw), e);
        }
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "…";
    }
}
