package org.smartproperty.itests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The short soak of issue 19 item 3, callable from a plain JUnit test: runs the Gatling simulation of {@code bench/soak}
 * ({@code org.smartproperty.bench.soak.MixedWorkloadSimulation}: public and staff reads, logins, complaints and repairs
 * through their transitions, photo uploads, at a steady open-model rate) against a running platform, in a <b>child JVM</b>
 * ({@code java -cp bench/soak/target/classes:<Gatling's classpath> io.gatling.app.Gatling -s …}), so that Gatling, Scala,
 * Netty and Gatling's Jackson never enter the itests classpath (Pax Exam, the platform's Jackson). While it runs, it can
 * sample the platform's processes with {@code bench/lib/soak-sampler.sh} (heap after a full GC, threads, open file
 * descriptors, RSS, the database's connections) and return that script's verdict.
 *
 * <p>The classpath is the one {@code mvn -f bench/soak/pom.xml package} writes to
 * {@code bench/soak/target/soak-classpath.txt} (dependency:build-classpath; the module is part of the root reactor, so the
 * suite's {@code mvn install} builds it). When it is missing the runner builds the module itself, offline first
 * ({@code mvn -B -q -o -f bench/soak/pom.xml package -DskipTests}), then online. Nothing is downloaded at run time.
 *
 * <pre>{@code
 * SoakRunner.Result r = SoakRunner.against("http://127.0.0.1:8080/api/v1")   // the balancer, or a node
 *         .rate(8).duration(Duration.ofSeconds(90))                           // 8 requests/s for 90 s
 *         .sample(pidOfNode1).sample(pidOfNode2)                              // optional: resources of each JVM
 *         .database("spm_it_cluster").maxConnections(20)                      // the nodes' database, 2 pools of 10
 *         .sampleEvery(Duration.ofSeconds(10))
 *         .run();
 * assertEquals(r.describe(), 0, r.status5xx());
 * assertEquals(r.describe(), 0, r.failures());        // no 4xx/5xx, no request without an answer
 * assertTrue(r.describe(), r.p95Millis() < 1000);
 * assertTrue(r.describe(), r.resourcesFlat());         // every sampled node: heap after GC, threads, fds flat; connections ≤ max
 * }</pre>
 *
 * Sampling needs {@code jcmd} (the JDK running the test) and {@code psql} on the PATH, and the right to attach to the pids
 * (same user); psql reaches PostgreSQL through {@code PGHOST}/{@code PGPORT}/{@code PGUSER}, taken from the system property
 * {@code spm.test.db.url} ({@code jdbc:postgresql://127.0.0.1:5432/test} by default) and {@code spm.test.db.user}
 * ({@code postgres}). With a short run, sample every 5–10 s so that each third has samples; the thresholds and the warm-up are
 * the script's ({@code SOAK_*} variables, see bench/lib/soak-sampler.sh) and can be passed with {@link Builder#env}.
 * The repository root is found upwards from the working directory (the folder holding {@code bench/soak/pom.xml}) or given
 * with the system property {@code spm.repo.root}. Results, Gatling's log and HTML report, samples and verdicts go to
 * {@link Builder#workDir} (default {@code target/soak-<millis>} of the working directory).
 */
public final class SoakRunner {

    private SoakRunner() {
    }

    /** A run against {@code baseUrl}, the API root ({@code http://host:port/api/v1}). */
    public static Builder against(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** Options of one run; {@link #run()} blocks until Gatling and the samplers are done. */
    public static final class Builder {
        private final String baseUrl;
        private double rate = 8;
        private Duration duration = Duration.ofSeconds(90);
        private int p95Millis = 1000;
        private final List<Long> pids = new ArrayList<>();
        private String database;
        private int maxConnections = 10;
        private Duration sampleEvery = Duration.ofSeconds(10);
        private Path workDir;
        private Path repoRoot;
        private String javaOptions = "-Xmx512m";
        private final Map<String, String> env = new LinkedHashMap<>();

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** Requests per second of the whole mix (default 8). */
        public Builder rate(double requestsPerSecond) {
            this.rate = requestsPerSecond;
            return this;
        }

        /** How long new users arrive (default 90 s); journeys under way then finish (at most 2 minutes more). */
        public Builder duration(Duration d) {
            this.duration = d;
            return this;
        }

        /** The bound of Gatling's p95 assertion (default 1000 ms): above it Gatling's exit code is non-zero. */
        public Builder p95Millis(int millis) {
            this.p95Millis = millis;
            return this;
        }

        /** Samples this JVM (a node's Karaf) during the run; may be called once per node. */
        public Builder sample(long pid) {
            pids.add(pid);
            return this;
        }

        /** The nodes' database, whose connections (pg_stat_activity) are sampled. */
        public Builder database(String name) {
            this.database = name;
            return this;
        }

        /** The most connections the database may have at any sample (default 10: one node's pool). */
        public Builder maxConnections(int max) {
            this.maxConnections = max;
            return this;
        }

        /** The sampling interval (default 10 s). */
        public Builder sampleEvery(Duration d) {
            this.sampleEvery = d;
            return this;
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public Builder repoRoot(Path root) {
            this.repoRoot = root;
            return this;
        }

        /** Options of Gatling's JVM (default -Xmx512m), split on spaces. */
        public Builder javaOptions(String options) {
            this.javaOptions = options;
            return this;
        }

        /** An environment variable of the child processes, e.g. {@code SOAK_WARMUP_SAMPLES} or {@code SOAK_FDS_GROWTH}. */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Result run() throws IOException, InterruptedException {
            Path root = repoRoot != null ? repoRoot : findRoot();
            Path dir = (workDir != null ? workDir : Path.of("target", "soak-" + System.currentTimeMillis())).toAbsolutePath();
            Files.createDirectories(dir.resolve("gatling"));
            String classpath = classpath(root, dir);
            Path sampler = root.resolve("bench/lib/soak-sampler.sh");

            List<Process> samplers = new ArrayList<>();
            List<Path> csvs = new ArrayList<>();
            if (!pids.isEmpty() && database == null) {
                throw new IllegalArgumentException("sampling needs the database's name (database(...))");
            }
            for (long pid : pids) {
                Path csv = dir.resolve("samples-" + pid + ".csv");
                csvs.add(csv);
                samplers.add(start(List.of("bash", sampler.toString(), "sample", Long.toString(pid), database, csv.toString(),
                        Long.toString(Math.max(1, sampleEvery.toSeconds()))), dir.resolve("sampler-" + pid + ".log")));
            }

            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String o : javaOptions.trim().split("\\s+")) {
                if (!o.isEmpty()) {
                    cmd.add(o);
                }
            }
            Path summary = dir.resolve("summary.json");
            // Gatling's own JVM options (those its Maven plugin passes): its log writer needs java.lang opened
            cmd.addAll(List.of("-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"));
            cmd.addAll(List.of("-cp", classpath,
                    "-Dsoak.baseUrl=" + baseUrl, "-Dsoak.rate=" + rate, "-Dsoak.duration=" + duration.toSeconds(),
                    "-Dsoak.p95Millis=" + p95Millis, "-Dsoak.summary=" + summary,
                    "io.gatling.app.Gatling", "-s", "org.smartproperty.bench.soak.MixedWorkloadSimulation",
                    "-rf", dir.resolve("gatling").toString()));
            Path log = dir.resolve("gatling.log");
            Process gatling = start(cmd, log);
            long limit = duration.toSeconds() + 300;
            if (!gatling.waitFor(limit, TimeUnit.SECONDS)) {
                gatling.destroyForcibly();
                gatling.waitFor(30, TimeUnit.SECONDS);
            }
            int gatlingExit = gatling.isAlive() ? -1 : gatling.exitValue();

            for (Process p : samplers) {
                p.destroy(); // SIGTERM: the sampler finishes its current sample and stops
            }
            for (Process p : samplers) {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            List<NodeResources> nodes = new ArrayList<>();
            for (int i = 0; i < pids.size(); i++) {
                Path out = dir.resolve("verdict-" + pids.get(i) + ".txt");
                Process v = start(List.of("bash", sampler.toString(), "verdict", csvs.get(i).toString(), Integer.toString(maxConnections)), out);
                v.waitFor(60, TimeUnit.SECONDS);
                Map<String, String> values = new LinkedHashMap<>();
                for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        values.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
                nodes.add(new NodeResources(pids.get(i), csvs.get(i), v.isAlive() ? -1 : v.exitValue(), values));
            }
            return Result.read(gatlingExit, summary, log, dir, nodes);
        }

        private Process start(List<String> cmd, Path log) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(pgEnvironment());
            pb.environment().putAll(env);
            return pb.start();
        }

        private static Map<String, String> pgEnvironment() {
            String url = System.getProperty("spm.test.db.url", "");
            if (url.isBlank() || url.startsWith("${")) {
                url = "jdbc:postgresql://127.0.0.1:5432/test";
            }
            String hostPort = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[/?].*$", "").replaceFirst(",.*$", "");
            String user = System.getProperty("spm.test.db.user", "");
            Map<String, String> m = new LinkedHashMap<>();
            int colon = hostPort.lastIndexOf(':');
            m.put("PGHOST", colon > 0 ? hostPort.substring(0, colon) : hostPort);
            m.put("PGPORT", colon > 0 ? hostPort.substring(colon + 1) : "5432");
            m.put("PGUSER", user.isBlank() || user.startsWith("${") ? "postgres" : user);
            return m;
        }

        private String classpath(Path root, Path dir) throws IOException, InterruptedException {
            Path module = root.resolve("bench/soak");
            Path cpFile = module.resolve("target/soak-classpath.txt");
            Path classes = module.resolve("target/classes");
            if (!Files.isRegularFile(cpFile) || !Files.isRegularFile(classes.resolve("org/smartproperty/bench/soak/MixedWorkloadSimulation.class"))) {
                for (boolean offline : new boolean[] {true, false}) {
                    List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-q"));
                    if (offline) {
                        mvn.add("-o");
                    }
                    mvn.addAll(List.of("-f", module.resolve("pom.xml").toString(), "package", "-DskipTests"));
                    Process p = start(mvn, dir.resolve(offline ? "build-offline.log" : "build.log"));
                    if (p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        break;
                    }
                    p.destroyForcibly();
                }
                if (!Files.isRegularFile(cpFile)) {
                    throw new IllegalStateException("could not build bench/soak: see " + dir.resolve("build.log"));
                }
            }
            return classes + java.io.File.pathSeparator + Files.readString(cpFile, StandardCharsets.UTF_8).trim();
        }

        private static Path findRoot() {
            String given = System.getProperty("spm.repo.root");
            if (given != null && !given.isBlank()) {
                return Path.of(given).toAbsolutePath();
            }
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("bench/soak/pom.xml"))) {
                    return p;
                }
            }
            throw new IllegalStateException("no bench/soak/pom.xml above " + Path.of("").toAbsolutePath() + " (set -Dspm.repo.root)");
        }
    }

    /** One sampled JVM: its samples, the verdict script's exit code (0 flat, 1 grew, 2 too few samples) and its figures. */
    public record NodeResources(long pid, Path samples, int verdictExit, Map<String, String> figures) {
        public boolean flat() {
            return verdictExit == 0;
        }
    }

    /**
     * What a run gave: Gatling's exit code (0 when its assertions held: no KO at all and p95 under the bound), the
     * simulation's own counts (requests sent, answered, without an answer, by status), its percentiles over every answer,
     * and each sampled node's resources.
     */
    public record Result(int gatlingExit, long sent, long answered, long noAnswer, long status4xx, long status5xx,
                         Map<String, Long> statuses, long p50Millis, long p95Millis, long p99Millis, long maxMillis,
                         List<NodeResources> resources, Path dir, String gatlingTail) {

        static Result read(int exit, Path summary, Path log, Path dir, List<NodeResources> nodes) throws IOException {
            String tail = tail(log);
            if (!Files.isRegularFile(summary)) {
                return new Result(exit, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, nodes, dir, tail);
            }
            JsonNode s = new ObjectMapper().readTree(summary.toFile());
            Map<String, Long> statuses = new TreeMap<>();
            s.path("statuses").properties().forEach(e -> statuses.put(e.getKey(), e.getValue().asLong()));
            return new Result(exit, s.path("sent").asLong(), s.path("answered").asLong(), s.path("noAnswer").asLong(),
                    s.path("status4xx").asLong(), s.path("status5xx").asLong(), Collections.unmodifiableMap(statuses),
                    s.path("p50Millis").asLong(), s.path("p95Millis").asLong(), s.path("p99Millis").asLong(), s.path("maxMillis").asLong(),
                    List.copyOf(nodes), dir, tail);
        }

        private static String tail(Path log) throws IOException {
            if (!Files.isRegularFile(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        /** Answers that were not 2xx plus requests without an answer (connection refused or reset, timeout). */
        public long failures() {
            long non2xx = statuses.entrySet().stream().filter(e -> !e.getKey().startsWith("2")).mapToLong(Map.Entry::getValue).sum();
            return non2xx + noAnswer;
        }

        /** Gatling's assertions held (exit code 0). */
        public boolean assertionsHeld() {
            return gatlingExit == 0;
        }

        /** Every sampled node's verdict is flat (true when nothing was sampled). */
        public boolean resourcesFlat() {
            return resources.stream().allMatch(NodeResources::flat);
        }

        /** A few lines for an assertion message. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("soak: %d sent, %d answered, %d without answer, statuses %s, p50/p95/p99/max %d/%d/%d/%d ms, gatling exit %d, in %s",
                    sent, answered, noAnswer, statuses, p50Millis, p95Millis, p99Millis, maxMillis, gatlingExit, dir));
            for (NodeResources n : resources) {
                b.append("\n  pid ").append(n.pid()).append(n.flat() ? " flat " : " NOT FLAT ").append(n.figures());
            }
            if (gatlingExit != 0) {
                b.append("\n").append(gatlingTail);
            }
            return b.toString();
        }
    }
}
