package org.smartproperty.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.TotpSecrets;

/**
 * The key ring of the TOTP secrets (issue 10 item 8, OPS-1: {@code spm keys rotate | list | prune --totp}).
 * The key file ({@code totp.keyFile} of PID {@code org.smartproperty.security}, default
 * {@code data/security/totp.key}) has the backup key's format and ring naming ({@link KeyRing}):
 * a rotation keeps the former key as {@code FILE.<yyyyMMddHHmmss>.old} and writes a new one, then
 * re-encrypts every {@code sec_account.totp_secret} with it in ONE transaction, audited as
 * {@code ops.keys.rotate-totp}. The platform reads the ring again when the file changes, and
 * opens values of either key meanwhile (each value names its key).
 */
public final class TotpKeys {

    /** File name of the key under {@code ${karaf.data}/security/} when {@code totp.keyFile} is not set. */
    public static final String DEFAULT_FILE = "totp.key";

    private TotpKeys() {
    }

    /** Result of {@link #rotate}: the retired copy, both key ids and how many secrets now use the new key. */
    public record Rotation(Path keyFile, Path retired, String oldKeyId, String newKeyId, int secrets, int fromPlain) {
    }

    /** One key of the ring and how many stored secrets use it. */
    public record KeyInfo(Path file, String keyId, boolean current, int secrets) {
    }

    /** The ring with counts; {@code plain}: secrets still in clear; {@code unknown}: secrets of keys the ring lacks. */
    public record Listing(List<KeyInfo> keys, int plain, int unknown) {
    }

    /**
     * The key file of an installation: {@code totp.keyFile} of {@code securityCfg} when set
     * ({@code ${karaf.data}}, {@code ${karaf.home}}, {@code ${karaf.etc}} resolved against
     * {@code home}), else {@code dataDir/security/totp.key}; null when neither is known.
     */
    public static Path keyFile(Path securityCfg, Path home, Path dataDir) {
        if (securityCfg != null && Files.isRegularFile(securityCfg)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(securityCfg)) {
                p.load(in);
            } catch (IOException e) {
                throw new OpsException(e, "key.unreadable", securityCfg);
            }
            String v = p.getProperty("totp.keyFile");
            if (v != null && !v.isBlank()) {
                Path h = home == null ? Path.of(".") : home;
                Path data = dataDir != null ? dataDir : h.resolve("data");
                return Path.of(v.trim().replace("${karaf.data}", data.toString()).replace("${karaf.etc}", h.resolve("etc").toString())
                        .replace("${karaf.home}", h.toString()).replace("${karaf.base}", h.toString()));
            }
        }
        return dataDir == null ? null : dataDir.resolve("security").resolve(DEFAULT_FILE);
    }

    /**
     * Rotates the TOTP key and re-encrypts every secret with the new one in one transaction. First
     * checks, with the rows locked, that the ring opens every encrypted secret (else
     * {@code keys.totpUnknownKey} and nothing changes: a wrong node or a lost key file). If the
     * transaction then fails, the files are already rotated; the secrets stay readable through the
     * retired key and the platform moves them at its next start or login ({@code keys.totpReencryptFailed}).
     */
    public static Rotation rotate(DataSource ds, Path keyFile, Clock clock, String actor) {
        TotpSecrets before = ring(keyFile);
        KeyRing.Rotation files = null;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, Integer> byKey = new HashMap<>();
                String missing = null;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT username, totp_secret FROM sec_account WHERE totp_secret IS NOT NULL ORDER BY id FOR UPDATE");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = TotpSecrets.keyIdOf(rs.getString(2));
                        if (id != null && !before.has(id) && missing == null) {
                            missing = rs.getString(1) + " (" + id + ")";
                        }
                        byKey.merge(String.valueOf(id), 1, Integer::sum);
                    }
                }
                if (missing != null) {
                    throw new OpsException("keys.totpUnknownKey", keyFile, missing);
                }
                files = KeyRing.rotate(keyFile, clock);
                TotpSecrets after = ring(keyFile);
                TotpSecrets.Reencryption r = TotpSecrets.reencrypt(c, after);
                int total = byKey.values().stream().mapToInt(Integer::intValue).sum();
                AuditChain.append(c, AuditEvent.of(actor, "ops.keys.rotate-totp", "key", after.currentKeyId(),
                        AuditEvent.summary("retired", before.currentKeyId(), "secrets", total, "fromPlain", r.fromPlain())));
                c.commit();
                return new Rotation(keyFile, files.retired(), before.currentKeyId(), after.currentKeyId(), total, r.fromPlain());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (files != null) {
                    throw new OpsException(e, "keys.totpReencryptFailed", keyFile, files.retired().getFileName(), e.getMessage());
                }
                throw e;
            }
        } catch (SQLException e) {
            if (files != null) {
                throw new OpsException(e, "keys.totpReencryptFailed", keyFile, files.retired().getFileName(), e.getMessage());
            }
            throw new OpsException(e, "keys.totpDbFailed", e.getMessage());
        }
    }

    /** Every key of the ring, current first, with the number of stored secrets each one encrypts. */
    public static Listing list(DataSource ds, Path keyFile) {
        TotpSecrets ring = ring(keyFile);
        List<Path> files = new ArrayList<>();
        files.add(keyFile);
        try {
            files.addAll(TotpSecrets.retired(keyFile));
        } catch (IOException e) {
            throw new OpsException(e, "key.unreadable", keyFile);
        }
        Map<String, Integer> counts = new HashMap<>();
        int plain = 0;
        int unknown = 0;
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT totp_secret FROM sec_account WHERE totp_secret IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = TotpSecrets.keyIdOf(rs.getString(1));
                if (id == null) {
                    plain++;
                } else if (!ring.has(id)) {
                    unknown++;
                } else {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        } catch (SQLException e) {
            throw new OpsException(e, "keys.totpDbFailed", e.getMessage());
        }
        List<KeyInfo> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String id = ring.keyIds().get(i);
            out.add(new KeyInfo(files.get(i), id, i == 0, counts.getOrDefault(id, 0)));
        }
        return new Listing(List.copyOf(out), plain, unknown);
    }

    /** Deletes the retired keys no stored secret uses any more; answers the deleted files. */
    public static List<Path> prune(DataSource ds, Path keyFile, boolean dryRun) {
        List<Path> deleted = new ArrayList<>();
        for (KeyInfo k : list(ds, keyFile).keys()) {
            if (!k.current() && k.secrets() == 0) {
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

    private static TotpSecrets ring(Path keyFile) {
        if (keyFile == null || !Files.isRegularFile(keyFile)) {
            throw new OpsException("keys.noTotpKeyFile", String.valueOf(keyFile));
        }
        try {
            return TotpSecrets.load(keyFile);
        } catch (IOException e) {
            throw new OpsException(e, "key.invalid", keyFile);
        }
    }
}
