package org.smartproperty.ops;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ring of backup keys (OPS-1 {@code spm keys rotate | list | prune}): the current key file
 * {@code FILE} and the retired keys beside it, {@code FILE.<yyyyMMddHHmmss>.old} (mode 600).
 * {@link BackupKey#load} reads the whole ring, so archives written with a retired key stay
 * readable by {@code backup verify / restore / restore-test} until retention prunes them.
 *
 * <p>Which key opened an archive needs no format change: the archive header already carries a
 * key check (HMAC of the per-archive key derived from the master key), so each key of the ring is
 * tried against it without decrypting anything.
 */
public final class KeyRing {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private KeyRing() {
    }

    /** One key of the ring: its file, fingerprint (first 16 hex of SHA-256 of the key), current or retired, archives that need it (-1: not counted). */
    public record KeyInfo(Path file, String fingerprint, boolean current, int archives) {
    }

    /** Result of a rotation: the retired copy of the former key and the new key's fingerprint. */
    public record Rotation(Path keyFile, Path retired, String oldFingerprint, String newFingerprint) {
    }

    /** The retired keys of {@code keyFile}, newest first. */
    public static List<Path> retired(Path keyFile) {
        Path dir = keyFile.toAbsolutePath().getParent();
        String name = keyFile.getFileName().toString();
        Pattern p = Pattern.compile(Pattern.quote(name) + "\\.\\d{14}(-\\d+)?\\.old");
        List<Path> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                if (p.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)) {
                    out.add(f);
                }
            }
        } catch (IOException e) {
            throw new OpsException(e, "key.unreadable", dir);
        }
        // newest first: by timestamp, then by the -N of rotations within the same second
        out.sort(Comparator.comparing((Path f) -> order(f.getFileName().toString(), name.length())).reversed());
        return out;
    }

    private static String order(String file, int prefix) {
        String rest = file.substring(prefix + 1, file.length() - ".old".length()); // yyyyMMddHHmmss[-N]
        int dash = rest.indexOf('-');
        String stamp = dash < 0 ? rest : rest.substring(0, dash);
        long n = dash < 0 ? 0 : Long.parseLong(rest.substring(dash + 1));
        return stamp + String.format("%010d", n);
    }

    /** Retires the current key as {@code FILE.<timestamp>.old} and writes a new one (both mode 600). */
    public static Rotation rotate(Path keyFile, Clock clock) {
        if (!Files.isRegularFile(keyFile)) {
            throw new OpsException("keys.noKeyFile", keyFile);
        }
        BackupKey old = BackupKey.loadOne(keyFile);
        String stamp = LocalDateTime.now(clock).format(STAMP);
        Path retired = keyFile.resolveSibling(keyFile.getFileName() + "." + stamp + ".old");
        for (int i = 1; Files.exists(retired); i++) {
            retired = keyFile.resolveSibling(keyFile.getFileName() + "." + stamp + "-" + i + ".old");
        }
        Path tmp = keyFile.resolveSibling("." + keyFile.getFileName() + ".new");
        try {
            Files.copy(keyFile, retired, StandardCopyOption.COPY_ATTRIBUTES);
            ownerOnly(retired);
            Files.deleteIfExists(tmp);
            BackupKey fresh = BackupKey.generate(tmp);
            Files.move(tmp, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Rotation(keyFile, retired, fingerprint(old), fingerprint(fresh));
        } catch (IOException e) {
            throw new OpsException(e, "keys.rotateFailed", keyFile, e.getMessage());
        }
    }

    /** Every key of the ring, current first; with {@code archiveDir}, how many of its archives each key opens. */
    public static List<KeyInfo> list(Path keyFile, Path archiveDir) {
        if (!Files.isRegularFile(keyFile)) {
            throw new OpsException("keys.noKeyFile", keyFile);
        }
        List<Path> files = new ArrayList<>();
        files.add(keyFile);
        files.addAll(retired(keyFile));
        List<BackupKey> keys = files.stream().map(BackupKey::loadOne).toList();
        int[] counts = new int[files.size()];
        if (archiveDir != null) {
            for (var a : new BackupService().list(archiveDir)) {
                int i = keyOf(a.path(), keys);
                if (i >= 0) {
                    counts[i]++;
                }
            }
        }
        List<KeyInfo> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            out.add(new KeyInfo(files.get(i), fingerprint(keys.get(i)), i == 0, archiveDir == null ? -1 : counts[i]));
        }
        return out;
    }

    /** Deletes the retired keys no archive of {@code archiveDir} needs; answers the deleted files. */
    public static List<Path> prune(Path keyFile, Path archiveDir, boolean dryRun) {
        List<Path> deleted = new ArrayList<>();
        for (KeyInfo k : list(keyFile, archiveDir)) {
            if (!k.current() && k.archives() == 0) {
                if (!dryRun) {
                    try {
                        Files.delete(k.file());
                    } catch (IOException e) {
                        throw new OpsException(e, "keys.rotateFailed", k.file(), e.getMessage());
                    }
                }
                deleted.add(k.file());
            }
        }
        return deleted;
    }

    /** Index of the key in {@code keys} that opens the archive, -1 for none or an unencrypted archive. */
    static int keyOf(Path archive, List<BackupKey> keys) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(archive), 256))) {
            Container.Header h = Container.readHeader(in);
            if (!h.encrypted()) {
                return -1;
            }
            for (int i = 0; i < keys.size(); i++) {
                if (MessageDigest.isEqual(new Container.Crypto(keys.get(i), h.archiveId()).keyCheck(), h.keyCheck())) {
                    return i;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** First 16 hex digits of the SHA-256 of the key bytes ("-" for no key). */
    public static String fingerprint(BackupKey key) {
        if (!key.encrypts()) {
            return "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.bytes())).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ownerOnly(Path f) throws IOException {
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
