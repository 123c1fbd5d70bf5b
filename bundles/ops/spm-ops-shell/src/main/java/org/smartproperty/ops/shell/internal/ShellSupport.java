package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;

import org.smartproperty.ops.BackupKey;
import org.smartproperty.ops.OpsException;

/** Shared bits of the shell commands. */
final class ShellSupport {

    private ShellSupport() {
    }

    static BackupKey key(String keyFile, boolean noEncryption) {
        if (keyFile != null && noEncryption) {
            throw new OpsException("cli.keyAndNoEncryption");
        }
        if (keyFile == null) {
            if (!noEncryption) {
                throw new OpsException("key.required");
            }
            return BackupKey.NONE;
        }
        return BackupKey.load(Path.of(keyFile));
    }

    /** A Karaf folder from its system property ({@code karaf.data}, {@code karaf.etc}), or null. */
    static Path karafDir(String property) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
