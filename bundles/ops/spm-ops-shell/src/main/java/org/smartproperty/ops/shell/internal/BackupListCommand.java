package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.BackupReports.ArchiveInfo;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;

/** {@code spm:backup-list DIR}: the archives of a folder, newest first, with their latest restore test. */
@Command(scope = "spm", name = "backup-list", description = "List the backup archives of a folder (newest first)")
@Service
public class BackupListCommand implements Action {

    @Argument(index = 0, name = "dir", required = true, description = "folder of the archives")
    String dir;

    @Override
    public Object execute() {
        try {
            StringBuilder out = new StringBuilder(String.format("%-52s %-20s %12s %-9s %s%n", "ARCHIVE", "CREATED", "BYTES", "ENCRYPTED", "RESTORE-TEST"));
            var all = new BackupService().list(Path.of(dir));
            if (all.isEmpty()) {
                return OpsMessages.format(OpsMessages.fromEnvironment(), "cli.noArchives", dir);
            }
            for (ArchiveInfo a : all) {
                out.append(String.format("%-52s %-20s %12d %-9s %s%n", a.path().getFileName(), a.created(), a.bytes(), a.encrypted() ? "yes" : "NO",
                        a.restoreTestOk() == null ? "-" : (a.restoreTestOk() ? "OK " : "FAILED ") + a.restoreTestedAt()));
            }
            return out.toString();
        } catch (OpsException e) {
            return e.message(OpsMessages.fromEnvironment());
        }
    }
}
