package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.KeyRing;
import org.smartproperty.ops.KeyRing.KeyInfo;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;

/** {@code spm:keys-list}: the backup key ring, fingerprints and the archives each key still opens (OPS-1). */
@Command(scope = "spm", name = "keys-list", description = "The backup key ring: each key, its fingerprint and how many archives of --dir need it")
@Service
public class KeysListCommand implements Action {

    @Option(name = "--key-file", required = true, description = "the current backup key file")
    String keyFile;

    @Option(name = "--dir", description = "folder of the archives to count")
    String dir;

    @Override
    public Object execute() {
        try {
            StringBuilder out = new StringBuilder(String.format("%-48s %-16s %-8s %s%n", "KEY", "FINGERPRINT", "STATE", "ARCHIVES"));
            for (KeyInfo k : KeyRing.list(Path.of(keyFile), dir == null ? null : Path.of(dir))) {
                out.append(String.format("%-48s %-16s %-8s %s%n", k.file().getFileName(), k.fingerprint(), k.current() ? "current" : "retired",
                        k.archives() < 0 ? "-" : Integer.toString(k.archives())));
            }
            return out.toString();
        } catch (OpsException e) {
            return e.message(OpsMessages.fromEnvironment());
        }
    }
}
