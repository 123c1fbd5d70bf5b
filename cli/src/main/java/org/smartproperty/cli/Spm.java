package org.smartproperty.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spm}: the operator's tool. Exit codes follow the Nagios convention: 0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN; 64 for bad usage.
 */
@Command(name = "spm", mixinStandardHelpOptions = true, version = "spm 0.1.0",
        description = "SmartProperty operations tool", subcommands = {Spm.Health.class, StatusCommand.class, BackupCommand.class, PasswordsCommand.class, KeysCommand.class, ReportCommand.class, AuditCommand.class, IpCommand.class, JobsCommand.class, CompletionCommand.class,
            picocli.codegen.docgen.manpage.ManPageGenerator.class, CommandLine.HelpCommand.class})
public class Spm {

    static final int OK = 0, WARNING = 1, CRITICAL = 2, UNKNOWN = 3, USAGE = 64;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs one command with its output and errors going to the given writers (null: stdout / stderr). */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Spm());
        // UTF-8 whatever the platform's default: the messages are Chinese by default
        cl.setOut(out != null ? out : new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setErr(err != null ? err : new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setExitCodeExceptionMapper(e -> UNKNOWN);
        // gen-manpage (picocli-codegen) writes the AsciiDoc man pages at build time: not an operator's command
        cl.getSubcommands().get("gen-manpage").getCommandSpec().usageMessage().hidden(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return USAGE;
        });
        return cl.execute(args);
    }

    /** {@code spm health}: renders GET /api/v1/health/ready of the running platform. */
    @Command(name = "health", mixinStandardHelpOptions = true, description = "Readiness of the running platform (database, migrations, bundles)")
    static class Health implements Callable<Integer> {

        @Option(names = "--url", description = "Platform base URL (default: $SPM_URL or http://localhost:8181)")
        String url;

        @Option(names = "--output", description = "table or json", defaultValue = "table")
        String output;

        @Override
        public Integer call() {
            String base = url != null ? url : System.getenv().getOrDefault("SPM_URL", "http://localhost:8181");
            try {
                HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                        Common.readiness(base).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode doc = new ObjectMapper().readTree(r.body());
                if ("json".equals(output)) {
                    System.out.println(doc.toPrettyString());
                } else {
                    System.out.printf("%-12s %-8s %s%n", "CHECK", "STATUS", "SUMMARY");
                    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("checks").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> c = it.next();
                        System.out.printf("%-12s %-8s %s%n", c.getKey(), c.getValue().path("status").asText(), c.getValue().path("summary").asText());
                    }
                }
                return switch (doc.path("status").asText()) {
                    case "UP" -> OK;
                    case "WARNING" -> WARNING;
                    case "DOWN" -> CRITICAL;
                    default -> UNKNOWN;
                };
            } catch (Exception e) {
                System.err.println("UNKNOWN: platform at " + base + " does not answer: " + e.getMessage());
                return UNKNOWN;
            }
        }
    }
}
