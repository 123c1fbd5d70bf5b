package org.smartproperty.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The AES-256 key of backup archives: a key file holding 32 random bytes, raw or base64
 * (one line). {@link #NONE} only with {@code --no-encryption}.
 *
 * <p>Key ring (OPS-1, {@code spm keys rotate}): {@link #load} also reads the retired keys kept
 * beside the file as {@code FILE.<yyyyMMddHHmmss>.old} ({@link KeyRing}); new archives are
 * encrypted with the current key, reading tries the current key, then the retired ones.
 */
public final class BackupKey {

    public static final BackupKey NONE = new BackupKey(null);

    private final byte[] key;
    /** Retired keys of the ring, newest first (reading only). */
    private final List<BackupKey> retired;

    private BackupKey(byte[] key) {
        this(key, List.of());
    }

    private BackupKey(byte[] key, List<BackupKey> retired) {
        this.key = key;
        this.retired = retired;
    }

    public static BackupKey of(byte[] key) {
        if (key == null || key.length != 32) {
            throw new OpsException("key.invalid", "-");
        }
        return new BackupKey(key.clone());
    }

    /** The key of {@code file} with the retired keys of its ring ({@code FILE.<timestamp>.old}). */
    public static BackupKey load(Path file) {
        BackupKey current = loadOne(file);
        List<BackupKey> old = new ArrayList<>();
        for (Path p : KeyRing.retired(file)) {
            old.add(loadOne(p));
        }
        return old.isEmpty() ? current : new BackupKey(current.key, List.copyOf(old));
    }

    /** One key file, without its ring. */
    public static BackupKey loadOne(Path file) {
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

    /** The current key, then the retired keys of the ring: the keys that may open an archive. */
    List<BackupKey> ring() {
        if (retired.isEmpty()) {
            return List.of(this);
        }
        List<BackupKey> all = new ArrayList<>();
        all.add(new BackupKey(key));
        all.addAll(retired);
        return all;
    }

    byte[] bytes() {
        return key == null ? null : Arrays.copyOf(key, key.length);
    }
}
