package org.smartproperty.platform.security.internal;

import static org.smartproperty.platform.security.internal.SecurityServiceImpl.update;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.TotpSecrets;
import org.smartproperty.platform.security.internal.AccountRows.Account;

/**
 * TOTP secrets at rest (issue 10 item 8): the key file at start, decrypting an account's secret,
 * re-encrypting plain or retired-key values under the current key. Part of
 * {@link SecurityServiceImpl}, split along its duties (issue 10 item 5); transactions and audit
 * through the service.
 */
final class TotpSecretsAtRest {

    private static final Logger LOG = LoggerFactory.getLogger(TotpSecretsAtRest.class);

    private final SecurityServiceImpl owner;

    TotpSecretsAtRest(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    /** The key ring of the TOTP secrets, or 503 {@code totp.keyUnavailable} when this node has no usable key file. */
    TotpSecrets totpRing() {
        TotpKeyStore store = owner.totpKeys();
        TotpSecrets ring = store == null ? null : store.ring();
        if (ring == null) {
            LOG.error("No usable TOTP key file ({}): TOTP logins and enrolments answer 503", store == null ? "-" : store.file());
            throw Sec.problem(503, "totp.keyUnavailable");
        }
        return ring;
    }

    /** The account's TOTP secret in clear: a plain value of an older database as it is, an encrypted one through the key ring. */
    String totpSecret(Account a) {
        String stored = a.totpSecret();
        if (!TotpSecrets.encrypted(stored)) {
            return stored;
        }
        TotpSecrets ring = totpRing();
        if (!ring.has(TotpSecrets.keyIdOf(stored))) {
            ring = owner.totpKeys().reload(); // rotated since the ring was read
        }
        try {
            return ring.decrypt(a.id(), stored);
        } catch (TotpSecrets.Unreadable e) {
            LOG.error("The TOTP secret of account {} cannot be read ({}): give this node the key ring that holds key {} ({} and its .old files)",
                    a.username(), e.getMessage(), e.keyId(), owner.totpKeys().file());
            throw Sec.problem(503, "totp.keyUnavailable");
        }
    }

    /**
     * After a successful TOTP check: a plain secret (older database) or one under a retired key is
     * written again under the current key, in the login's transaction. Only if nobody changed it
     * meanwhile (a rotation or a start migration on another node).
     */
    void reencryptTotp(Connection c, Account a, String secret) throws SQLException {
        TotpKeyStore store = owner.totpKeys();
        TotpSecrets ring = store == null ? null : store.ring();
        if (ring != null && !ring.current(a.totpSecret())) {
            update(c, "UPDATE sec_account SET totp_secret = ? WHERE id = ? AND totp_secret = ?", ring.encrypt(a.id(), secret), a.id(), a.totpSecret());
        }
    }

    /**
     * The key file at start: read it, or create it (mode 600) when it is absent and no secret in the
     * database is encrypted yet (first start, or a database of before issue 10 item 8). When the
     * database already holds encrypted secrets, a missing file is an error that creating a new key
     * would only hide: it is logged, and TOTP logins answer 503 until the key ring is copied in.
     *
     * @return whether a usable key ring is there
     */
    boolean prepareTotpKey() {
        TotpKeyStore store = owner.totpKeys();
        if (store == null) {
            return false;
        }
        Path file = store.file();
        if (file == null) {
            return true;
        }
        if (Files.exists(file)) {
            return store.ring() != null;
        }
        Set<String> ids = owner.tx(c -> {
            Set<String> found = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT totp_secret FROM sec_account WHERE totp_secret LIKE 'v1:%'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(TotpSecrets.keyIdOf(rs.getString(1)));
                }
            }
            return found;
        });
        if (!ids.isEmpty()) {
            LOG.error("The TOTP key file {} is missing, and the database holds TOTP secrets encrypted with key(s) {}: copy the key ring "
                    + "(the file and its .old files) from another node or from its safe copy; until then TOTP logins and enrolments answer 503", file, ids);
            return false;
        }
        try {
            TotpSecrets created = TotpSecrets.generate(file);
            LOG.warn("Created the TOTP key file {} (mode 600, key {}): keep a copy off the machine and give every node the same file", file,
                    created.currentKeyId());
        } catch (FileAlreadyExistsException e) {
            // another start created it meanwhile
        } catch (IOException e) {
            LOG.error("Cannot create the TOTP key file {}: {}; TOTP logins and enrolments answer 503", file, e.toString());
            return false;
        }
        return store.ring() != null;
    }

    /**
     * Start (issue 10 item 8): in one transaction, encrypts the plain secrets of an older database
     * (the demo accounts' fixed secrets too) and moves values of retired keys to the current key;
     * audited as {@code totp.reencrypt}. Nothing when this node has no key ring. Secrets the ring
     * cannot open are logged and left as they are.
     */
    public TotpSecrets.Reencryption encryptTotpSecrets() {
        TotpKeyStore store = owner.totpKeys();
        TotpSecrets ring = store == null ? null : store.ring();
        if (ring == null) {
            return null;
        }
        TotpSecrets.Reencryption r = owner.tx(c -> {
            TotpSecrets.Reencryption done = TotpSecrets.reencrypt(c, ring);
            if (done.changed() > 0) {
                owner.audit().append(c, AuditEvent.of("system", "totp.reencrypt", "key", ring.currentKeyId(),
                        AuditEvent.summary("fromPlain", done.fromPlain(), "fromRetired", done.fromRetired())));
            }
            return done;
        });
        if (r.changed() > 0) {
            LOG.info("TOTP secrets encrypted with key {}: {} from plain text, {} from retired keys", ring.currentKeyId(), r.fromPlain(), r.fromRetired());
        }
        if (!r.unreadable().isEmpty()) {
            LOG.error("TOTP secrets of {} cannot be read with the key ring of {}: those accounts cannot log in with TOTP on this node",
                    r.unreadable().values(), store.file());
        }
        return r;
    }
}
