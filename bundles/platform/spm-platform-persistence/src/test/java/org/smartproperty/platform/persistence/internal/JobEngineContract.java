package org.smartproperty.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobContext;
import org.smartproperty.platform.JobOutcome;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.JobStatus;
import org.smartproperty.platform.JobTable;

/** The job runner (issue 10 item 3, OPS-2/OPS-4) on one database engine; subclasses pick PostgreSQL or H2. */
abstract class JobEngineContract {

    abstract DataSource ds();

    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-06-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    static Job job(String name, JobSchedule schedule, Work work) {
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public JobSchedule schedule() {
                return schedule;
            }

            @Override
            public String run(JobContext context) throws Exception {
                return work.run(context);
            }
        };
    }

    interface Work {
        String run(JobContext c) throws Exception;
    }

    JobEngine engine(Clock clock, String node) {
        return new JobEngine(ds(), clock, node, 2, Duration.ofSeconds(5));
    }

    @Test
    void issue10_item3_twoRunnersOnOneDatabaseNeverRunAJobConcurrently() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        Work work = c -> {
            int n = inside.incrementAndGet();
            maxInside.accumulateAndGet(n, Math::max);
            try {
                Thread.sleep(150);
            } finally {
                inside.decrementAndGet();
            }
            runs.incrementAndGet();
            return "slept";
        };
        MutableClock clock = new MutableClock();
        JobEngine a = engine(clock, "node-a");
        JobEngine b = engine(clock, "node-b");
        a.add(job("test.concurrent", JobSchedule.every(Duration.ofMinutes(1)), work));
        b.add(job("test.concurrent", JobSchedule.every(Duration.ofMinutes(1)), work));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JobStatus>> results = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                JobEngine e = i % 2 == 0 ? a : b;
                results.add(pool.submit(() -> {
                    go.await();
                    return e.runNow("test.concurrent").orElseThrow();
                }));
            }
            go.countDown();
            int skipped = 0;
            for (Future<JobStatus> f : results) {
                if (f.get(30, TimeUnit.SECONDS).lastOutcome() == JobOutcome.SKIPPED) {
                    skipped++;
                }
            }
            assertEquals(1, maxInside.get(), "never two runs of one job at once");
            assertTrue(skipped > 0, "the runner that found the lock taken skipped");
            assertEquals(8 - skipped, runs.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void issue10_item3_aSlotRunByOneNodeIsNotRunAgainByTheOther() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        MutableClock clock = new MutableClock();
        JobEngine a = engine(clock, "node-a");
        JobEngine b = engine(clock, "node-b");
        a.add(job("test.slot", JobSchedule.every(Duration.ofMinutes(10)), c -> "run " + runs.incrementAndGet()));
        b.add(job("test.slot", JobSchedule.every(Duration.ofMinutes(10)), c -> "run " + runs.incrementAndGet()));
        clock.advance(Duration.ofMinutes(10));
        a.tick(Runnable::run);
        b.tick(Runnable::run);
        assertEquals(1, runs.get(), "the second node found the slot done and adopted the next run");
        clock.advance(Duration.ofMinutes(10));
        b.tick(Runnable::run);
        a.tick(Runnable::run);
        assertEquals(2, runs.get());
        JobStatus s = a.status("test.slot").orElseThrow();
        assertEquals("node-b", s.lastNode());
        // issue 19 item 1: the run history, one row per run, each slot once, with its node and end
        List<String> history = new ArrayList<>();
        try (Connection c = ds().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT node, slot, requested, finished_at, outcome FROM plt_job_run"
                        + " WHERE name = 'test.slot' ORDER BY started_at, id");
                java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                assertNotNull(rs.getObject("finished_at"));
                assertFalse(rs.getBoolean("requested"));
                history.add(rs.getString("node") + " " + JobTable.instant(rs, "slot") + " " + rs.getString("outcome"));
            }
        }
        assertEquals(List.of("node-a null OK", "node-b 2026-06-01T00:20:00Z OK"), history);
    }

    @Test
    void issue10_item3_OPS4_aFailedRunIsRecordedWithItsErrorAndTheNextRunStillHappens() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        MutableClock clock = new MutableClock();
        JobEngine e = engine(clock, "node-a");
        e.add(job("test.fails-once", JobSchedule.every(Duration.ofSeconds(60)), c -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("provider down");
            }
            return "ok now";
        }));
        clock.advance(Duration.ofSeconds(60));
        e.tick(Runnable::run);
        JobStatus failed = e.status("test.fails-once").orElseThrow();
        assertEquals(JobOutcome.FAILED, failed.lastOutcome());
        assertTrue(failed.lastError().contains("provider down"), failed.lastError());
        assertEquals(clock.instant().plusSeconds(60), failed.nextRunAt());
        assertEquals(HealthStatus.WARNING, e.health().status());
        assertTrue(e.health().summary().contains("test.fails-once failed"), e.health().summary());

        clock.advance(Duration.ofSeconds(30));
        e.tick(Runnable::run);
        assertEquals(1, calls.get(), "not due yet");
        clock.advance(Duration.ofSeconds(30));
        e.tick(Runnable::run);
        assertEquals(2, calls.get(), "the next run happened after the failure");
        JobStatus ok = e.status("test.fails-once").orElseThrow();
        assertEquals(JobOutcome.OK, ok.lastOutcome());
        assertNull(ok.lastError());
        assertEquals("ok now", ok.lastSummary());
        assertEquals(HealthStatus.UP, e.health().status());
    }

    @Test
    void issue10_item3_OPS2_listShowsLastAndNextRunAndLateJobsWarn() throws Exception {
        MutableClock clock = new MutableClock();
        JobEngine e = engine(clock, "node-a");
        e.add(job("test.listed", JobSchedule.every(Duration.ofMinutes(5), Duration.ofSeconds(10)), c -> {
            c.clock();
            return "did it";
        }));
        JobStatus before = e.status("test.listed").orElseThrow();
        assertNull(before.lastStartedAt());
        assertEquals(clock.instant().plusSeconds(10), before.nextRunAt());
        assertEquals("every 5min", before.schedule());
        assertTrue(before.registered());

        clock.advance(Duration.ofSeconds(10));
        Instant started = clock.instant();
        e.tick(Runnable::run);
        JobStatus after = e.status("test.listed").orElseThrow();
        assertEquals(started, after.lastStartedAt());
        assertNotNull(after.lastFinishedAt());
        assertEquals(JobOutcome.OK, after.lastOutcome());
        assertNotNull(after.lastDurationMillis());
        assertEquals(started.plus(Duration.ofMinutes(5)), after.nextRunAt());
        try (Connection c = ds().getConnection()) {
            JobStatus row = JobTable.read(c).stream().filter(s -> s.name().equals("test.listed")).findFirst().orElseThrow();
            assertEquals(started.plus(Duration.ofMinutes(5)), row.nextRunAt(), "the table has it for the CLI");
            assertEquals("did it", row.lastSummary());
            assertFalse(row.registered());
        }
        assertEquals(HealthStatus.UP, e.health().status());
        clock.advance(Duration.ofMinutes(5 + 11)); // due + more than two periods, never run: late
        assertEquals(HealthStatus.WARNING, e.health().status());
        assertTrue(e.health().summary().contains("test.listed late"), e.health().summary());
    }

    @Test
    void issue10_item3_aRunRequestedInTheTableIsTakenAtTheNextPoll() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        MutableClock clock = new MutableClock();
        JobEngine e = engine(clock, "node-a");
        e.add(job("test.requested", JobSchedule.dailyAt(java.time.LocalTime.of(2, 0), ZoneId.of("Asia/Shanghai")), c -> {
            assertTrue(c.requested());
            return "run " + runs.incrementAndGet();
        }));
        try (Connection c = ds().getConnection()) {
            assertTrue(JobTable.requestRun(c, "test.requested", clock.instant()));
            assertFalse(JobTable.requestRun(c, "test.nope", clock.instant()));
        }
        clock.advance(Duration.ofSeconds(5));
        e.tick(Runnable::run);
        assertEquals(1, runs.get());
        JobStatus s = e.status("test.requested").orElseThrow();
        assertNull(s.runRequestedAt(), "the request is cleared by the run");
        assertEquals(Instant.parse("2026-06-01T18:00:00Z"), s.nextRunAt(), "02:00 Asia/Shanghai");
        clock.advance(Duration.ofSeconds(5));
        e.tick(Runnable::run);
        assertEquals(1, runs.get());
    }

    @Test
    void issue10_item3_aChangedScheduleAppliesAtOnceAndADisabledJobComesBack() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<JobSchedule> schedule =
                new java.util.concurrent.atomic.AtomicReference<>(JobSchedule.every(Duration.ofMinutes(60)));
        MutableClock clock = new MutableClock();
        JobEngine e = engine(clock, "node-a");
        e.add(Job.of("test.modified", schedule::get, c -> "run " + runs.incrementAndGet()));
        clock.advance(Duration.ofMinutes(1));
        e.tick(Runnable::run);
        assertEquals(0, runs.get());
        schedule.set(JobSchedule.every(Duration.ofMinutes(1))); // @Modified: from the registration, one minute
        e.tick(Runnable::run);
        assertEquals(1, runs.get());
        schedule.set(JobSchedule.disabled());
        clock.advance(Duration.ofMinutes(5));
        e.tick(Runnable::run);
        assertEquals(1, runs.get(), "disabled");
        assertNull(e.status("test.modified").orElseThrow().nextRunAt());
        schedule.set(JobSchedule.every(Duration.ofMinutes(2)));
        e.tick(Runnable::run);
        assertEquals(2, runs.get(), "enabled again: due two minutes after the last run");
    }
}
