package org.smartproperty.ops.shell.internal;

import java.util.Locale;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.platform.JobOutcome;
import org.smartproperty.platform.JobRunner;
import org.smartproperty.platform.JobStatus;

/**
 * {@code spm:jobs-run NAME} (issue 10 item 3, OPS-4): runs the job at once in the console, through the runner and
 * its cluster lock (skipped when another node or a scheduled run here is running it), and shows the outcome.
 */
@Command(scope = "spm", name = "jobs-run", description = "Run a periodic job now on this node (through its cluster lock)")
@Service
public class JobsRunCommand implements Action {

    @Reference(optional = true)
    JobRunner runner;

    @Argument(index = 0, name = "name", required = true, description = "a job name from spm:jobs-list")
    String name;

    @Override
    public Object execute() {
        Locale locale = OpsMessages.fromEnvironment();
        if (runner == null) {
            return OpsMessages.format(locale, "jobs.noRunner");
        }
        Optional<JobStatus> ran = runner.runNow(name);
        if (ran.isEmpty()) {
            return OpsMessages.format(locale, "jobs.notRegistered", name);
        }
        JobStatus s = ran.get();
        if (s.lastOutcome() == JobOutcome.SKIPPED) {
            return OpsMessages.format(locale, "jobs.skipped", name);
        }
        String detail = s.lastOutcome() == JobOutcome.FAILED ? s.lastError() : s.lastSummary();
        return OpsMessages.format(locale, "jobs.done", name, s.lastNode(), s.lastOutcome(), s.lastDurationMillis(),
                detail == null ? "" : " (" + detail + ")");
    }
}
