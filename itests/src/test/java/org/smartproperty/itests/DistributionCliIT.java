package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The operator's {@code bin/spm} of the ASSEMBLED distribution as a real child process, started from
 * a working directory outside the installation, as docs/operations.md tells an operator to run it
 * (issue 11 item 1, OPS-3): the platform is started with {@code bin/start} (it creates, migrates and
 * seeds its database) and stopped, then a fresh backup is created, verified and restore-tested — on
 * PostgreSQL ({@code SPM_DB_URL}) and on the embedded default (H2 under {@code data/}, no database
 * settings). Every command must exit 0, the drill must restore every domain's tables, and nothing
 * printed may hold a {@code {0}}-style placeholder.
 *
 * <p>Plain JUnit (no Pax Exam): the distribution's tar.gz is unpacked under {@code target/}, given
 * free ports, and started and stopped with its own scripts; readiness is polled on
 * {@code /api/v1/health/ready}. Run with the other integration tests under
 * {@code flock /tmp/spm-dist.lock} (one Karaf at a time), alone with
 * {@code -Dit.test=DistributionCliIT}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DistributionCliIT {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    static final Duration BOOT = Duration.ofMinutes(4);

    /** One unpacked distribution for both tests (the second boot reuses the bundle cache; the embedded database is new). */
    static Path home;
    static int httpPort;
    Path work;
    final Map<String, String> env = new HashMap<>();
    boolean started;
    String schema;

    /** A fresh copy of the assembled distribution (its tar.gz, as shipped) with free ports. */
    @BeforeClass
    public static void unpack() throws Exception {
        Path tar = Path.of(System.getProperty("spm.distribution", "../distribution/target/spm-distribution-0.1.0-SNAPSHOT.tar.gz"));
        assertTrue("the distribution is built first: " + tar, Files.isRegularFile(tar));
        Path into = Files.createTempDirectory(Files.createDirectories(Path.of("target", "dist-cli")).toAbsolutePath(), "dist-");
        run(into, List.of("tar", "xzf", tar.toAbsolutePath().toString()), Duration.ofMinutes(2), Map.of()).assertOk("tar");
        try (Stream<Path> s = Files.list(into)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        httpPort = freePort();
        port(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", httpPort);
        port(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", freePort());
        port(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", freePort());
        port(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", freePort());
        port(home.resolve("etc/org.apache.karaf.management.cfg"), "jmxmpPort", freePort());
    }

    @AfterClass
    public static void remove() throws Exception {
        if (home != null && !Boolean.getBoolean("spm.it.keep")) {
            deleteTree(home.getParent());
        }
    }

    /** The operator's working directory: outside the installation. */
    @Before
    public void operator() throws Exception {
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "dist-cli")).toAbsolutePath(), "operator-");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LANG", "C.UTF-8"); // the platform and the CLI: UTF-8; the CLI's texts in English below (Chinese checked as well)
    }

    @After
    public void cleanUp() throws Exception {
        try {
            stopPlatform();
        } finally {
            if (schema != null) {
                try (Connection c = postgres(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
            if (!Boolean.getBoolean("spm.it.keep")) {
                deleteTree(work);
            }
        }
    }

    @Test
    public void a_backupCreateVerifyRestoreTestOnPostgresFromAnotherDirectory_OPS_3() throws Exception {
        schema = "dist_cli_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = dbUrl();
        env.put("SPM_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        env.put("SPM_DB_USER", dbUser());
        startPlatform(); // creates and migrates the schema, seeds the demo data
        // as operators do it (issue 11 item 1): the platform keeps running on PostgreSQL while the CLI backs up,
        // verifies and drills beside it (the CLI reaches the database directly)
        backupCycle();
        stopPlatform();
    }

    @Test
    public void b_backupCreateVerifyRestoreTestOnTheEmbeddedDefaultFromAnotherDirectory_OPS_3() throws Exception {
        assertFalse("no embedded database before", Files.exists(home.resolve("data/db/spm.mv.db")));
        startPlatform(); // no database settings: the embedded H2 under data/db
        stopPlatform(); // it holds the database file open
        assertTrue("the platform created its embedded database", Files.isRegularFile(home.resolve("data/db/spm.mv.db")));
        backupCycle();
    }

    /** keygen, create, verify and restore-test from the operator's directory, by relative paths as typed. */
    void backupCycle() throws Exception {
        spm("backup", "keygen", "backup.key").assertOk("keygen");
        Result created = spm("backup", "create", "--to", "backups", "--key-file", "backup.key", "--no-progress");
        created.assertOk("create");
        String archive = created.out.trim();
        assertTrue(created.out, archive.startsWith("backups/") && Files.isRegularFile(work.resolve(archive)));

        Result verified = spm("backup", "verify", archive, "--key-file", "backup.key", "--no-progress");
        verified.assertOk("verify");
        assertTrue(verified.out, verified.out.contains("Archive intact"));

        // as an operator reads it: the table and the summary, in Chinese (the default), whole
        Map<String, String> zh = new HashMap<>(this.env);
        zh.put("LC_ALL", "C.UTF-8");
        Result drill = run(work, command("backup", "restore-test", archive, "--key-file", "backup.key", "--no-progress"), Duration.ofMinutes(3), zh);
        drill.assertOk("restore-test");
        List<String> tables = new ArrayList<>();
        for (String line : drill.out.split("\\R")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length == 4 && !"TABLE".equals(cols[0])) {
                assertEquals(line, "OK", cols[1]);
                tables.add(cols[0]);
            }
        }
        assertTrue(drill.out, drill.out.contains("恢复演练通过：" + tables.size() + " 张表内容一致"));
        // every domain's tables came back, the deadline domain's (changelog org.smartproperty.deadline, bundle
        // org.smartproperty.deadline.impl: the one the drill could not find) among them
        for (String prefix : List.of("sec_", "aud_", "est_", "cmp_", "ocm_", "cpl_", "svc_", "dl_", "ntf_", "plt_")) {
            assertTrue(prefix + " in " + tables, tables.stream().anyMatch(t -> t.startsWith(prefix)));
        }
        String record = Files.readString(work.resolve(archive + ".restore-test.json"));
        assertTrue(record, record.contains("\"ok\" : true"));
    }

    // ------------------------------------------------------------------ the platform

    void startPlatform() throws Exception {
        run(home, List.of(home.resolve("bin/start").toString()), Duration.ofMinutes(1)).assertOk("bin/start");
        started = true;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + BOOT.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    System.out.printf("%6d ms  ready%n", (System.nanoTime() - deadline + BOOT.toNanos()) / 1_000_000);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        fail("the platform did not get ready within " + BOOT + " (last status " + last + "); see " + home.resolve("data/log/karaf.log"));
    }

    /** bin/stop, then waits for the Karaf process to end (killed after a minute). */
    void stopPlatform() throws Exception {
        if (!started) {
            return;
        }
        started = false;
        Path pidFile = home.resolve("karaf.pid");
        ProcessHandle karaf = Files.isRegularFile(pidFile) ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElse(null) : null;
        run(home, List.of(home.resolve("bin/stop").toString()), Duration.ofMinutes(1));
        if (karaf != null) {
            try {
                karaf.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                karaf.destroyForcibly();
                karaf.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    // ------------------------------------------------------------------ child processes

    record Result(int code, String out, String err) {
        void assertOk(String what) {
            assertEquals(what + " exit code\nstdout: " + out + "\nstderr: " + err, 0, code);
        }
    }

    List<String> command(String... args) {
        List<String> c = new ArrayList<>();
        c.add(home.resolve("bin/spm").toString());
        c.addAll(Arrays.asList(args));
        return c;
    }

    /** bin/spm from the operator's working directory; fails on a placeholder in anything it printed. */
    Result spm(String... args) throws Exception {
        Map<String, String> english = new HashMap<>(env);
        english.put("LC_ALL", "en_US.UTF-8");
        return run(work, command(args), Duration.ofMinutes(3), english);
    }

    Result run(Path dir, List<String> command, Duration timeout) throws Exception {
        return run(dir, command, timeout, env);
    }

    /** Output to files, not pipes: bin/start leaves Karaf running with the descriptors it was given. */
    static Result run(Path dir, List<String> command, Duration timeout, Map<String, String> environment) throws Exception {
        Path out = Files.createTempFile("spm-out", ".txt");
        Path err = Files.createTempFile("spm-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("SPM_DB_URL");
            pb.environment().remove("SPM_DB_USER");
            pb.environment().remove("SPM_DB_PASSWORD");
            pb.environment().remove("SPM_HOME");
            pb.environment().remove("KARAF_DATA");
            pb.environment().putAll(environment);
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                fail(command + " did not finish within " + timeout);
            }
            System.out.printf("%6d ms  %s%n", (System.nanoTime() - t0) / 1_000_000,
                    String.join(" ", command.subList(Math.max(0, command.size() > 2 ? 1 : 0), command.size())));
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            for (String text : List.of(r.out, r.err)) {
                Matcher m = PLACEHOLDER.matcher(text);
                if (m.find()) {
                    fail(command + " printed a message without its arguments (" + m.group() + "):\n" + text);
                }
            }
            return r;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    // ------------------------------------------------------------------ helpers

    static String dbUrl() {
        return System.getProperty("spm.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    static String dbUser() {
        return System.getProperty("spm.test.db.user", "postgres");
    }

    static Connection postgres() throws Exception {
        return DriverManager.getConnection(dbUrl(), dbUser(), "");
    }

    static int freePort() throws IOException {
        return org.smartproperty.itests.support.DistributionNode.freePort();
    }

    /** Sets {@code key = port} in a Karaf .cfg file (the line must be there). */
    static void port(Path cfg, String key, int port) throws IOException {
        String text = Files.readString(cfg);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        assertTrue(key + " in " + cfg, m.find());
        Files.writeString(cfg, m.replaceFirst(Matcher.quoteReplacement(key + " = " + port)));
    }

    static void deleteTree(Path dir) throws IOException {
        org.smartproperty.itests.support.DistributionNode.deleteTree(dir);
    }
}
