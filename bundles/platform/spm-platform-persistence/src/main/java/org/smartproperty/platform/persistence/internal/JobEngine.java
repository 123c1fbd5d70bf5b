package org.smartproperty.platform.persistence.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobContext;
import org.smartproperty.platform.JobOutcome;
import org.smartproperty.platform.JobRunner;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.JobStatus;
import org.smartproperty.platform.JobTable;

/**
 * The job runner on plain JDBC (issue 10 item 3), usable without OSGi: one timer thread looks every
 * 250 ms for due jobs and hands them to a small worker pool; a job never runs twice at once on a
 * node, and with {@link Job#clusterLock()} never twice at once in the cluster: PostgreSQL
 * {@code pg_try_advisory_lock} on the name's hash, held on a connection of its own for the run; H2
 * {@code SELECT … FOR UPDATE NOWAIT} on the job's {@code plt_job_lock} row. Under the lock the
 * runner also reads {@code plt_job.next_run_at}: when another node already ran the job for this
 * slot, it is not run again here (the node adopts that next run). Every run is recorded in
 * {@code plt_job}. Runner threads are never interrupted (an interrupt in file I/O closes H2).
 */
final class JobEngine implements JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    /** How long {@code plt_job_run} keeps a run. */
    static final Duration RUN_HISTORY = Duration.ofDays(3);

    private final DataSource dataSource;
    private final Clock clock;
    private final String node;
    private final int threads;
    private final Duration requestPoll;
    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private ExecutorService workers;
    private volatile Instant lastPoll = Instant.EPOCH;

    private static final class Entry {
        final Job job;
        final AtomicBoolean running = new AtomicBoolean();
        volatile Instant next;
        volatile boolean requested;
        /** The schedule {@link #next} was computed from, and from when: registration (no run yet) or the last run's end. */
        volatile JobSchedule planned;
        volatile Instant base;
        volatile boolean ranOnce;

        /** A changed schedule (a {@code @Modified} configuration) applies at once: the next run is computed again. */
        void replan(JobSchedule s) {
            if (!s.equals(planned)) {
                planned = s;
                next = !s.enabled() ? null : ranOnce ? s.after(base) : s.first(base);
            }
        }

        Entry(Job job) {
            this.job = job;
        }
    }

    JobEngine(DataSource dataSource, Clock clock, String node, int threads, Duration requestPoll) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.node = node;
        this.threads = Math.max(1, threads);
        this.requestPoll = requestPoll;
    }

    static String nodeName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "node/" + ProcessHandle.current().pid();
        }
    }

    /** Starts the timer (a tick every 250 ms) and the worker pool. */
    synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "spm-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spm-jobs-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tickQuietly, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Stops taking new runs; runs in progress finish (never shutdownNow: no interrupts). */
    synchronized void stop() {
        if (timer != null) {
            timer.shutdown();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- registration

    void add(Job job) {
        String name = job.name();
        if (name == null || !NAME.matcher(name).matches()) {
            LOG.error("Job {} ignored: a job name is [a-z0-9.-], at most 100 characters", name);
            return;
        }
        Entry e = new Entry(job);
        JobSchedule s = job.schedule();
        e.base = clock.instant();
        e.replan(s);
        if (jobs.putIfAbsent(name, e) != null) {
            LOG.error("Job {} ignored: another job of that name is registered", name);
            return;
        }
        try {
            register(job, s);
        } catch (SQLException | RuntimeException ex) {
            LOG.warn("Job {}: could not record it in plt_job ({}); it runs all the same", name, ex.toString());
        }
        LOG.info("Job {} registered: {}{}", name, s, job.clusterLock() ? "" : " (every node)");
    }

    void remove(Job job) {
        Entry e = jobs.get(job.name());
        if (e != null && e.job == job) {
            jobs.remove(job.name(), e);
        }
    }

    private void register(Job job, JobSchedule s) throws SQLException {
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE plt_job SET schedule = ?, period_seconds = ?, cluster_lock = ?, updated_at = ? WHERE name = ?")) {
                ps.setString(1, s.toString());
                setLong(ps, 2, s.nominalPeriod() == null ? null : s.nominalPeriod().getSeconds());
                ps.setBoolean(3, job.clusterLock());
                ts(ps, 4, clock.instant());
                ps.setString(5, job.name());
                if (ps.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO plt_job (name, schedule, period_seconds, cluster_lock, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                        ins.setString(1, job.name());
                        ins.setString(2, s.toString());
                        setLong(ins, 3, s.nominalPeriod() == null ? null : s.nominalPeriod().getSeconds());
                        ins.setBoolean(4, job.clusterLock());
                        ts(ins, 5, clock.instant());
                        ins.executeUpdate();
                    }
                }
            }
            return null;
        });
        insertIgnoringDuplicate("INSERT INTO plt_job_lock (name) VALUES (?)", job.name());
    }

    private void insertIgnoringDuplicate(String sql, String name) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM plt_job_lock WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, name);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    // ---------------------------------------------------------------- scheduling

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Job runner tick failed: {}", e.toString(), e);
        }
    }

    /** Hands every due job to the pool (and every run requested through {@code plt_job.run_requested_at}). */
    void tick() {
        tick(workers::execute);
    }

    /** One tick handing the due runs to {@code pool} (tests pass {@code Runnable::run} to run them on the caller's thread). */
    void tick(java.util.concurrent.Executor pool) {
        Instant now = clock.instant();
        if (!now.isBefore(lastPoll.plus(requestPoll))) {
            lastPoll = now;
            pollRequests(now);
        }
        for (Entry e : jobs.values()) {
            if (!e.running.get()) {
                try {
                    e.replan(e.job.schedule());
                } catch (RuntimeException ex) {
                    LOG.debug("Job {}: schedule not readable ({})", e.job.name(), ex.toString());
                }
            }
            Instant next = e.next;
            if ((e.requested || (next != null && !now.isBefore(next))) && e.running.compareAndSet(false, true)) {
                boolean requested = e.requested;
                e.requested = false;
                try {
                    pool.execute(() -> {
                        try {
                            execute(e, requested);
                        } finally {
                            e.running.set(false);
                        }
                    });
                } catch (RuntimeException rejected) {
                    e.running.set(false); // stopping
                }
            }
        }
    }

    private void pollRequests(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT name FROM plt_job WHERE run_requested_at IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Entry e = jobs.get(rs.getString(1));
                if (e != null) {
                    e.requested = true;
                }
            }
        } catch (SQLException ex) {
            LOG.debug("Job runner: run requests not read ({})", ex.toString());
        }
    }

    /** Runs the job once if due (or requested) and the lock is free; the same path for the timer and {@link #runNow}. */
    JobOutcome execute(Entry e, boolean requested) {
        Job job = e.job;
        String name = job.name();
        JobSchedule schedule;
        try {
            schedule = job.schedule();
        } catch (RuntimeException ex) {
            schedule = JobSchedule.disabled();
        }
        Lock lock = null;
        Instant slot = null;
        try {
            if (job.clusterLock()) {
                lock = lock(name);
                if (lock == null) {
                    Instant now = clock.instant();
                    recordSkipped(name, now);
                    e.next = schedule.enabled() ? schedule.after(now) : null;
                    LOG.debug("Job {} skipped: another node holds its lock", name);
                    return JobOutcome.SKIPPED;
                }
                if (!requested) {
                    Instant recorded = recordedNext(name);
                    if (recorded != null && recorded.isAfter(clock.instant())) {
                        e.next = recorded; // another node ran it for this slot
                        return null;
                    }
                    slot = recorded;
                }
            }
            return runLocked(e, schedule, requested, slot);
        } catch (SQLException | RuntimeException ex) {
            LOG.warn("Job {}: runner could not record or lock ({}); retried at the next tick after a period", name, ex.toString());
            Instant now = clock.instant();
            e.next = schedule.enabled() ? schedule.after(now) : null;
            return JobOutcome.FAILED;
        } finally {
            if (lock != null) {
                lock.release();
            }
        }
    }

    private JobOutcome runLocked(Entry e, JobSchedule schedule, boolean requested, Instant slot) throws SQLException {
        Job job = e.job;
        String name = job.name();
        Instant started = clock.instant();
        long run = recordStart(name, started, requested, slot);
        long t0 = System.nanoTime();
        JobOutcome outcome;
        String summary = null;
        String error = null;
        try {
            summary = job.run(new JobContext(name, dataSource, clock, started, requested));
            outcome = JobOutcome.OK;
        } catch (Exception | LinkageError | AssertionError ex) {
            outcome = JobOutcome.FAILED;
            error = ex.toString();
            LOG.error("Job {} failed: {}", name, error, ex);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Instant finished = clock.instant();
        JobSchedule after;
        try {
            after = job.schedule(); // a @Modified configuration applies from the next run
        } catch (RuntimeException ex) {
            after = schedule;
        }
        Instant next = after.enabled() ? after.after(finished) : null;
        e.base = finished;
        e.ranOnce = true;
        e.planned = after;
        e.next = next;
        recordEnd(name, started, finished, outcome, ms, error, summary, next, after, run);
        if (outcome == JobOutcome.OK && summary != null) {
            LOG.debug("Job {} done in {} ms: {}", name, ms, summary);
        }
        return outcome;
    }

    // ---------------------------------------------------------------- runner API

    @Override
    public Optional<JobStatus> runNow(String name) {
        Entry e = jobs.get(name);
        if (e == null) {
            return Optional.empty();
        }
        JobOutcome outcome;
        if (e.running.compareAndSet(false, true)) {
            try {
                outcome = execute(e, true);
            } finally {
                e.running.set(false);
            }
        } else {
            outcome = JobOutcome.SKIPPED;
        }
        JobStatus s = status(name).orElseThrow();
        if (outcome == JobOutcome.SKIPPED) {
            s = new JobStatus(s.name(), s.schedule(), s.clusterLock(), s.registered(), s.running(), s.lastStartedAt(),
                    s.lastFinishedAt(), JobOutcome.SKIPPED, s.lastDurationMillis(), s.lastError(), s.lastSummary(), s.lastNode(),
                    s.lastSkippedAt(), s.nextRunAt(), s.runRequestedAt(), s.periodSeconds());
        }
        return Optional.of(s);
    }

    Optional<JobStatus> status(String name) {
        return jobs().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public List<JobStatus> jobs() {
        Map<String, JobStatus> out = new LinkedHashMap<>();
        try {
            List<JobStatus> recorded;
            try (Connection c = dataSource.getConnection()) {
                recorded = JobTable.read(c);
            }
            for (JobStatus s : recorded) {
                Entry e = jobs.get(s.name());
                out.put(s.name(), e == null ? s : new JobStatus(s.name(), e.job.schedule().toString(), e.job.clusterLock(), true,
                        e.running.get(), s.lastStartedAt(), s.lastFinishedAt(), s.lastOutcome(), s.lastDurationMillis(), s.lastError(),
                        s.lastSummary(), s.lastNode(), s.lastSkippedAt(), e.next, s.runRequestedAt(),
                        s.periodSeconds()));
            }
        } catch (SQLException ex) {
            LOG.warn("plt_job not readable: {}", ex.toString());
        }
        for (Entry e : jobs.values()) {
            out.computeIfAbsent(e.job.name(), n -> {
                JobSchedule s = e.job.schedule();
                return new JobStatus(n, s.toString(), e.job.clusterLock(), true, e.running.get(), null, null, null, null, null,
                        null, null, null, e.next, null, s.nominalPeriod() == null ? null : s.nominalPeriod().getSeconds());
            });
        }
        List<JobStatus> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing(JobStatus::name));
        return list;
    }

    /** One check {@code jobs}: WARNING when a registered job's last run failed or it is late by two periods. */
    HealthResult health() {
        Instant now = clock.instant();
        List<JobStatus> all = jobs();
        List<String> problems = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        int registered = 0;
        for (JobStatus s : all) {
            if (!s.registered()) {
                continue;
            }
            registered++;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("schedule", s.schedule());
            d.put("lastStartedAt", s.lastStartedAt() == null ? "never" : s.lastStartedAt().toString());
            d.put("lastOutcome", s.lastOutcome() == null ? "-" : s.lastOutcome().name());
            if (s.lastDurationMillis() != null) {
                d.put("lastDurationMs", s.lastDurationMillis());
            }
            if (s.nextRunAt() != null) {
                d.put("nextRunAt", s.nextRunAt().toString());
            }
            if (s.lastOutcome() == JobOutcome.FAILED) {
                d.put("error", s.lastError());
                problems.add(s.name() + " failed: " + s.lastError());
            } else if (late(s, now)) {
                problems.add(s.name() + " late since " + s.nextRunAt());
                d.put("late", true);
            }
            details.put(s.name(), d);
        }
        if (!problems.isEmpty()) {
            return new HealthResult(HealthStatus.WARNING, String.join("; ", problems), details);
        }
        return HealthResult.up(registered + " job(s), none failed or late", details);
    }

    static boolean late(JobStatus s, Instant now) {
        return s.nextRunAt() != null && s.periodSeconds() != null && !s.running()
                && now.isAfter(s.nextRunAt().plusSeconds(2 * s.periodSeconds()));
    }

    // ---------------------------------------------------------------- cluster lock

    /** A held cluster lock; {@link #release()} gives it back and closes its connection. */
    interface Lock {
        void release();
    }

    static long lockKey(String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("spm.job:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(h).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The job's cluster lock, or {@code null} when another runner holds it. */
    Lock lock(String name) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (Jdbc.postgres(c)) {
                long key = lockKey(name);
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    ps.setLong(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!(rs.next() && rs.getBoolean(1))) {
                            c.close();
                            return null;
                        }
                    }
                }
                return () -> {
                    try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        ps.setLong(1, key);
                        ps.execute();
                    } catch (SQLException ex) {
                        LOG.warn("Job {}: advisory unlock failed ({}); the lock ends with the connection", name, ex.toString());
                    }
                };
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM plt_job_lock WHERE name = ? FOR UPDATE NOWAIT")) {
                ps.setString(1, name);
                ps.executeQuery().close();
            } catch (SQLException locked) {
                c.rollback();
                c.setAutoCommit(true);
                c.close();
                return null;
            }
            return () -> {
                try (c) {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException ex) {
                    LOG.warn("Job {}: lock release failed ({})", name, ex.toString());
                }
            };
        } catch (SQLException | RuntimeException ex) {
            c.close();
            throw ex;
        }
    }

    // ---------------------------------------------------------------- plt_job

    private Instant recordedNext(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT next_run_at FROM plt_job WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? JobTable.instant(rs, "next_run_at") : null;
            }
        }
    }

    /** Records the start in {@code plt_job} and a row of {@code plt_job_run}; returns that row's id. */
    private long recordStart(String name, Instant started, boolean requested, Instant slot) throws SQLException {
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plt_job SET last_started_at = ?, last_node = ?, updated_at = ?"
                    + (requested ? ", run_requested_at = NULL" : "") + " WHERE name = ?")) {
                ts(ps, 1, started);
                ps.setString(2, node);
                ts(ps, 3, started);
                ps.setString(4, name);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plt_job_run (name, node, slot, requested, started_at)"
                    + " VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, name);
                ps.setString(2, cut(node, 200));
                ts(ps, 3, slot);
                ps.setBoolean(4, requested);
                ts(ps, 5, started);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    return keys.next() ? keys.getLong(1) : -1L;
                }
            }
        });
    }

    private void recordEnd(String name, Instant started, Instant finished, JobOutcome outcome, long ms, String error,
            String summary, Instant next, JobSchedule schedule, long run) throws SQLException {
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plt_job_run SET finished_at = ?, outcome = ? WHERE id = ?")) {
                ts(ps, 1, finished);
                ps.setString(2, outcome.name());
                ps.setLong(3, run);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM plt_job_run WHERE name = ? AND started_at < ?")) {
                ps.setString(1, name);
                ts(ps, 2, finished.minus(RUN_HISTORY));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE plt_job SET last_finished_at = ?, last_outcome = ?, last_duration_ms = ?,"
                    + " last_error = ?, last_summary = ?, next_run_at = ?, schedule = ?, period_seconds = ?, updated_at = ?"
                    + " WHERE name = ? AND last_started_at = ?")) {
                ts(ps, 1, finished);
                ps.setString(2, outcome.name());
                ps.setLong(3, ms);
                ps.setString(4, cut(error, 2000));
                ps.setString(5, cut(summary, 500));
                ts(ps, 6, next);
                ps.setString(7, schedule.toString());
                setLong(ps, 8, schedule.nominalPeriod() == null ? null : schedule.nominalPeriod().getSeconds());
                ts(ps, 9, finished);
                ps.setString(10, name);
                ts(ps, 11, started);
                return ps.executeUpdate();
            }
        });
    }

    private void recordSkipped(String name, Instant at) {
        try {
            Jdbc.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE plt_job SET last_skipped_at = ? WHERE name = ?")) {
                    ts(ps, 1, at);
                    ps.setString(2, name);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException ex) {
            LOG.debug("Job {}: skip not recorded ({})", name, ex.toString());
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static void ts(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(t.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
