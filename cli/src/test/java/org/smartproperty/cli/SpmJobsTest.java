package org.smartproperty.cli;

import static org.smartproperty.cli.CliHarness.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.cli.CliHarness.Result;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 10 item 3 (OPS-2, OPS-4): the real {@code spm jobs list} and {@code spm jobs run NAME} against the job runner's
 * table on PostgreSQL. The runner itself is the platform's (JobEngineContract); here a thread plays the node that takes
 * the requested run.
 */
class SpmJobsTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path tmp;

    static Path config;

    static final Instant LAST = Instant.parse("2026-06-01T02:00:00Z");

    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/platform-jobs.changelog.xml");
        config = CliHarness.dbConfig(tmp.resolve("db.cfg"), db);
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO plt_job (name, schedule, period_seconds, cluster_lock, last_started_at, last_finished_at, last_outcome,"
                        + " last_duration_ms, last_error, last_summary, last_node, next_run_at) VALUES (?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?, 'node-a', ?)")) {
            row(ps, "committee.term-reminders", "every 6h", 21600, "OK", null, "2 committee(s) reminded", Instant.now().plusSeconds(3600));
            row(ps, "deadline.monitor", "every 1min", 60, "FAILED", "java.lang.IllegalStateException: database gone", null,
                    Instant.now().plusSeconds(30));
        }
    }

    static void row(PreparedStatement ps, String name, String schedule, long period, String outcome, String error, String summary, Instant next)
            throws Exception {
        ps.setString(1, name);
        ps.setString(2, schedule);
        ps.setLong(3, period);
        ps.setObject(4, OffsetDateTime.ofInstant(LAST, ZoneOffset.UTC));
        ps.setObject(5, OffsetDateTime.ofInstant(LAST.plusMillis(1234), ZoneOffset.UTC));
        ps.setString(6, outcome);
        ps.setLong(7, 1234);
        ps.setString(8, error);
        ps.setString(9, summary);
        ps.setObject(10, OffsetDateTime.ofInstant(next, ZoneOffset.UTC));
        ps.executeUpdate();
    }

    @Test
    void issue10_item3_OPS2_jobsListShowsLastRunOutcomeAndNextRun_andWarnsOnAFailedJob() throws Exception {
        Result r = spm("jobs", "list", "--config", config.toString());
        assertEquals(1, r.code(), "a failed job is a WARNING\n" + r.out() + r.err());
        assertTrue(r.out().contains("NAME"), r.out());
        assertTrue(r.out().contains("committee.term-reminders") && r.out().contains("every 6h") && r.out().contains("2026-06-01 02:00:00")
                && r.out().contains("1234 ms") && r.out().contains("2 committee(s) reminded"), r.out());
        assertTrue(r.out().contains("FAILED") && r.out().contains("database gone"), r.out());

        Result j = spm("jobs", "list", "--output", "json", "--config", config.toString());
        assertEquals(1, j.code(), j.out());
        JsonNode env = j.json();
        assertEquals("jobs list", env.get("command").asText());
        assertEquals(2, env.get("records").size());
        JsonNode first = env.get("records").get(0);
        assertEquals("job", first.get("type").asText());
        assertEquals("committee.term-reminders", first.get("name").asText());
        assertEquals("OK", first.get("lastOutcome").asText());
        assertEquals(LAST.toString(), Instant.parse(first.get("lastStartedAt").asText()).toString());
        assertEquals(1234, first.get("lastDurationMs").asLong());
        assertNotNull(first.get("nextRunAt").asText());
        assertEquals("FAILED", env.get("records").get(1).get("lastOutcome").asText());
    }

    @Test
    void issue10_item3_OPS4_jobsRunRequestsARunThatARunnerTakes() throws Exception {
        Result unknown = spm("jobs", "run", "no.such-job", "--config", config.toString());
        assertEquals(64, unknown.code(), unknown.out() + unknown.err());

        Result r = spm("jobs", "run", "committee.term-reminders", "--config", config.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("committee.term-reminders"), r.out());
        assertEquals(1, db.strings("SELECT name FROM plt_job WHERE run_requested_at IS NOT NULL").size(), "the request is in the table");

        // a node's runner: takes the next request, runs, records the run and clears the request
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE plt_job SET run_requested_at = NULL")) {
            ps.executeUpdate();
        }
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread node = new Thread(() -> {
            try {
                long end = System.nanoTime() + 20_000_000_000L;
                while (db.strings("SELECT name FROM plt_job WHERE run_requested_at IS NOT NULL").isEmpty() && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                Thread.sleep(300);
                Instant now = Instant.now();
                try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                        "UPDATE plt_job SET run_requested_at = NULL, last_started_at = ?, last_finished_at = ?, last_outcome = 'OK',"
                                + " last_duration_ms = 5, last_summary = '0 committee(s) reminded', last_node = 'node-b' WHERE name = ?")) {
                    ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    ps.setObject(2, OffsetDateTime.ofInstant(now.plusMillis(5), ZoneOffset.UTC));
                    ps.setString(3, "committee.term-reminders");
                    ps.executeUpdate();
                }
            } catch (Exception e) {
                failed.set(e);
            }
        });
        node.start();
        Result waited = spm("jobs", "run", "--wait", "20", "--output", "json", "committee.term-reminders", "--config", config.toString());
        node.join(20_000);
        assertEquals(null, failed.get());
        assertEquals(0, waited.code(), waited.out() + waited.err());
        JsonNode rec = waited.json().get("records").get(0);
        assertEquals("OK", rec.get("lastOutcome").asText());
        assertEquals("node-b", rec.get("lastNode").asText());
        assertTrue(rec.get("message").asText().contains("node-b"), rec.toString());
        assertTrue(db.strings("SELECT name FROM plt_job WHERE run_requested_at IS NOT NULL").isEmpty());
    }
}
