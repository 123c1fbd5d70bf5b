package org.smartproperty.adapter.realestate.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.smartproperty.estate.sync.Batch;
import org.smartproperty.estate.sync.BuildingRecord;
import org.smartproperty.estate.sync.HouseRecord;
import org.smartproperty.estate.sync.MalformedRecord;
import org.smartproperty.estate.sync.OwnerRecord;
import org.smartproperty.estate.sync.ProjectRecord;
import org.smartproperty.estate.sync.RealEstateSource;
import org.smartproperty.estate.sync.RealEstateSourceException;

/**
 * INT-RE over HTTP: {@code GET <baseUrl>/changes?since=&cursor=&size=} answers NDJSON, one record
 * per line ({@code type} project / building / house) and a last line {@code {"type":"end","next":…}}.
 * A line that is not JSON or has wrong types becomes a {@link MalformedRecord}; a page without its
 * end line, a non-200 answer, a timeout or a refused connection is a {@link RealEstateSourceException}.
 */
@Component(service = RealEstateSource.class, configurationPid = "org.smartproperty.adapter.realestate",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RealEstateConfig.class)
public class RealEstateHttpSource implements RealEstateSource {

    private static final int MAX_RAW = 500;

    private final ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private volatile Settings settings;
    private volatile HttpClient http;

    /** @param baseUrl without trailing slash */
    public record Settings(String baseUrl, int pageSize, Duration connectTimeout, Duration requestTimeout) {
    }

    public RealEstateHttpSource() {
    }

    /** Outside OSGi (tests, bench). */
    public RealEstateHttpSource(Settings settings) {
        configure(settings);
    }

    @Activate
    @Modified
    void activate(RealEstateConfig c) {
        configure(new Settings(c.baseUrl(), c.pageSize(), Duration.ofSeconds(Math.max(1, c.connectTimeoutSeconds())),
                Duration.ofSeconds(Math.max(1, c.requestTimeoutSeconds()))));
    }

    private void configure(Settings s) {
        String base = s.baseUrl() == null ? "" : s.baseUrl().trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + s.baseUrl());
        }
        settings = new Settings(base, Math.max(1, Math.min(10_000, s.pageSize())), s.connectTimeout(), s.requestTimeout());
        http = HttpClient.newBuilder().connectTimeout(s.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Batch changes(Instant since, String cursor) {
        Settings s = settings;
        StringBuilder url = new StringBuilder(s.baseUrl()).append("/changes?size=").append(s.pageSize());
        if (since != null) {
            url.append("&since=").append(URLEncoder.encode(since.toString(), StandardCharsets.UTF_8));
        }
        if (cursor != null) {
            url.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(url.toString())).timeout(s.requestTimeout())
                .header("Accept", "application/x-ndjson").GET().build();
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new RealEstateSourceException("real-estate system did not answer within " + s.requestTimeout().toSeconds() + " s (" + s.baseUrl() + ")", e);
        } catch (IOException e) {
            throw new RealEstateSourceException("real-estate system unreachable at " + s.baseUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealEstateSourceException("interrupted while calling the real-estate system", e);
        }
        try (InputStream in = resp.body()) {
            if (resp.statusCode() != 200) {
                String body = new String(in.readNBytes(MAX_RAW), StandardCharsets.UTF_8);
                throw new RealEstateSourceException("real-estate system answered HTTP " + resp.statusCode() + ": " + body);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new RealEstateSourceException("reading the page of changes from " + s.baseUrl() + " failed: " + e, e);
        }
    }

    Batch parse(BufferedReader r) throws IOException {
        List<ProjectRecord> projects = new ArrayList<>();
        List<BuildingRecord> buildings = new ArrayList<>();
        List<HouseRecord> houses = new ArrayList<>();
        List<MalformedRecord> malformed = new ArrayList<>();
        String line;
        boolean ended = false;
        String next = null;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = json.readTree(line);
            } catch (JsonProcessingException e) {
                malformed.add(new MalformedRecord(cut(line), "not JSON: " + e.getOriginalMessage(), null));
                continue;
            }
            if (n == null || !n.isObject()) {
                malformed.add(new MalformedRecord(cut(line), "not a JSON object", null));
                continue;
            }
            String type = text(n, "type");
            if ("end".equals(type)) {
                ended = true;
                next = text(n, "next");
                break;
            }
            Instant at = null;
            try {
                at = instant(n, "changedAt");
                switch (type == null ? "" : type) {
                    case "project" -> projects.add(new ProjectRecord(text(n, "projectCode"), text(n, "name"), text(n, "address"),
                            text(n, "community"), text(n, "adminCode"), dbl(n, "longitude"), dbl(n, "latitude"), text(n, "developer"), at));
                    case "building" -> {
                        List<String> units = new ArrayList<>();
                        JsonNode u = n.get("units");
                        if (u != null && u.isArray()) {
                            u.forEach(x -> units.add(x.asText()));
                        }
                        buildings.add(new BuildingRecord(text(n, "projectCode"), text(n, "number"), text(n, "name"),
                                integer(n, "floorsAbove"), integer(n, "floorsBelow"), units, at));
                    }
                    case "house" -> {
                        List<OwnerRecord> owners = new ArrayList<>();
                        JsonNode os = n.get("owners");
                        if (os != null && os.isArray()) {
                            for (JsonNode o : os) {
                                owners.add(new OwnerRecord(text(o, "idType"), text(o, "idNumber"), text(o, "name"), text(o, "phone"), decimal(o, "share")));
                            }
                        }
                        houses.add(new HouseRecord(text(n, "unitCode"), text(n, "projectCode"), text(n, "buildingNumber"), text(n, "unitName"),
                                integer(n, "floor"), text(n, "roomNo"), text(n, "use"), decimal(n, "plannedArea"), decimal(n, "measuredArea"),
                                text(n, "status"), owners, at));
                    }
                    default -> malformed.add(new MalformedRecord(cut(line), "unknown record type " + type, at));
                }
            } catch (IllegalArgumentException e) {
                malformed.add(new MalformedRecord(cut(line), e.getMessage(), at));
            }
        }
        if (!ended) {
            throw new RealEstateSourceException("page of changes ended without its end line (connection cut?)");
        }
        return new Batch(projects, buildings, houses, malformed, next);
    }

    private static String cut(String s) {
        return s.length() <= MAX_RAW ? s : s.substring(0, MAX_RAW) + "…";
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(f + " is not a value");
        }
        return v.asText();
    }

    private static Integer integer(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(f + " is not an integer");
        }
        return v.intValue();
    }

    private static Double dbl(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(f + " is not a number");
        }
        return v.doubleValue();
    }

    private static BigDecimal decimal(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(f + " is not a number");
        }
    }

    private static Instant instant(JsonNode n, String f) {
        String s = text(n, f);
        if (s == null) {
            throw new IllegalArgumentException(f + " missing");
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(f + " is not an ISO-8601 instant");
        }
    }
}
