package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.BackupReports.RestoreTestReport;
import org.smartproperty.ops.BackupReports.TableCheck;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.Progress;
import org.smartproperty.ops.ScratchDatabase;

/**
 * {@code spm:backup-restore-test ARCHIVE}: restores into a scratch schema on the platform's own
 * PostgreSQL server (or an in-memory H2 on the embedded default), compares every table with the
 * manifest, drops the scratch schema and keeps the record beside the archive (OPS-3).
 */
@Command(scope = "spm", name = "backup-restore-test",
        description = "Restore an archive into a scratch schema, compare row counts and content hashes with the manifest, drop it")
@Service
public class BackupRestoreTestCommand implements Action {

    @Argument(index = 0, name = "archive", required = true, description = "the archive")
    String archive;

    @Option(name = "--key-file", description = "AES-256 key file")
    String keyFile;

    @Option(name = "--no-encryption", description = "the archive is not encrypted")
    boolean noEncryption;

    @Override
    public Object execute() {
        Locale l = OpsMessages.fromEnvironment();
        try {
            Properties db = ShellSupport.dbConfig();
            String url = ShellSupport.resolve(db.getProperty("url", ""));
            ScratchDatabase.Factory scratch = url.startsWith("jdbc:postgresql:")
                    ? ScratchDatabase.postgresSchema(url, db.getProperty("user", "").trim(), db.getProperty("password"))
                    : ScratchDatabase.h2Memory();
            RestoreTestReport r = new BackupService().restoreTest(Path.of(archive), ShellSupport.key(keyFile, noEncryption), scratch,
                    ShellSupport.changelogs(), Progress.NONE);
            StringBuilder out = new StringBuilder(String.format("%-32s %-7s %10s %10s%n", "TABLE", "STATUS", "EXPECTED", "RESTORED"));
            for (TableCheck t : r.tables()) {
                out.append(String.format("%-32s %-7s %10d %10d%n", t.table(), t.ok() ? "OK" : "DIFFERS", t.expectedRows(), t.actualRows()));
            }
            out.append(r.ok() ? OpsMessages.format(l, "restoreTest.ok", r.tables().size(), r.record())
                    : OpsMessages.format(l, "restoreTest.bad", r.problemMessage(l), r.record()));
            return out.toString();
        } catch (OpsException e) {
            return e.message(l);
        }
    }
}
