package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.TotpSecrets;
import org.smartproperty.platform.security.internal.SecurityServiceImpl;
import org.smartproperty.platform.testsupport.TestDatabase;

/** Issue 10 item 8 (OPS-1): rotating the TOTP key re-encrypts every secret in one transaction, and logins keep working. */
class TotpKeysTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    Path tmp;

    static final String PW = "Hengqin@2026x";
    static final Clock AT = Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);

    @BeforeAll
    static void schema() throws Exception {
        db.migrate("db/security.changelog.xml");
    }

    /** Each test starts with no TOTP secret in the schema (each test has a key ring of its own). */
    @BeforeEach
    void noSecrets() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE sec_account SET totp_secret = NULL, totp_last_step = NULL");
        }
    }

    /** RFC 6238 code of a base32 secret at {@code epochSeconds} (what the authenticator app shows). */
    static String code(String base32, long epochSeconds) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0, bits = 0;
        for (char ch : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(epochSeconds / 30).array());
        int o = h[h.length - 1] & 0x0f;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", bin % 1_000_000);
    }

    static List<String> stored() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT totp_secret FROM sec_account WHERE totp_secret IS NOT NULL ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static String stored(String username) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT totp_secret FROM sec_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void rotationReencryptsEverySecretInOneAuditedTransactionAndLoginsStillWork_issue10_item8_OPS_1() throws Exception {
        Path key = tmp.resolve("security").resolve("totp.key");
        SecurityServiceImpl platform = SecurityServiceImpl.standalone(db.dataSource(), key);
        assertTrue(Files.isRegularFile(key), "created at first start");
        String s1 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        String s2 = "DEMOSYSADMINSPMHENGQINAAAAAAAAAA";
        assertTrue(platform.ensureAccount("rot-aud", "rot-aud", Role.AUDITOR, PW, s1, DataScope.NONE));
        assertTrue(platform.ensureAccount("rot-sys", "rot-sys", Role.SYSADMIN, PW, null, DataScope.NONE));
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE sec_account SET totp_secret = '" + s2 + "' WHERE username = 'rot-sys'"); // plain, as before issue 10 item 8
        }
        assertFalse(platform.login("rot-aud", PW, code(s1, Instant.now().getEpochSecond()), "127.0.0.1", "junit").limited());
        String oldId = TotpSecrets.load(key).currentKeyId();
        String beforeAud = stored("rot-aud");

        TotpKeys.Rotation r = TotpKeys.rotate(db.dataSource(), key, AT, "ops:tester");
        assertEquals(oldId, r.oldKeyId());
        assertNotEquals(oldId, r.newKeyId());
        assertEquals(key.resolveSibling("totp.key.20261127101530.old"), r.retired());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.retired())));
        assertTrue(r.secrets() >= 2);
        assertTrue(r.fromPlain() >= 1, "plain secrets are encrypted by the rotation too");
        for (String v : stored()) {
            assertEquals(r.newKeyId(), TotpSecrets.keyIdOf(v), "every secret under the new key: " + v);
        }
        assertNotEquals(beforeAud, stored("rot-aud"));

        // the running platform reads the rotated file; the next code (a new step) logs in
        assertFalse(platform.login("rot-aud", PW, code(s1, Instant.now().getEpochSecond() + 30), "127.0.0.1", "junit").limited());
        assertFalse(platform.login("rot-sys", PW, code(s2, Instant.now().getEpochSecond()), "127.0.0.1", "junit").limited());
        try (Connection c = db.dataSource().getConnection()) {
            assertTrue(AuditChain.verify(c).intact());
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT actor, object_id, summary FROM aud_event WHERE action = 'ops.keys.rotate-totp'")) {
                assertTrue(rs.next());
                assertEquals("ops:tester", rs.getString(1));
                assertEquals(r.newKeyId(), rs.getString(2));
                assertTrue(rs.getString(3).contains("\"retired\":\"" + oldId + "\""), rs.getString(3));
            }
        }

        TotpKeys.Listing l = TotpKeys.list(db.dataSource(), key);
        assertEquals(2, l.keys().size());
        assertTrue(l.keys().get(0).current());
        assertEquals(r.newKeyId(), l.keys().get(0).keyId());
        assertEquals(0, l.keys().get(1).secrets());
        assertEquals(0, l.plain());
        assertEquals(List.of(r.retired()), TotpKeys.prune(db.dataSource(), key, true));
        assertTrue(Files.exists(r.retired()), "dry run");
        assertEquals(List.of(r.retired()), TotpKeys.prune(db.dataSource(), key, false));
        assertFalse(Files.exists(r.retired()));
    }

    @Test
    void aRingThatCannotOpenEverySecretRotatesNothing_issue10_item8_OPS_1() throws Exception {
        Path key = tmp.resolve("node1").resolve("totp.key");
        SecurityServiceImpl platform = SecurityServiceImpl.standalone(db.dataSource(), key);
        assertTrue(platform.ensureAccount("lost-aud", "lost-aud", Role.AUDITOR, PW, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", DataScope.NONE));
        Path other = tmp.resolve("node2").resolve("totp.key");
        TotpSecrets.generate(other);
        String before = Files.readString(other);
        OpsException e = assertThrows(OpsException.class, () -> TotpKeys.rotate(db.dataSource(), other, AT, "ops:tester"));
        assertEquals("keys.totpUnknownKey", e.key());
        assertEquals(before, Files.readString(other), "the key file is untouched");
        assertTrue(TotpSecrets.retired(other).isEmpty(), "no retired copy either");
        assertEquals("keys.noTotpKeyFile", assertThrows(OpsException.class,
                () -> TotpKeys.rotate(db.dataSource(), tmp.resolve("none.key"), AT, "ops:tester")).key());
        assertTrue(TotpKeys.list(db.dataSource(), other).unknown() >= 1);
    }

    @Test
    void theKeyFileComesFromTheSecurityConfigElseTheDataFolder_issue10_item8() throws Exception {
        Path home = tmp.resolve("spm");
        Path cfg = Files.createDirectories(home.resolve("etc")).resolve("org.smartproperty.security.cfg");
        assertEquals(home.resolve("data/security/totp.key"), TotpKeys.keyFile(cfg, home, home.resolve("data")));
        Files.writeString(cfg, "totp.keyFile = ${karaf.etc}/totp.key\n");
        assertEquals(home.resolve("etc/totp.key"), TotpKeys.keyFile(cfg, home, home.resolve("data")));
        Files.writeString(cfg, "totp.keyFile = /srv/keys/totp.key\n");
        assertEquals(Path.of("/srv/keys/totp.key"), TotpKeys.keyFile(cfg, home, null));
    }
}
