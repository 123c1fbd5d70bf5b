package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.TotpSecrets;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 10 item 8 (OPS-1, 等保 身份鉴别): a TOTP code logs in once — over REST and in the Karaf
 * shell — and TOTP secrets are stored encrypted with a key kept outside the database; plain
 * secrets of older databases keep working and are encrypted at start or at the next login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TotpReplayAndEncryptionPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path dir;

    static final String PW = "Hengqin@2026x";
    static final String IP = "198.51.100.8";

    Path keyFile;
    SecurityServiceImpl security;
    /** Middle of the current time step: the login's clock is fixed there, so no step ends during a test. */
    long now;
    long step;

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        keyFile = dir.resolve("security").resolve("totp.key");
        security = new SecurityServiceImpl(db.dataSource(), new AuditTrailImpl(db.dataSource()), SecurityPolicy.DEFAULTS, TotpKeyStore.file(keyFile));
        assertTrue(security.prepareTotpKey(), "first start creates the key file");
        step = Instant.now().getEpochSecond() / 30;
        now = step * 30 + 15;
        security.clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
    }

    private String stored(String username) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT totp_secret FROM sec_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), username);
                return rs.getString(1);
            }
        }
    }

    private long id(String username) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM sec_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), username);
                return rs.getLong(1);
            }
        }
    }

    private void sql(String s) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(s);
        }
    }

    private String code(String secret, long atStep) {
        return Totp.code(secret, atStep * 30);
    }

    private String refusal(String user, String code) {
        return assertThrows(ApiException.class, () -> security.login(user, PW, code, IP, "junit")).code();
    }

    @Test
    void aCodeLogsInOnceAndNeitherItNorAnEarlierStepIsAcceptedAgain_issue10_item8_OPS1() throws Exception {
        String secret = Totp.newSecret();
        assertTrue(security.ensureAccount("aud-replay", "aud-replay", Role.AUDITOR, PW, secret, DataScope.NONE));
        assertNotNull(security.login("aud-replay", PW, code(secret, step), IP, "junit").token());

        ApiException replay = assertThrows(ApiException.class, () -> security.login("aud-replay", PW, code(secret, step), IP, "junit"));
        assertEquals(401, replay.status());
        assertEquals("auth.totpReplayed", replay.code());
        assertEquals("auth.totpReplayed", refusal("aud-replay", code(secret, step - 1)), "an earlier step of the window is refused too");
        assertEquals("auth.totpInvalid", refusal("aud-replay", code(secret, step - 2)), "outside the window: wrong, as before");

        assertNotNull(security.login("aud-replay", PW, code(secret, step + 1), IP, "junit").token(), "the next step (clock skew) is new");
        assertEquals("auth.totpReplayed", refusal("aud-replay", code(secret, step)), "now earlier than the last accepted step");

        Map<String, Object> failures = new AuditTrailImpl(db.dataSource()).query("aud-replay", "login.failure", null, null, null, null, 0, 20);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) failures.get("items");
        assertEquals(3, items.stream().filter(m -> String.valueOf(m.get("summary")).contains("totp replayed")).count(), "every replay is audited");
        assertEquals(step + 1, lastStep("aud-replay"));
    }

    @Test
    void theKarafShellLoginRefusesAReplayedCodeAsWell_issue10_item8_OPS1() {
        String secret = Totp.newSecret();
        assertTrue(security.ensureAccount("sys-shell", "sys-shell", Role.SYSADMIN, PW, secret, DataScope.NONE));
        assertEquals(Set.of(Role.SYSADMIN), SpmLoginModule.shellLogin(security, "sys-shell", PW + " " + code(secret, step)));
        ApiException e = assertThrows(ApiException.class, () -> SpmLoginModule.shellLogin(security, "sys-shell", PW + " " + code(secret, step)));
        assertEquals("auth.totpReplayed", e.code());
        assertEquals("auth.totpReplayed", refusal("sys-shell", code(secret, step)), "the shell and the API share one last step");
    }

    @Test
    void enrolmentStoresTheSecretEncryptedUnderTheKeyFileAndStartsANewStepHistory_issue10_item8() throws Exception {
        assertTrue(security.ensureAccount("sec-enrol", "sec-enrol", Role.SECADMIN, PW, null, DataScope.NONE));
        SecurityServiceImpl.LoginResult first = security.login("sec-enrol", PW, null, IP, "junit");
        assertTrue(first.totpEnrollmentRequired());
        String secret = security.enrollTotp(security.authenticate(first.token(), IP), "junit").get("secret");

        String value = stored("sec-enrol");
        assertNotEquals(secret, value);
        assertFalse(value.contains(secret));
        TotpSecrets ring = TotpSecrets.load(keyFile);
        assertTrue(value.startsWith("v1:" + ring.currentKeyId() + ":"), value);
        assertEquals(secret, ring.decrypt(id("sec-enrol"), value), "opens with the key file, for this account only");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertNull(lastStep("sec-enrol"));
        assertFalse(security.login("sec-enrol", PW, code(secret, step), IP, "junit").limited());

        String provisioned = Totp.newSecret();
        assertTrue(security.ensureAccount("aud-provisioned", "aud-provisioned", Role.AUDITOR, PW, provisioned, DataScope.NONE));
        assertEquals(provisioned, ring.decrypt(id("aud-provisioned"), stored("aud-provisioned")), "provisioned (demo) secrets are encrypted too");
    }

    @Test
    void aPlainLegacySecretStillLogsInAndIsEncryptedAfterwards_issue10_item8() throws Exception {
        assertTrue(security.ensureAccount("aud-legacy", "aud-legacy", Role.AUDITOR, PW, null, DataScope.NONE));
        String secret = "DEMOAUDITORSPMHENGQINAAAAAAAAAAA";
        sql("UPDATE sec_account SET totp_secret = '" + secret + "' WHERE username = 'aud-legacy'"); // as stored before issue 10 item 8
        assertFalse(security.login("aud-legacy", PW, code(secret, step), IP, "junit").limited());
        String value = stored("aud-legacy");
        assertTrue(TotpSecrets.encrypted(value), value);
        assertEquals(secret, TotpSecrets.load(keyFile).decrypt(id("aud-legacy"), value));
        assertEquals("auth.totpReplayed", refusal("aud-legacy", code(secret, step)));
        assertFalse(security.login("aud-legacy", PW, code(secret, step + 1), IP, "junit").limited(), "and logs in from the encrypted value");
    }

    @Test
    void theStartEncryptsEveryPlainSecretInOneAuditedTransaction_issue10_item8() throws Exception {
        String a = Totp.newSecret();
        String b = Totp.newSecret();
        assertTrue(security.ensureAccount("sys-old-a", "a", Role.SYSADMIN, PW, null, DataScope.NONE));
        assertTrue(security.ensureAccount("sys-old-b", "b", Role.SYSADMIN, PW, null, DataScope.NONE));
        sql("UPDATE sec_account SET totp_secret = '" + a + "' WHERE username = 'sys-old-a'");
        sql("UPDATE sec_account SET totp_secret = '" + b + "' WHERE username = 'sys-old-b'");
        TotpSecrets.Reencryption r = security.encryptTotpSecrets();
        assertTrue(r.fromPlain() >= 2, r.toString());
        assertTrue(r.unreadable().isEmpty());
        TotpSecrets ring = TotpSecrets.load(keyFile);
        assertEquals(a, ring.decrypt(id("sys-old-a"), stored("sys-old-a")));
        assertEquals(b, ring.decrypt(id("sys-old-b"), stored("sys-old-b")));
        assertEquals(0, security.encryptTotpSecrets().changed(), "nothing left to do");
        assertTrue((Long) new AuditTrailImpl(db.dataSource()).query("system", "totp.reencrypt", null, null, null, null, 0, 5).get("total") >= 1);
        assertFalse(security.login("sys-old-a", PW, code(a, step), IP, "junit").limited());
    }

    @Test
    void aKeyRotatedWhileRunningIsPickedUpAndOldValuesMoveToTheNewKey_issue10_item8() throws Exception {
        String secret = Totp.newSecret();
        assertTrue(security.ensureAccount("aud-rot", "aud-rot", Role.AUDITOR, PW, secret, DataScope.NONE));
        String before = TotpSecrets.keyIdOf(stored("aud-rot"));
        // what spm keys rotate --totp does to the files (KeyRing.rotate): the former key beside, a new one in place
        Path retired = keyFile.resolveSibling("totp.key.20260101000000.old");
        Files.copy(keyFile, retired, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        Path tmp = keyFile.resolveSibling(".totp.key.new");
        Files.deleteIfExists(tmp);
        String fresh = TotpSecrets.generate(tmp).currentKeyId();
        Files.move(tmp, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertFalse(security.login("aud-rot", PW, code(secret, step), IP, "junit").limited(), "the retired key still opens the value");
        assertEquals(fresh, TotpSecrets.keyIdOf(stored("aud-rot")), "and the login moved it to the new key (was " + before + ")");
        assertNotEquals(before, fresh);
        assertTrue(security.encryptTotpSecrets().unreadable().isEmpty());
    }

    @Test
    void aMissingKeyFileIsNotReplacedWhileTheDatabaseHoldsEncryptedSecrets_issue10_item8() throws Exception {
        String secret = Totp.newSecret();
        assertTrue(security.ensureAccount("aud-lost", "aud-lost", Role.AUDITOR, PW, secret, DataScope.NONE));
        Path elsewhere = dir.resolve("other-node").resolve("totp.key");
        SecurityServiceImpl node2 = new SecurityServiceImpl(db.dataSource(), new AuditTrailImpl(db.dataSource()), SecurityPolicy.DEFAULTS,
                TotpKeyStore.file(elsewhere));
        assertFalse(node2.prepareTotpKey());
        assertFalse(Files.exists(elsewhere), "a new key would hide the missing one");
        ApiException e = assertThrows(ApiException.class, () -> node2.login("aud-lost", PW, Totp.code(secret, Instant.now().getEpochSecond()), IP, "junit"));
        assertEquals(503, e.status());
        assertEquals("totp.keyUnavailable", e.code());
        Files.createDirectories(elsewhere.getParent());
        Files.copy(keyFile, elsewhere);
        for (Path old : TotpSecrets.retired(keyFile)) {
            Files.copy(old, elsewhere.resolveSibling(old.getFileName()));
        }
        node2.clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
        assertFalse(node2.login("aud-lost", PW, code(secret, step), IP, "junit").limited(), "with the key ring copied in, it logs in");
    }

    private Long lastStep(String username) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT totp_last_step FROM sec_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getObject(1, Long.class);
            }
        }
    }
}
