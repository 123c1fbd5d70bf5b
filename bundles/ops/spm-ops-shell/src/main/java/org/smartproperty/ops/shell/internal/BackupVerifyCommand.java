package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.BackupReports.PartCheck;
import org.smartproperty.ops.BackupReports.VerifyReport;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.Progress;

/** {@code spm:backup-verify ARCHIVE --key-file FILE}: decrypts every part and checks it against the manifest. */
@Command(scope = "spm", name = "backup-verify", description = "Verify a backup archive: every part decrypted and checked against the manifest")
@Service
public class BackupVerifyCommand implements Action {

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
            VerifyReport r = new BackupService().verify(Path.of(archive), ShellSupport.key(keyFile, noEncryption), Progress.NONE);
            StringBuilder out = new StringBuilder(String.format("%-40s %-7s %12s %s%n", "PART", "STATUS", "BYTES", "PROBLEM"));
            for (PartCheck p : r.parts()) {
                out.append(String.format("%-40s %-7s %12d %s%n", p.part(), p.ok() ? "OK" : "BAD", p.bytes(),
                        p.problem() == null ? "" : OpsMessages.format(l, p.problem()) + (p.detail() == null ? "" : " (" + p.detail() + ")")));
            }
            out.append(r.ok() ? OpsMessages.format(l, "verify.ok", r.parts().size())
                    : OpsMessages.format(l, "verify.bad", r.problem() != null ? r.problemMessage(l)
                            : String.join(", ", r.badParts().stream().map(PartCheck::part).toList())));
            return out.toString();
        } catch (OpsException e) {
            return e.message(l);
        }
    }
}
