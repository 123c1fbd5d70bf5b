package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.BackupReports.RestoreReport;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.Progress;
import org.smartproperty.ops.SimpleDataSource;

/**
 * {@code spm:backup-restore ARCHIVE --target-db URL}: restores an archive into ANOTHER database
 * (OPS-3). Inside the running platform it refuses the platform's own database (and its own
 * data/ and etc/ folders): that restore needs the platform stopped, i.e. {@code bin/spm backup restore}.
 */
@Command(scope = "spm", name = "backup-restore",
        description = "Restore an archive into another database (never the running platform's own); user and password as in org.smartproperty.db.cfg")
@Service
public class BackupRestoreCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Argument(index = 0, name = "archive", required = true, description = "the archive")
    String archive;

    @Option(name = "--target-db", required = true, description = "JDBC URL of the target database (not the platform's own)")
    String targetDb;

    @Option(name = "--key-file", description = "AES-256 key file")
    String keyFile;

    @Option(name = "--no-encryption", description = "the archive is not encrypted")
    boolean noEncryption;

    @Option(name = "--force", description = "restore even while a migration holds the Liquibase lock on the target")
    boolean force;

    @Option(name = "--data-dir", description = "write the uploaded files to DIR/files (not the platform's own data folder)")
    String dataDir;

    @Option(name = "--etc-dir", description = "write the backed-up configuration to DIR (not the platform's own etc folder)")
    String etcDir;

    @Override
    public Object execute() {
        Locale l = OpsMessages.fromEnvironment();
        try {
            Properties db = ShellSupport.dbConfig();
            String target = ShellSupport.resolve(targetDb);
            SimpleDataSource ds = new SimpleDataSource(target, db.getProperty("user", "").trim(), db.getProperty("password"));
            if (ShellSupport.samePlatformDatabase(db.getProperty("url"), dataSource, target, ds)) {
                throw new OpsException("restore.ownDatabase", BackupService.safeUrl(target));
            }
            if (ShellSupport.isKarafDir(dataDir, "karaf.data") || ShellSupport.isKarafDir(etcDir, "karaf.etc")) {
                throw new OpsException("restore.ownFolder", ShellSupport.isKarafDir(dataDir, "karaf.data") ? dataDir : etcDir);
            }
            // the platform answering at its own URL is no reason to refuse here: the target is another database
            RestoreReport r = new BackupService().restore(Path.of(archive), ShellSupport.key(keyFile, noEncryption), ds,
                    new BackupService.RestoreOptions(force, null, ShellSupport.changelogs(),
                            dataDir == null ? null : Path.of(dataDir), etcDir == null ? null : Path.of(etcDir)),
                    Progress.NONE);
            return OpsMessages.format(l, "restore.done", r.tables(), r.rows(), r.files(), r.etcFiles(), r.sequences());
        } catch (OpsException e) {
            return e.message(l);
        }
    }
}
