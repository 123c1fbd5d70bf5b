package org.smartproperty.platform.pgcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A throwaway PostgreSQL cluster for fault tests (issue 19 item 2): {@code initdb} into a temporary
 * folder, then {@code pg_ctl} to start, restart ({@code -m fast}), stop and promote it, and
 * {@code pg_basebackup -R} for a streaming standby on another free port. Only the JDK is needed; SQL
 * goes through {@code psql} so that the helper carries no JDBC driver.
 * <pre>
 * try (PgCluster primary = PgCluster.create().start()) {
 *     primary.createDatabase("spm");
 *     String url = primary.jdbcUrl("spm");          // jdbc:postgresql://127.0.0.1:PORT/spm, user postgres, trust
 *     primary.restart();                            // pg_ctl restart -m fast
 *     PgCluster standby = primary.createStandby();  // pg_basebackup -R, started, streaming
 *     String both = PgCluster.multiHostUrl("spm", primary, standby);   // …?targetServerType=primary
 *     primary.stop();
 *     standby.promote();                            // pg_ctl promote (waits until it takes writes)
 * }                                                 // close(): stops every cluster made here, deletes the folders
 * </pre>
 * The binaries come from {@code -Dspm.test.pg.bin} / {@code SPM_TEST_PG_BIN}, else
 * {@code /usr/lib/postgresql/15/bin}. When the process runs as root (this machine and CI), every
 * PostgreSQL program runs as the {@code postgres} account through {@code runuser -u postgres --}
 * and the folders are given to that account. Authentication is {@code trust} for user
 * {@code postgres}, on 127.0.0.1 only. {@code fsync} is off: a fast or immediate stop keeps every
 * committed transaction (the operating system does not crash), which is what restart tests need.
 * A shutdown hook stops the clusters still running if the JVM ends without {@link #close()}; a JVM killed with
 * SIGKILL leaves them running: {@code pg_ctl -D /tmp/spm-pg-…/data stop -m immediate} (as postgres) and remove the folder.
 * The folders are {@code spm-pg-*} and {@code spm-pg-standby-*} under {@code java.io.tmpdir}; the server log is
 * {@link #logFile()}.
 */
public final class PgCluster implements AutoCloseable {

    /** The database superuser of the cluster (trust authentication). */
    public static final String USER = "postgres";

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path base;
    private final Path data;
    private final Path log;
    private final int port;
    private final List<PgCluster> standbys = new ArrayList<>();
    private final Thread hook;
    private volatile boolean running;
    private volatile boolean closed;

    private PgCluster(Path base, int port) {
        this.base = base;
        this.data = base.resolve("data");
        this.log = base.resolve("postgresql.log");
        this.port = port;
        this.hook = new Thread(this::stopQuietly, "pg-cluster-" + port + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    // ------------------------------------------------------------------ availability

    /** The folder of initdb, pg_ctl, pg_basebackup and psql. */
    public static Path binDir() {
        String v = System.getProperty("spm.test.pg.bin");
        if (v == null || v.isBlank()) {
            v = System.getenv("SPM_TEST_PG_BIN");
        }
        return Path.of(v == null || v.isBlank() ? "/usr/lib/postgresql/15/bin" : v);
    }

    /** True when {@code initdb} is there to run; tests skip with {@link #unavailableReason()} otherwise. */
    public static boolean available() {
        return Files.isExecutable(binDir().resolve("initdb")) && Files.isExecutable(binDir().resolve("pg_ctl"));
    }

    /** Why {@link #available()} is false, for an explicit skip message. */
    public static String unavailableReason() {
        return "no PostgreSQL server binaries (initdb, pg_ctl) in " + binDir()
                + " (set -Dspm.test.pg.bin or SPM_TEST_PG_BIN to their folder, e.g. /usr/lib/postgresql/15/bin)";
    }

    // ------------------------------------------------------------------ life cycle

    /** A new cluster, initialised ({@code initdb}, on a free port) but not started: {@code PgCluster.create().start()}. */
    public static PgCluster create() {
        Path base = tempDir("spm-pg-");
        PgCluster c = new PgCluster(base, freePort());
        c.run(List.of(bin("initdb"), "-D", c.data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
        c.appendConf("""
                # spm-platform-pgcluster (throwaway test cluster)
                listen_addresses = '127.0.0.1'
                fsync = off
                full_page_writes = off
                max_connections = 100
                wal_level = replica
                max_wal_senders = 5
                hot_standby = on
                wal_keep_size = '64MB'
                log_min_messages = warning
                """);
        return c;
    }

    /** Starts this (stopped) cluster ({@code pg_ctl start -w}) and waits until it accepts connections; returns this. */
    public PgCluster start() {
        check();
        run(List.of(bin("pg_ctl"), "-D", data.toString(), "-o", serverOptions(), "-l", log.toString(), "-w", "-t", "60", "start"));
        running = true;
        return this;
    }

    /** {@code pg_ctl restart -m fast}: every session is cut, the server comes back on the same port. */
    public void restart() {
        restart("fast");
    }

    /** {@code pg_ctl restart -m MODE} (smart, fast or immediate). */
    public void restart(String mode) {
        check();
        run(List.of(bin("pg_ctl"), "-D", data.toString(), "-o", serverOptions(), "-l", log.toString(), "-m", mode, "-w", "-t", "60", "restart"));
        running = true;
    }

    /** {@code pg_ctl stop -m fast}. */
    public void stop() {
        stop("fast");
    }

    /** {@code pg_ctl stop -m MODE}; {@code immediate} is a crash of the server processes (recovery at the next start). */
    public void stop(String mode) {
        if (!running) {
            return;
        }
        run(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", mode, "-w", "-t", "60", "stop"));
        running = false;
    }

    /**
     * A streaming standby of this (running) cluster: {@code pg_basebackup -R -X stream} into a new
     * folder with a physical replication slot of its own ({@code -C -S}), started on another free port;
     * it replays this cluster's WAL until {@link #promote()}. The slot makes this cluster keep every WAL
     * segment the standby has not received yet: without it a standby that falls more than
     * {@code wal_keep_size} behind (a busy machine, a bulk load) loses its stream for good and a later
     * promotion comes up with old data. Closed with this cluster.
     */
    public PgCluster createStandby() {
        check();
        Path sbase = tempDir("spm-pg-standby-");
        PgCluster s = new PgCluster(sbase, freePort());
        standbys.add(s);
        s.run(List.of(bin("pg_basebackup"), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER,
                "-D", s.data.toString(), "-R", "-X", "stream", "-C", "-S", "spm_standby_" + s.port, "--no-sync", "-c", "fast"));
        return s.start();
    }

    /**
     * Waits until this standby has replayed everything its primary had written when called ({@code pg_current_wal_lsn()}
     * on {@code primary} against {@code pg_last_wal_replay_lsn()} here), as an operator checks {@code pg_stat_replication}
     * before a planned switch-over; fails after {@code timeout}.
     */
    public void awaitCaughtUp(PgCluster primary, Duration timeout) {
        String target = primary.psql("postgres", "SELECT pg_current_wal_lsn()").strip();
        long end = System.nanoTime() + timeout.toNanos();
        while (!"t".equals(psql("postgres", "SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn").strip())) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("standby on port " + port + " has not replayed " + target + " within " + timeout
                        + "; replay at " + psql("postgres", "SELECT pg_last_wal_replay_lsn()").strip() + "; log " + log);
            }
            sleep(100);
        }
    }

    /** {@code pg_ctl promote} on this standby; returns once it has left recovery and takes writes. */
    public void promote() {
        check();
        run(List.of(bin("pg_ctl"), "-D", data.toString(), "-w", "-t", "60", "promote"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inRecovery()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("standby on port " + port + " still in recovery 30 s after pg_ctl promote; log " + log);
            }
            sleep(50);
        }
    }

    /** {@code SELECT pg_is_in_recovery()}: true on a standby. */
    public boolean inRecovery() {
        return "t".equals(psql("postgres", "SELECT pg_is_in_recovery()").strip());
    }

    /** Stops this cluster and its standbys (immediate) and deletes their folders. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (PgCluster s : standbys) {
            s.close();
        }
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        deleteTree(base);
    }

    private void stopQuietly() {
        if (running) {
            try {
                stop("immediate");
            } catch (RuntimeException e) {
                System.err.println("PgCluster: could not stop the cluster on port " + port + ": " + e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ addresses and SQL

    public int port() {
        return port;
    }

    public boolean running() {
        return running;
    }

    /** The data folder (PGDATA). */
    public Path dataDir() {
        return data;
    }

    /** The server's log file ({@code pg_ctl -l}). */
    public Path logFile() {
        return log;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/DB}; user {@link #USER}, no password. */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    /**
     * One URL over several clusters for the pgjdbc driver: {@code jdbc:postgresql://127.0.0.1:P1,127.0.0.1:P2/DB?targetServerType=primary}:
     * each new connection goes to whichever of them is the primary now.
     */
    public static String multiHostUrl(String db, PgCluster... clusters) {
        String hosts = java.util.Arrays.stream(clusters).map(c -> "127.0.0.1:" + c.port).collect(Collectors.joining(","));
        return "jdbc:postgresql://" + hosts + "/" + db + "?targetServerType=primary";
    }

    /** {@code CREATE DATABASE name}. */
    public void createDatabase(String name) {
        psql("postgres", "CREATE DATABASE \"" + name.replace("\"", "") + "\"");
    }

    /** Runs {@code sql} with psql on database {@code db} and returns what it printed (unaligned, tuples only). */
    public String psql(String db, String sql) {
        check();
        return run(List.of(bin("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", USER, "-d", db, "-c", sql));
    }

    @Override
    public String toString() {
        return "PgCluster[port=" + port + ", data=" + data + (running ? ", running" : ", stopped") + "]";
    }

    // ------------------------------------------------------------------ internals

    private String serverOptions() {
        // the socket in the cluster's own folder: never the system cluster's /var/run/postgresql
        return "-p " + port + " -k " + base;
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("PgCluster on port " + port + " is closed");
        }
    }

    private void appendConf(String text) {
        Path conf = data.resolve("postgresql.conf");
        try {
            Files.writeString(conf, Files.readString(conf) + "\n" + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bin(String program) {
        return binDir().resolve(program).toString();
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a PostgreSQL program (as postgres when we are root); its output, or an exception with it. */
    private String run(List<String> command) {
        List<String> cmd = new ArrayList<>();
        if (root()) {
            cmd.addAll(List.of("runuser", "-u", USER, "--"));
        }
        cmd.addAll(command);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(base.toFile()).redirectErrorStream(true);
            pb.environment().remove("PGDATA");
            pb.environment().remove("PGPORT");
            pb.environment().remove("PGHOST");
            Process p = pb.start();
            p.getOutputStream().close();
            // pg_ctl start leaves the server running with our pipe closed: it logs to -l, not to us
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit " + p.exitValue() + " of " + String.join(" ", command) + ":\n" + text + tail());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private String tail() {
        try {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                return "\n-- last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            }
        } catch (IOException ignored) {
            // best effort
        }
        return "";
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            if (root()) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                UserPrincipal owner = users.lookupPrincipalByName(USER);
                PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
                view.setOwner(owner);
                try {
                    GroupPrincipal group = users.lookupPrincipalByGroupName(USER);
                    view.setGroup(group);
                } catch (IOException noGroup) {
                    // the owner is what matters
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("PgCluster: could not delete " + dir + ": " + e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
