package org.smartproperty.itests.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One copy of the ASSEMBLED distribution (its tar.gz, as shipped) run as a child process with its own scripts,
 * for the plain-JUnit integration tests that need real processes (several nodes, SIGKILL): unpacked under a
 * directory of the test's, given free ports, configured by writing {@code etc/*.cfg} as an operator would,
 * started with {@code bin/start}, polled on {@code /api/v1/health/ready}, stopped with {@code bin/stop} or killed
 * with SIGKILL. Hold {@code /tmp/spm-dist.lock} around a run outside Maven (docs/contributing: one Karaf at a time
 * per port set is not needed here, the ports are free ones, but the machine has two cores).
 */
public final class DistributionNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path home;
    private final int httpPort;
    private final Map<String, String> env = new HashMap<>();
    private volatile ProcessHandle karaf;

    private DistributionNode(String name, Path home, int httpPort) {
        this.name = name;
        this.home = home;
        this.httpPort = httpPort;
    }

    /** The distribution's tar.gz, as {@code mvn install} left it (system property {@code spm.distribution} overrides). */
    public static Path tarball() {
        return Path.of(System.getProperty("spm.distribution", "../distribution/target/spm-distribution-0.1.0-SNAPSHOT.tar.gz"));
    }

    /** Unpacks the tarball into {@code into/name} and gives it free HTTP, SSH and JMX ports. */
    public static DistributionNode unpack(String name, Path into) throws Exception {
        Path tar = tarball();
        if (!Files.isRegularFile(tar)) {
            throw new IllegalStateException("the distribution is built first: " + tar.toAbsolutePath());
        }
        Path dir = Files.createDirectories(into.resolve(name));
        exec(dir, List.of("tar", "xzf", tar.toAbsolutePath().toString()), Duration.ofMinutes(2), Map.of());
        Path home;
        try (Stream<Path> s = Files.list(dir)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        DistributionNode n = new DistributionNode(name, home, freePort());
        n.setPort("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", n.httpPort);
        n.setPort("etc/org.apache.karaf.shell.cfg", "sshPort", freePort());
        n.setPort("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort());
        n.setPort("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort());
        n.setPort("etc/org.apache.karaf.management.cfg", "jmxmpPort", freePort());
        n.env.put("JAVA_HOME", System.getProperty("java.home"));
        n.env.put("LANG", "C.UTF-8");
        return n;
    }

    public String name() {
        return name;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    /** {@code http://127.0.0.1:port/api/v1} */
    public String api() {
        return "http://127.0.0.1:" + httpPort + "/api/v1";
    }

    /** An environment variable of the node's scripts (SPM_DB_URL, JAVA_MAX_MEM ...). */
    public DistributionNode env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Writes (or replaces) {@code key = value} in {@code etc/<pid>.cfg}, creating the file when it is not there. */
    public DistributionNode config(String pid, String key, String value) throws IOException {
        Path cfg = home.resolve("etc/" + pid + ".cfg");
        String text = Files.isRegularFile(cfg) ? Files.readString(cfg) : "";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        String line = key + " = " + value;
        text = m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line + "\n";
        Files.writeString(cfg, text);
        return this;
    }

    private void setPort(String file, String key, int port) throws IOException {
        Path cfg = home.resolve(file);
        String text = Files.readString(cfg);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(key + " not in " + cfg);
        }
        Files.writeString(cfg, m.replaceFirst(Matcher.quoteReplacement(key + " = " + port)));
    }

    /** {@code bin/start}; the Karaf process is known from {@code karaf.pid} afterwards. */
    public void start() throws Exception {
        Path pidFile = home.resolve("karaf.pid");
        Files.deleteIfExists(pidFile); // a killed Karaf leaves its own behind
        exec(home, List.of(home.resolve("bin/start").toString()), Duration.ofMinutes(1), env);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.isRegularFile(pidFile) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        karaf = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow(
                () -> new IllegalStateException(name + ": Karaf ended at once; see " + log()));
    }

    /** The Karaf process id, -1 when not started. */
    public long pid() {
        ProcessHandle p = karaf;
        return p == null ? -1 : p.pid();
    }

    public boolean alive() {
        ProcessHandle p = karaf;
        return p != null && p.isAlive();
    }

    /** Polls {@code /health/ready} until 200 (and, with {@code demoData}, until the demo data is complete). */
    public Duration awaitReady(Duration timeout, boolean demoData) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException(name + ": Karaf is not running; see " + log());
            }
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api() + "/health/ready")).timeout(Duration.ofSeconds(5));
                Path token = home.resolve("data/security/health-token");
                if (demoData && Files.isRegularFile(token)) {
                    b.header("X-SPM-Health-Token", Files.readString(token).trim());
                }
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode();
                if (last == 200 && (!demoData || r.body().contains("demo data complete"))) {
                    return Duration.ofNanos(System.nanoTime() - t0);
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + " (last status " + last + "); see " + log());
    }

    /** SIGKILL: no shutdown hook, no orderly close of connections; returns when the process is gone. */
    public void kill() throws Exception {
        ProcessHandle p = karaf;
        if (p != null && p.isAlive()) {
            exec(home, List.of("kill", "-KILL", Long.toString(p.pid())), Duration.ofSeconds(10), Map.of());
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** {@code bin/stop}, waiting for the process to end (SIGKILL after a minute); nothing when not running. */
    public void stop() throws Exception {
        ProcessHandle p = karaf;
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            exec(home, List.of(home.resolve("bin/stop").toString()), Duration.ofMinutes(1), env);
            p.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    public Path log() {
        return home.resolve("data/log/karaf.log");
    }

    // ------------------------------------------------------------------ helpers shared with other process tests

    /** Runs a command to its end (output to files: bin/start leaves Karaf running with the descriptors it was given). */
    public static String exec(Path dir, List<String> command, Duration timeout, Map<String, String> environment) throws Exception {
        Path out = Files.createTempFile("spm-out", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
            for (String k : List.of("SPM_DB_URL", "SPM_DB_USER", "SPM_DB_PASSWORD", "SPM_HOME", "KARAF_DATA")) {
                pb.environment().remove(k);
            }
            pb.environment().putAll(environment);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
