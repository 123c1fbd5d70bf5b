package org.smartproperty.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP secrets at rest (issue 10 item 8, OPS-1): {@code sec_account.totp_secret} holds
 * {@code v1:<key id>:<base64 IV>:<base64 ciphertext>}, AES-256-GCM with a random 12-byte IV per
 * value and the account id as associated data (a value copied to another account does not open).
 * The key id is the first 16 hex digits of the SHA-256 of the key, the fingerprint
 * {@code spm keys list} shows. A value without the {@code v1:} prefix is a plain secret of an older
 * database; it is read as it is and encrypted by the platform at its next start or at the
 * account's next login.
 *
 * <p>The key is kept outside the database, in a key file of 32 random bytes (base64, one line,
 * mode 600; the backup key's format) with the retired keys beside it as
 * {@code FILE.<yyyyMMddHHmmss>[-N].old}, the naming of the backup key ring. Shared by the platform
 * (decrypts at login, encrypts at enrolment) and the operations toolkit
 * ({@code spm keys rotate --totp}, which re-encrypts every secret in one transaction).
 */
public final class TotpSecrets {

    /** Prefix of an encrypted value (format version 1). */
    public static final String PREFIX = "v1:";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Current key first, then the retired ones, newest first. */
    private final List<byte[]> keys;
    private final List<String> ids;

    private TotpSecrets(List<byte[]> keys) {
        this.keys = keys;
        this.ids = keys.stream().map(TotpSecrets::keyId).toList();
    }

    /** A ring in memory: the current key, then retired ones (each 32 bytes). */
    public static TotpSecrets of(byte[] current, byte[]... retired) {
        List<byte[]> all = new ArrayList<>();
        all.add(checked(current, "current"));
        for (byte[] r : retired) {
            all.add(checked(r, "retired"));
        }
        return new TotpSecrets(List.copyOf(all));
    }

    /** A ring in memory with one new random key (tests, tools without a key file). */
    public static TotpSecrets random() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return of(k);
    }

    /** The key file and the retired keys beside it ({@code FILE.<timestamp>.old}). */
    public static TotpSecrets load(Path keyFile) throws IOException {
        List<byte[]> all = new ArrayList<>();
        all.add(readKey(keyFile));
        for (Path p : retired(keyFile)) {
            all.add(readKey(p));
        }
        return new TotpSecrets(List.copyOf(all));
    }

    /** The retired keys of {@code keyFile}, newest first (same names as the backup key ring). */
    public static List<Path> retired(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        String name = keyFile.getFileName().toString();
        Pattern p = Pattern.compile(Pattern.quote(name) + "\\.(\\d{14})(?:-(\\d+))?\\.old");
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
        }
        out.sort(Comparator.comparing((Path f) -> {
            var m = p.matcher(f.getFileName().toString());
            m.matches();
            return m.group(1) + String.format("%010d", m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        }).reversed());
        return out;
    }

    /** One key file: 32 raw bytes or their base64 on one line. */
    public static byte[] readKey(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (raw.length == 32) {
            return raw;
        }
        try {
            byte[] k = Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).trim());
            if (k.length == 32) {
                return k;
            }
        } catch (IllegalArgumentException ignored) {
            // not base64
        }
        throw new IOException("not a 32-byte key (raw or base64): " + file);
    }

    /**
     * Creates a new key file (32 random bytes, base64), owner-only from its creation; creates the
     * folder when missing. Refuses to overwrite: {@link FileAlreadyExistsException}.
     */
    public static TotpSecrets generate(Path file) throws IOException {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
        return of(k);
    }

    /** First 16 hex digits of the SHA-256 of the key: the key id in stored values and the fingerprint of {@code spm keys list}. */
    public static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Id of the key new values are encrypted with. */
    public String currentKeyId() {
        return ids.get(0);
    }

    /** Ids of the ring, current first. */
    public List<String> keyIds() {
        return ids;
    }

    /** Whether the ring holds the key with this id. */
    public boolean has(String keyId) {
        return ids.contains(keyId);
    }

    /** Whether a stored value is encrypted (else it is a plain secret of an older database). */
    public static boolean encrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Key id of an encrypted value; null for a plain one or null. */
    public static String keyIdOf(String stored) {
        if (!encrypted(stored)) {
            return null;
        }
        String[] parts = stored.split(":", -1);
        return parts.length == 4 ? parts[1] : "?";
    }

    /** Whether a stored value is encrypted with the current key (nothing to re-encrypt). */
    public boolean current(String stored) {
        return currentKeyId().equals(keyIdOf(stored));
    }

    /** Encrypts a secret of account {@code accountId} with the current key: {@code v1:<key id>:<iv>:<ciphertext>}. */
    public String encrypt(long accountId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ct = crypt(Cipher.ENCRYPT_MODE, keys.get(0), iv, accountId, secret.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + ids.get(0) + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(ct);
    }

    /**
     * The secret of a stored value: a plain value as it is, an encrypted one with the key of its id.
     *
     * @throws Unreadable when the ring lacks that key, or the value was altered or belongs to another account
     */
    public String decrypt(long accountId, String stored) {
        if (!encrypted(stored)) {
            return stored;
        }
        String[] parts = stored.split(":", -1);
        if (parts.length != 4) {
            throw new Unreadable("?", "malformed value");
        }
        int i = ids.indexOf(parts[1]);
        if (i < 0) {
            throw new Unreadable(parts[1], "the key ring has no key " + parts[1]);
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] plain = crypt(Cipher.DECRYPT_MODE, keys.get(i), b64.decode(parts[2]), accountId, b64.decode(parts[3]));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Unreadable(parts[1], "does not open with key " + parts[1] + " (altered, or another account's value)");
        }
    }

    private static byte[] crypt(int mode, byte[] key, byte[] iv, long accountId, byte[] in) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(("spm:sec_account.totp_secret:" + accountId).getBytes(StandardCharsets.UTF_8));
            return c.doFinal(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static byte[] checked(byte[] key, String which) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the " + which + " TOTP key must have 32 bytes");
        }
        return key.clone();
    }

    /** A stored value that this ring cannot open: the key id it names and why. */
    public static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String keyId;

        public Unreadable(String keyId, String message) {
            super(message);
            this.keyId = keyId;
        }

        public String keyId() {
            return keyId;
        }
    }

    /**
     * Result of {@link #reencrypt}: values encrypted from plain text, values moved from a retired
     * key to the current one, and the accounts (id → username) whose value this ring cannot open.
     */
    public record Reencryption(int fromPlain, int fromRetired, Map<Long, String> unreadable) {
        public int changed() {
            return fromPlain + fromRetired;
        }
    }

    /**
     * In the caller's transaction (the caller commits): every {@code sec_account.totp_secret} that
     * is plain or encrypted with another key than the current one is written again under the
     * current key. The rows are locked ({@code FOR UPDATE}) so a concurrent login or enrolment
     * waits. Values the ring cannot open are left as they are and reported.
     */
    public static Reencryption reencrypt(Connection c, TotpSecrets keys) throws SQLException {
        Map<Long, String[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, username, totp_secret FROM sec_account WHERE totp_secret IS NOT NULL ORDER BY id FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        int plain = 0;
        int retired = 0;
        Map<Long, String> unreadable = new LinkedHashMap<>();
        try (PreparedStatement up = c.prepareStatement("UPDATE sec_account SET totp_secret = ? WHERE id = ?")) {
            for (Map.Entry<Long, String[]> r : rows.entrySet()) {
                long id = r.getKey();
                String stored = r.getValue()[1];
                if (keys.current(stored)) {
                    continue;
                }
                String secret;
                try {
                    secret = keys.decrypt(id, stored);
                } catch (Unreadable e) {
                    unreadable.put(id, r.getValue()[0]);
                    continue;
                }
                up.setString(1, keys.encrypt(id, secret));
                up.setLong(2, id);
                up.executeUpdate();
                if (encrypted(stored)) {
                    retired++;
                } else {
                    plain++;
                }
            }
        }
        return new Reencryption(plain, retired, Map.copyOf(unreadable));
    }
}
