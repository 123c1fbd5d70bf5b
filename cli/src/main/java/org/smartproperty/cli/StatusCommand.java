package org.smartproperty.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.HealthProbes;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spm status} (OPS-2, OPS-4): the running platform's deep readiness over HTTP (every health
 * check of every bundle) plus what the tool checks itself, so it still answers when the platform
 * is down: the database (reachable, latency, migrations) and the data folder's free space. A
 * platform that answers liveness but not readiness is CRITICAL: alive but not serving.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Deep health of the platform (HTTP readiness) and of its database and disk (direct)")
class StatusCommand extends OpsCommand {

    @Option(names = "--url", description = "Platform base URL (default: $SPM_URL or http://localhost:8181)")
    String url;

    @Option(names = "--no-db", description = "Skip the direct database check")
    boolean noDb;

    @Option(names = "--timeout", description = "Seconds to wait for the readiness probe (default 15)", defaultValue = "15")
    int timeout;

    /** One line of the report. */
    record Line(String source, String name, HealthStatus status, String summary, Map<String, Object> details) {
    }

    @Override
    String command() {
        return "status";
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        String base = url != null ? url : System.getenv().getOrDefault("SPM_URL", "http://localhost:8181");
        List<Line> lines = new ArrayList<>(platform(base));
        if (!noDb) {
            Common.Db db;
            try {
                db = common.db();
                boolean platformUp = lines.stream().anyMatch(l -> l.name().equals("live") && l.status() == HealthStatus.UP);
                if (platformUp && db.url().startsWith("jdbc:h2:") && !db.url().startsWith("jdbc:h2:tcp:")) {
                    // the embedded default is a file the running platform holds open: its own check above speaks for it
                    lines.add(new Line("direct", "database", HealthStatus.UP,
                            "embedded database in use by the running platform (see its database check)", Map.of("url", db.url())));
                } else {
                    lines.add(line("direct", "database", HealthProbes.database(db.dataSource(), 500)));
                }
            } catch (Common.Failure f) {
                lines.add(new Line("direct", "database", null, f.error.message(common.locale), Map.of()));
            }
        }
        Path home = Common.home();
        if (home != null) {
            lines.add(line("direct", "disk", HealthProbes.disk("data", home.resolve("data"), 15, 5)));
        }
        int code = Spm.OK;
        for (Line l : lines) {
            code = Math.max(code, exit(l.status()));
        }
        if (common.json()) {
            ObjectNode env = common.envelope(command(), code);
            for (Line l : lines) {
                ObjectNode r = Common.record(env, "health.check");
                r.put("source", l.source());
                r.put("name", l.name());
                r.put("status", l.status() == null ? "UNKNOWN" : l.status().name());
                r.put("summary", l.summary());
                r.set("details", Common.JSON.valueToTree(l.details()));
            }
            print(out, env);
        } else {
            out.printf("%-8s %-26s %-8s %s%n", "SOURCE", "CHECK", "STATUS", "SUMMARY");
            for (Line l : lines) {
                out.printf("%-8s %-26s %-8s %s%n", l.source(), l.name(), l.status() == null ? "UNKNOWN" : l.status().name(), l.summary());
            }
        }
        return code;
    }

    /** Nagios code of a status (null: could not tell). */
    static int exit(HealthStatus s) {
        if (s == null) {
            return Spm.UNKNOWN;
        }
        return switch (s) {
            case UP -> Spm.OK;
            case WARNING -> Spm.WARNING;
            case DOWN -> Spm.CRITICAL;
        };
    }

    private static Line line(String source, String name, HealthResult r) {
        return new Line(source, name, r.status(), r.summary(), r.details());
    }

    /** Liveness, then readiness with every check; a platform that is alive but not ready in time is DOWN. */
    private List<Line> platform(String base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Line> lines = new ArrayList<>();
        try {
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (live.statusCode() != 200) {
                lines.add(new Line("platform", "live", HealthStatus.DOWN, "liveness answered HTTP " + live.statusCode(), Map.of("url", base)));
                return lines;
            }
        } catch (Exception e) {
            lines.add(new Line("platform", "live", HealthStatus.DOWN, "the platform at " + base + " does not answer (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", Map.of("url", base)));
            return lines;
        }
        lines.add(new Line("platform", "live", HealthStatus.UP, "the platform answers at " + base, Map.of("url", base)));
        try {
            HttpResponse<String> ready = http.send(Common.readiness(base)
                    .timeout(Duration.ofSeconds(timeout)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode doc = Common.JSON.readTree(ready.body());
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("checks").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                HealthStatus s;
                try {
                    s = HealthStatus.valueOf(c.getValue().path("status").asText());
                } catch (IllegalArgumentException e) {
                    s = null;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                JsonNode d = c.getValue().path("details");
                if (d.isObject()) {
                    details.putAll(Common.JSON.convertValue(d, Map.class));
                }
                lines.add(new Line("platform", c.getKey(), s, c.getValue().path("summary").asText(), details));
            }
            if (!doc.path("checks").isObject()) {
                lines.add(new Line("platform", "ready", HealthStatus.DOWN, "readiness answered HTTP " + ready.statusCode() + " without checks", Map.of()));
            }
        } catch (Exception e) {
            lines.add(new Line("platform", "ready", HealthStatus.DOWN,
                    "alive but not serving: no readiness answer within " + timeout + " s (" + e.getClass().getSimpleName() + ")", Map.of()));
        }
        return lines;
    }
}
