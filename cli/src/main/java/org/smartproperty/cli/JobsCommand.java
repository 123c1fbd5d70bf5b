package org.smartproperty.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.JobsOps;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.platform.JobOutcome;
import org.smartproperty.platform.JobStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spm jobs …} (issue 10 item 3, OPS-2/OPS-4): the platform's periodic jobs from its database. {@code list}
 * reads {@code plt_job}; {@code run NAME} only requests a run (the CLI is outside the platform): a node's job runner
 * takes it within a few seconds, {@code --wait} waits for it.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "The platform's periodic jobs: last run, outcome, next run; request a run",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Run.class, CommandLine.HelpCommand.class})
public class JobsCommand extends GroupCommand {

    static void put(ObjectNode n, String field, Instant t) {
        if (t == null) {
            n.putNull(field);
        } else {
            n.put(field, t.toString());
        }
    }

    static ObjectNode record(ObjectNode env, JobStatus s, Instant now) {
        ObjectNode n = Common.record(env, "job");
        n.put("name", s.name());
        n.put("schedule", s.schedule());
        n.put("clusterLock", s.clusterLock());
        put(n, "lastStartedAt", s.lastStartedAt());
        put(n, "lastFinishedAt", s.lastFinishedAt());
        n.put("lastOutcome", s.lastOutcome() == null ? null : s.lastOutcome().name());
        if (s.lastDurationMillis() == null) {
            n.putNull("lastDurationMs");
        } else {
            n.put("lastDurationMs", s.lastDurationMillis());
        }
        n.put("lastError", s.lastError());
        n.put("lastSummary", s.lastSummary());
        n.put("lastNode", s.lastNode());
        put(n, "lastSkippedAt", s.lastSkippedAt());
        put(n, "nextRunAt", s.nextRunAt());
        put(n, "runRequestedAt", s.runRequestedAt());
        n.put("late", JobsOps.late(s, now));
        return n;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every job the platform's runners recorded: schedule, last start, outcome, duration, next run, summary or error; "
                    + "exit 1 (WARNING) when a job's last run failed or it is late by two periods")
    static class ListJobs extends OpsCommand {
        @Override
        String command() {
            return "jobs list";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            Instant now = Instant.now();
            List<JobStatus> jobs = new JobsOps().list(common.db().dataSource());
            int code = jobs.stream().anyMatch(s -> JobsOps.attention(s, now)) ? Spm.WARNING : Spm.OK;
            if (common.json()) {
                ObjectNode env = common.envelope(command(), code);
                jobs.forEach(s -> record(env, s, now));
                print(out, env);
            } else if (jobs.isEmpty()) {
                out.println(OpsMessages.format(common.locale, "jobs.none"));
            } else {
                out.print(JobsOps.table(jobs, now, common.locale));
            }
            return code;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Request a run of job NAME: a running node's job runner takes it within a few seconds (through the job's cluster lock); "
                    + "with --wait, wait for the run and exit 2 when it failed")
    static class Run extends OpsCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "a job name from spm jobs list")
        String name;

        @Option(names = "--wait", defaultValue = "0", paramLabel = "SECONDS", description = "wait up to SECONDS for the run to end (default 0: only request it)")
        int waitSeconds;

        @Override
        String command() {
            return "jobs run";
        }

        @Override
        int failureCode(OpsException e) {
            return e.key().equals("jobs.unknown") ? Spm.USAGE : super.failureCode(e);
        }

        @Override
        int run(PrintWriter out, PrintWriter err) throws Exception {
            if (waitSeconds < 0) {
                throw new Common.Failure(Spm.USAGE, new OpsException("cli.failed", "--wait must not be negative"));
            }
            Instant now = Instant.now();
            JobsOps jobs = new JobsOps();
            JobStatus requested = jobs.request(common.db().dataSource(), name, now);
            JobStatus shown = requested;
            int code = Spm.OK;
            String text = OpsMessages.format(common.locale, "jobs.requested", name, now);
            if (waitSeconds > 0) {
                Optional<JobStatus> ran = jobs.awaitRun(common.db().dataSource(), name, now, Duration.ofSeconds(waitSeconds));
                if (ran.isPresent()) {
                    shown = ran.get();
                    code = shown.lastOutcome() == JobOutcome.FAILED ? Spm.CRITICAL : Spm.OK;
                    String detail = shown.lastOutcome() == JobOutcome.FAILED ? shown.lastError() : shown.lastSummary();
                    text = OpsMessages.format(common.locale, "jobs.done", name, shown.lastNode(), shown.lastOutcome(),
                            shown.lastDurationMillis(), detail == null ? "" : " (" + detail + ")");
                } else {
                    code = Spm.WARNING;
                    text = OpsMessages.format(common.locale, "jobs.notYet", name, waitSeconds);
                }
            }
            if (common.json()) {
                ObjectNode env = common.envelope(command(), code);
                record(env, shown, Instant.now()).put("message", text);
                print(out, env);
            } else {
                out.println(text);
            }
            return code;
        }
    }
}
