package org.smartproperty.estate.internal;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.smartproperty.adapter.realestate.internal.RealEstateHttpSource;
import org.smartproperty.estate.sync.SyncRun;
import org.smartproperty.platform.persistence.Migrations;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.sim.realestate.internal.RealEstateSimulator;

/**
 * Bench (bench/realestate-sync.sh), not a test: starts the simulator with N houses, runs a full
 * INT-RE sync into a scratch PostgreSQL schema through the engine and the HTTP adapter, prints the
 * timing, and writes the simulator's well-formed houses as CSV for the {@code \copy} comparison.
 *
 * <p>System property {@code bench.warmup}: houses of a warm-up sync run first into a schema of its own and not counted
 * (0: the measured sync runs in a cold JVM, its first seconds interpreted and compiled by the JIT on the same two cores).
 *
 * <p>Arguments: houses, schema, csv path, page size (default 5,000). Database: TestDatabase's settings
 * ({@code SPM_TEST_DB_URL}, {@code SPM_TEST_DB_USER}, {@code SPM_TEST_DB_PASSWORD}).
 */
public final class RealEstateSyncBench {

    private RealEstateSyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int houses = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String schema = args.length > 1 ? args[1] : "bench_realestate";
        Path csv = Path.of(args.length > 2 ? args[2] : "target/houses.csv");
        int pageSize = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        int warmup = Integer.getInteger("bench.warmup", 0);
        if (warmup > 0) {
            // a warm JVM, as the platform's own when its scheduler starts a sync: the same code paths (simulator, HTTP,
            // parsing, validating, deciding, COPY) run once on a smaller set into a schema of their own, then dropped
            long w0 = System.nanoTime();
            RealEstateSimulator warm = new RealEstateSimulator(warmup).start("127.0.0.1", 0);
            try (HikariDataSource ds = dataSource(schema + "_warmup")) {
                new RealEstateSyncImpl(ds, null, source(warm, pageSize)).run("bench-warmup");
            } finally {
                warm.stop();
                dropSchema(schema + "_warmup");
            }
            System.out.printf("warm-up: %d houses in %.2f s (not counted)%n", warmup, (System.nanoTime() - w0) / 1e9);
        }
        try (Connection c = DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        RealEstateSimulator sim = new RealEstateSimulator(houses).start("127.0.0.1", 0);
        try (HikariDataSource ds = dataSource(schema)) {
            RealEstateHttpSource source = source(sim, pageSize);
            RealEstateSyncImpl sync = new RealEstateSyncImpl(ds, null, source);
            long t0 = System.nanoTime();
            SyncRun run = sync.run("bench");
            double seconds = (System.nanoTime() - t0) / 1e9;
            long imported = sim.houses() - sim.malformedHouses();
            System.out.printf("sync: status %s, read %d, created %d, updated %d, skipped %d%n", run.status(), run.read(), run.created(),
                    run.updated(), run.skipped());
            System.out.printf("SYNC_HOUSES=%d%nSYNC_SECONDS=%.2f%nSYNC_ROWS_PER_S=%.0f%n", imported, seconds, imported / seconds);
            long t1 = System.nanoTime();
            SyncRun again = sync.run("bench");
            System.out.printf("second run: read %d, created %d, updated %d in %.2f s%n", again.read(), again.created(), again.updated(),
                    (System.nanoTime() - t1) / 1e9);
            // the source alone (simulator, HTTP, parsing), without the database: what the sync cannot be faster than
            long t2 = System.nanoTime();
            long records = 0;
            String cursor = null;
            do {
                org.smartproperty.estate.sync.Batch b = source.changes(null, cursor);
                records += b.size();
                cursor = b.nextCursor();
            } while (cursor != null);
            double sourceSeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf("source alone (simulator + HTTP + NDJSON parsing, no database): %d records in %.2f s%nSOURCE_SECONDS=%.2f%n", records,
                    sourceSeconds, sourceSeconds);
            Files.createDirectories(csv.toAbsolutePath().getParent());
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
                sim.writeCsv(w);
            }
            System.out.println("CSV=" + csv.toAbsolutePath());
        } finally {
            sim.stop();
        }
    }

    /** A pool on {@code schema} (created if missing) with the estate changelog applied. */
    private static HikariDataSource dataSource(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        HikariConfig hc = new HikariConfig();
        String url = TestDatabase.serverUrl();
        hc.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + (Boolean.getBoolean("bench.rewrite") ? "&reWriteBatchedInserts=true" : "")); // production URLs do not set it
        hc.setUsername(TestDatabase.serverUser());
        hc.setPassword(TestDatabase.serverPassword());
        hc.setMaximumPoolSize(4);
        HikariDataSource ds = new HikariDataSource(hc);
        Migrations.migrate(ds, "db/estate.changelog.xml", new ClassLoaderResourceAccessor(RealEstateSyncBench.class.getClassLoader()));
        return ds;
    }

    private static RealEstateHttpSource source(RealEstateSimulator sim, int pageSize) {
        return new RealEstateHttpSource(new RealEstateHttpSource.Settings(sim.baseUri().toString(), pageSize, Duration.ofSeconds(5),
                Duration.ofSeconds(120)));
    }

    private static void dropSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
