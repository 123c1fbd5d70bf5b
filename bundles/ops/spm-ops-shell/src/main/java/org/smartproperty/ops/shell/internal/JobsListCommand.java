package org.smartproperty.ops.shell.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.JobsOps;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.platform.JobRunner;
import org.smartproperty.platform.JobStatus;

/**
 * {@code spm:jobs-list} (issue 10 item 3, OPS-2/OPS-4): every periodic job of the platform with its schedule, last
 * run (any node), outcome, duration and next run on this node; jobs recorded but not registered on this node are
 * marked.
 */
@Command(scope = "spm", name = "jobs-list", description = "The platform's periodic jobs: schedule, last run, outcome, duration, next run")
@Service
public class JobsListCommand implements Action {

    @Reference(optional = true)
    JobRunner runner;

    @Override
    public Object execute() {
        Locale locale = OpsMessages.fromEnvironment();
        if (runner == null) {
            return OpsMessages.format(locale, "jobs.noRunner");
        }
        List<JobStatus> jobs = runner.jobs();
        if (jobs.isEmpty()) {
            return OpsMessages.format(locale, "jobs.none");
        }
        List<JobStatus> shown = jobs.stream().map(s -> s.registered() ? s : new JobStatus(s.name() + " (not here)", s.schedule(),
                s.clusterLock(), false, s.running(), s.lastStartedAt(), s.lastFinishedAt(), s.lastOutcome(), s.lastDurationMillis(),
                s.lastError(), s.lastSummary(), s.lastNode(), s.lastSkippedAt(), s.nextRunAt(), s.runRequestedAt(), s.periodSeconds()))
                .toList();
        return JobsOps.table(shown, Instant.now(), locale);
    }
}
