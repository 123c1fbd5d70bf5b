package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.BackupReports.PruneReport;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;

/** {@code spm:backup-prune DIR --daily N --weekly N --monthly N [--dry-run]}: deletes archives outside the retention (OPS-3). */
@Command(scope = "spm", name = "backup-prune", description = "Delete archives outside the retention (newest per day, ISO week, month)")
@Service
public class BackupPruneCommand implements Action {

    @Argument(index = 0, name = "dir", required = true, description = "folder of the archives")
    String dir;

    @Option(name = "--daily", required = true, description = "days to keep")
    int daily;

    @Option(name = "--weekly", required = true, description = "weeks to keep")
    int weekly;

    @Option(name = "--monthly", required = true, description = "months to keep")
    int monthly;

    @Option(name = "--dry-run", description = "only show what would be deleted")
    boolean dryRun;

    @Override
    public Object execute() {
        Locale l = OpsMessages.fromEnvironment();
        try {
            PruneReport r = new BackupService().prune(Path.of(dir), daily, weekly, monthly, dryRun);
            StringBuilder out = new StringBuilder();
            for (Path p : r.deleted()) {
                out.append(r.dryRun() ? "would delete " : "deleted ").append(p.getFileName()).append('\n');
            }
            return out.append(OpsMessages.format(l, "prune.done", r.kept().size(), r.deleted().size())).toString();
        } catch (OpsException e) {
            return e.message(l);
        }
    }
}
