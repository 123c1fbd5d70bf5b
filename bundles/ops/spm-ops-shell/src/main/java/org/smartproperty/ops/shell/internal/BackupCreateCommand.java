package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.BackupKey;
import org.smartproperty.ops.BackupManifest;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.Progress;

/** {@code spm:backup-create}: a backup of the running platform's database, data/files and etc/ (OPS-3). */
@Command(scope = "spm", name = "backup-create", description = "Take a backup now (database, data/files, etc/); prints the archive's path")
@Service
public class BackupCreateCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Option(name = "--to", required = true, description = "folder of the archives")
    String to;

    @Option(name = "--key-file", description = "AES-256 key file (32 bytes, raw or base64)")
    String keyFile;

    @Option(name = "--no-encryption", description = "write an unencrypted archive")
    boolean noEncryption;

    @Override
    public Object execute() {
        try {
            BackupKey key = ShellSupport.key(keyFile, noEncryption);
            BackupService backups = new BackupService();
            Path archive = backups.create(dataSource, ShellSupport.karafDir("karaf.data"), ShellSupport.karafDir("karaf.etc"), Path.of(to), key,
                    Progress.NONE);
            BackupManifest m = backups.manifest(archive, key);
            return archive + "\n" + OpsMessages.format(OpsMessages.fromEnvironment(), "cli.created") + ": " + m.tables().size() + " tables, "
                    + m.tables().stream().mapToLong(BackupManifest.TableEntry::rows).sum() + " rows, " + (m.files() == null ? 0 : m.files().count())
                    + " files";
        } catch (OpsException e) {
            return e.message(OpsMessages.fromEnvironment());
        }
    }
}
