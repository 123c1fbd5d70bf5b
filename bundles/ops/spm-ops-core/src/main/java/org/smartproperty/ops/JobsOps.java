package org.smartproperty.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

import org.smartproperty.platform.JobOutcome;
import org.smartproperty.platform.JobStatus;
import org.smartproperty.platform.JobTable;

/**
 * The platform's periodic jobs seen from outside the platform (issue 10 item 3, OPS-2/OPS-4):
 * {@code spm jobs list} reads {@code plt_job} (the last run of any node, its outcome, duration,
 * error and the next run); {@code spm jobs run NAME} can only request a run
 * ({@code plt_job.run_requested_at}): the runner of a node takes the request at its next poll
 * (default every 5 s, PID {@code org.smartproperty.jobs}) and runs the job through its cluster lock.
 * Inside the platform, {@code spm:jobs-run} runs the job at once.
 */
public final class JobsOps {

    /** Every recorded job, by name; {@code jobs.dbFailed} when the table cannot be read. */
    public List<JobStatus> list(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return JobTable.read(c);
        } catch (SQLException e) {
            throw new OpsException(e, "jobs.dbFailed", e.getMessage());
        }
    }

    public Optional<JobStatus> find(DataSource ds, String name) {
        return list(ds).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Requests a run of {@code name}; {@code jobs.unknown} when no runner ever recorded a job of that name. */
    public JobStatus request(DataSource ds, String name, Instant now) {
        try (Connection c = ds.getConnection()) {
            if (!JobTable.requestRun(c, name, now)) {
                throw new OpsException("jobs.unknown", name);
            }
        } catch (SQLException e) {
            throw new OpsException(e, "jobs.dbFailed", e.getMessage());
        }
        return find(ds, name).orElseThrow(() -> new OpsException("jobs.unknown", name));
    }

    /**
     * Waits up to {@code wait} for the requested run to end (a run that started at or after {@code requested}
     * and finished); empty when it did not end in time.
     */
    public Optional<JobStatus> awaitRun(DataSource ds, String name, Instant requested, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<JobStatus> s = find(ds, name);
            if (s.isPresent() && s.get().runRequestedAt() == null && s.get().lastStartedAt() != null
                    && !s.get().lastStartedAt().isBefore(requested.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                    && s.get().lastFinishedAt() != null && !s.get().lastFinishedAt().isBefore(s.get().lastStartedAt())) {
                return s;
            }
            if (System.nanoTime() > end) {
                return Optional.empty();
            }
            Thread.sleep(200);
        }
    }

    /** Whether a job's last run failed or it is late by two periods (the health check {@code jobs} of the platform). */
    public static boolean attention(JobStatus s, Instant now) {
        return s.lastOutcome() == JobOutcome.FAILED || late(s, now);
    }

    public static boolean late(JobStatus s, Instant now) {
        return s.nextRunAt() != null && s.periodSeconds() != null && now.isAfter(s.nextRunAt().plusSeconds(2 * s.periodSeconds()));
    }

    /** A table for people (CLI and shell): name, schedule, last start, outcome, duration, next run, summary or error. */
    public static String table(List<JobStatus> jobs, Instant now, Locale locale) {
        StringBuilder out = new StringBuilder(String.format("%-28s %-30s %-20s %-8s %9s %-20s %s%n",
                "NAME", "SCHEDULE", "LAST START (UTC)", "OUTCOME", "DURATION", "NEXT RUN (UTC)", "SUMMARY / ERROR"));
        for (JobStatus s : jobs) {
            String outcome = s.lastOutcome() == null ? "-" : s.lastOutcome().name();
            if (late(s, now) && s.lastOutcome() != JobOutcome.FAILED) {
                outcome = "LATE";
            }
            String text = s.lastOutcome() == JobOutcome.FAILED ? s.lastError() : s.lastSummary();
            if (s.runRequestedAt() != null) {
                text = OpsMessages.format(locale, "jobs.pending", time(s.runRequestedAt())) + (text == null ? "" : "; " + text);
            }
            out.append(String.format("%-28s %-30s %-20s %-8s %9s %-20s %s%n", s.name(), s.schedule() == null ? "-" : s.schedule(),
                    time(s.lastStartedAt()), outcome, s.lastDurationMillis() == null ? "-" : s.lastDurationMillis() + " ms",
                    time(s.nextRunAt()), text == null ? "" : text));
        }
        return out.toString();
    }

    static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", "");
    }
}
