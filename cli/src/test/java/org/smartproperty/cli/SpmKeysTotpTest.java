package org.smartproperty.cli;

import static org.smartproperty.cli.CliHarness.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.cli.CliHarness.Result;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.TotpSecrets;
import org.smartproperty.platform.security.internal.SecurityServiceImpl;
import org.smartproperty.platform.testsupport.TestDatabase;

/** Issue 10 item 8 (OPS-1): the real `spm keys rotate | list | prune --totp` against PostgreSQL, with the platform logging in around them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpmKeysTotpTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path tmp;

    static Path config;
    static Path securityCfg;
    static Path key;
    static SecurityServiceImpl platform;

    static final String PW = "Hengqin@2026x";
    static final String AUDITOR = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    static final String LEGACY = "DEMOSECADMINSPMHENGQINAAAAAAAAAA";

    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        config = CliHarness.dbConfig(tmp.resolve("db.cfg"), db);
        key = tmp.resolve("data").resolve("security").resolve("totp.key");
        // the key file as the platform names it in etc/org.smartproperty.security.cfg
        securityCfg = tmp.resolve("org.smartproperty.security.cfg");
        Files.writeString(securityCfg, "totp.keyFile = " + key + "\n");
        platform = SecurityServiceImpl.standalone(db.dataSource(), key);
        platform.ensureAccount("cli-auditor", "cli-auditor", Role.AUDITOR, PW, AUDITOR, DataScope.NONE);
        platform.ensureAccount("cli-secadmin", "cli-secadmin", Role.SECADMIN, PW, null, DataScope.NONE);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE sec_account SET totp_secret = '" + LEGACY + "' WHERE username = 'cli-secadmin'"); // plain, as before issue 10 item 8
        }
    }

    /** RFC 6238 code at {@code epochSeconds}. */
    static String code(String base32, long epochSeconds) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream k = new java.io.ByteArrayOutputStream();
        int buffer = 0, bits = 0;
        for (char ch : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                k.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(k.toByteArray(), "HmacSHA1"));
        byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(epochSeconds / 30).array());
        int o = h[h.length - 1] & 0x0f;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", bin % 1_000_000);
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
    @Order(1)
    void listCountsTheSecretsPerKeyAndWarnsAboutPlainOnes_issue10_item8_OPS_1() throws Exception {
        Result r = spm("keys", "list", "--totp", "--security-config", securityCfg.toString(), "--config", config.toString(), "--output", "json");
        assertEquals(Spm.WARNING, r.code(), r.out() + r.err());
        JsonNode k = r.json().path("records").get(0);
        assertEquals("key", k.path("type").asText());
        assertEquals(key.toString(), k.path("file").asText());
        assertTrue(k.path("current").asBoolean());
        assertEquals(TotpSecrets.load(key).currentKeyId(), k.path("fingerprint").asText());
        assertEquals(1, k.path("secrets").asInt());
        JsonNode s = r.json().path("records").get(1);
        assertEquals("key.secrets", s.path("type").asText());
        assertEquals(1, s.path("plain").asInt());

        Result t = spm("keys", "list", "--totp", "--key-file", key.toString(), "--config", config.toString());
        assertTrue(t.out().startsWith("KEY") && t.out().contains("SECRETS"), t.out());
    }

    @Test
    @Order(2)
    void rotateReencryptsEverySecretInOneTransactionAndLoginsStillWork_issue10_item8_OPS_1() throws Exception {
        assertFalse(platform.login("cli-auditor", PW, code(AUDITOR, Instant.now().getEpochSecond()), "127.0.0.1", "junit").limited());
        String oldId = TotpSecrets.load(key).currentKeyId();

        Result rot = spm("keys", "rotate", "--totp", "--security-config", securityCfg.toString(), "--config", config.toString(), "--output", "json");
        assertEquals(Spm.OK, rot.code(), rot.out() + rot.err());
        JsonNode rr = rot.json().path("records").get(0);
        assertEquals("key.rotation", rr.path("type").asText());
        assertEquals("totp", rr.path("ring").asText());
        assertEquals(oldId, rr.path("oldFingerprint").asText());
        String newId = rr.path("newFingerprint").asText();
        assertNotEquals(oldId, newId);
        assertEquals(2, rr.path("secrets").asInt());
        assertEquals(1, rr.path("fromPlain").asInt(), "the plain secret is encrypted by the rotation too");
        Path retired = Path.of(rr.path("retired").asText());
        assertTrue(retired.getFileName().toString().matches("totp\\.key\\.\\d{14}\\.old"), retired.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(retired)));
        for (String u : new String[] {"cli-auditor", "cli-secadmin"}) {
            assertEquals(newId, TotpSecrets.keyIdOf(stored(u)), u);
        }

        // the running platform picks up the new key file; a new code (next step) logs in
        assertFalse(platform.login("cli-auditor", PW, code(AUDITOR, Instant.now().getEpochSecond() + 30), "127.0.0.1", "junit").limited());
        assertFalse(platform.login("cli-secadmin", PW, code(LEGACY, Instant.now().getEpochSecond()), "127.0.0.1", "junit").limited());
        try (Connection c = db.dataSource().getConnection()) {
            assertTrue(AuditChain.verify(c).intact());
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT actor, object_id FROM aud_event WHERE action = 'ops.keys.rotate-totp'")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("ops:"));
                assertEquals(newId, rs.getString(2));
            }
        }

        Result text = spm("keys", "rotate", "--totp", "--key-file", key.toString(), "--config", config.toString());
        assertEquals(Spm.OK, text.code(), text.err());
        assertTrue(text.out().contains("2") && text.out().contains(key.toString()), text.out());
    }

    @Test
    @Order(3)
    void pruneDeletesTheRetiredKeysNoSecretUses_issue10_item8_OPS_1() throws Exception {
        assertEquals(2, TotpSecrets.retired(key).size());
        Result dry = spm("keys", "prune", "--totp", "--key-file", key.toString(), "--config", config.toString(), "--dry-run", "--output", "json");
        assertEquals(Spm.OK, dry.code(), dry.err());
        assertEquals(2, dry.json().path("records").size());
        assertEquals(2, TotpSecrets.retired(key).size());
        Result p = spm("keys", "prune", "--totp", "--key-file", key.toString(), "--config", config.toString());
        assertEquals(Spm.OK, p.code(), p.err());
        assertTrue(TotpSecrets.retired(key).isEmpty());
        Result l = spm("keys", "list", "--totp", "--key-file", key.toString(), "--config", config.toString(), "--output", "json");
        assertEquals(Spm.OK, l.code(), "no plain secrets left: " + l.out());
        assertEquals(2, l.json().path("records").get(0).path("secrets").asInt());
    }

    @Test
    @Order(4)
    void aForeignKeyFileRotatesNothingAndUsageErrorsAre64_issue10_item8_OPS_1() throws Exception {
        Path other = tmp.resolve("other").resolve("totp.key");
        TotpSecrets.generate(other);
        String before = Files.readString(other);
        Result r = spm("keys", "rotate", "--totp", "--key-file", other.toString(), "--config", config.toString());
        assertEquals(Spm.CRITICAL, r.code(), r.out() + r.err());
        assertEquals(before, Files.readString(other));
        assertTrue(TotpSecrets.retired(other).isEmpty());

        assertEquals(Spm.USAGE, spm("keys", "rotate", "--totp", "--key-file", tmp.resolve("none.key").toString(), "--config", config.toString()).code());
        assertEquals(Spm.USAGE, spm("keys", "list", "--totp", "--key-file", key.toString(), "--dir", tmp.toString(), "--config", config.toString()).code());
        assertEquals(Spm.USAGE, spm("keys", "list").code(), "the backup ring needs --key-file");
        assertEquals(Spm.USAGE, spm("keys", "prune", "--key-file", key.toString()).code(), "the backup ring needs --dir");
    }
}
