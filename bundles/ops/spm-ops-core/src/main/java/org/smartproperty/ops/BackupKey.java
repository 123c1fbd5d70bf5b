package org.smartproperty.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The AES-256 key of backup archives: a key file holding 32 random bytes, raw or base64
 * (one line). {@link #NONE} only with {@code --no-encryption}.
 */
public final class BackupKey {

    public static final BackupKey NONE = new BackupKey(null);

    private final byte[] key;

    private BackupKey(byte[] key) {
        this.key = key;
    }

    public static BackupKey of(byte[] key) {
        if (key == null || key.length != 32) {
            throw new OpsException("key.invalid", "-");
        }
        return new BackupKey(key.clone());
    }

    public static BackupKey load(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OpsException(e, "key.unreadable", file);
        }
        if (raw.length == 32) {
            return new BackupKey(raw);
        }
        String text = new String(raw, StandardCharsets.US_ASCII).trim();
        try {
            byte[] k = Base64.getDecoder().decode(text);
            if (k.length == 32) {
                return new BackupKey(k);
            }
        } catch (IllegalArgumentException ignored) {
            // not base64
        }
        throw new OpsException("key.invalid", file);
    }

    /** Writes a new random key (base64) readable by the owner only. */
    public static BackupKey generate(Path file) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            throw new OpsException(e, "key.unreadable", file);
        }
        return new BackupKey(k);
    }

    public boolean encrypts() {
        return key != null;
    }

    byte[] bytes() {
        return key == null ? null : Arrays.copyOf(key, key.length);
    }
}
