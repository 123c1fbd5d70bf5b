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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-1: the real `spm passwords …` and `spm keys …` commands against PostgreSQL. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpmPasswordsTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path tmp;

    static Path config;



    static Path writeConfig(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    static String schemaUrl() {
        return CliHarness.schemaUrl(db);
    }

    static long nextId = 100;

    /** An account with a password changed {@code ageDays} ago (null: never), roles, must_change. */
    static long account(Statement s, String name, Integer ageDays, boolean mustChange, String status, String... roles) throws Exception {
        long id = nextId++;
        s.execute("INSERT INTO sec_account (id, username, status, password_hash, password_changed_at, must_change, failed_count, scope_kind, created_at, updated_at, version)"
                + " VALUES (" + id + ", '" + name + "', '" + status + "', 'pbkdf2$x', " + (ageDays == null ? "NULL" : "now() - interval '" + ageDays + " days'")
                + ", " + mustChange + ", 0, 'ALL', now(), now(), 1)");
        for (String r : roles) {
            s.execute("INSERT INTO sec_account_role (account_id, role) VALUES (" + id + ", '" + r + "')");
        }
        return id;
    }

    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            account(s, "expired.officer", 120, false, "ACTIVE", "OFFICER");
            account(s, "soon.officer", 80, false, "ACTIVE", "OFFICER");
            account(s, "fresh.ops", 5, false, "ACTIVE", "OPS");
            account(s, "initial.admin", 1, true, "ACTIVE", "SYSADMIN");
            account(s, "never.changed", null, false, "ACTIVE", "AUDITOR");
            long locked = account(s, "locked.inspector", 10, false, "ACTIVE", "INSPECTOR");
            s.execute("UPDATE sec_account SET locked_until = now() + interval '20 minutes' WHERE id = " + locked);
            account(s, "gone.user", 200, false, "DISABLED", "OFFICER");
            // an IdP account (no password) is not listed
            s.execute("INSERT INTO sec_account (id, username, status, must_change, failed_count, scope_kind, created_at, updated_at, version)"
                    + " VALUES (99, 'idp.user', 'ACTIVE', FALSE, 0, 'ALL', now(), now(), 1)");
            s.execute("INSERT INTO sec_token (token_hash, account_id, created_at, last_seen_at, expires_at, limited) SELECT 'tok-' || id, id, now(), now(), "
                    + "now() + interval '1 hour', FALSE FROM sec_account WHERE username IN ('fresh.ops', 'soon.officer', 'expired.officer')");
        }
        config = writeConfig("db.cfg", "url = " + schemaUrl() + "\nuser = " + TestDatabase.serverUser() + "\npassword = " + TestDatabase.serverPassword() + "\n");
    }

    static Map<String, JsonNode> byUser(JsonNode env) {
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode r : env.path("records")) {
            assertEquals("password.account", r.path("type").asText());
            m.put(r.path("username").asText(), r);
        }
        return m;
    }

    @Test
    @Order(1)
    void statusGroupsAccountsAndWarnsOnExpiredOrInitial_OPS_1() throws Exception {
        Result r = spm("passwords", "status", "--config", config.toString(), "--output", "json");
        assertEquals(Spm.WARNING, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("WARNING", j.path("status").asText());
        assertEquals(90, j.path("maxAgeDays").asInt());
        Map<String, JsonNode> u = byUser(j);
        assertEquals("EXPIRED", u.get("expired.officer").path("state").asText());
        assertTrue(u.get("expired.officer").path("daysLeft").asLong() < 0);
        assertEquals("EXPIRING", u.get("soon.officer").path("state").asText());
        assertEquals(9, u.get("soon.officer").path("daysLeft").asLong());
        assertEquals("OK", u.get("fresh.ops").path("state").asText());
        assertEquals("INITIAL", u.get("initial.admin").path("state").asText());
        assertEquals("NEVER_CHANGED", u.get("never.changed").path("state").asText());
        assertTrue(u.get("never.changed").path("daysLeft").isNull());
        assertEquals("LOCKED", u.get("locked.inspector").path("state").asText());
        assertEquals("DISABLED", u.get("gone.user").path("state").asText());
        assertEquals("OFFICER", u.get("expired.officer").path("roles").get(0).asText());
        assertFalse(u.containsKey("idp.user"), "accounts without a password are not listed");

        Result t = spm("passwords", "status", "--config", config.toString());
        assertEquals(Spm.WARNING, t.code());
        assertTrue(t.out().startsWith("USER"), t.out());
        assertTrue(t.out().indexOf("expired.officer") < t.out().indexOf("fresh.ops"), "worst first: " + t.out());
    }

    @Test
    @Order(2)
    void maxAgeComesFromTheSecurityConfigOrTheOption_OPS_1() throws Exception {
        Path sec = tmp.resolve("org.smartproperty.security.cfg");
        Files.writeString(sec, "# policy\npassword.maxAgeDays = 30\n");
        Result r = spm("passwords", "status", "--config", config.toString(), "--security-config", sec.toString(), "--output", "json");
        assertEquals(30, r.json().path("maxAgeDays").asInt());
        assertEquals("EXPIRED", byUser(r.json()).get("soon.officer").path("state").asText());
        Result o = spm("passwords", "status", "--config", config.toString(), "--max-age-days", "130", "--output", "json");
        assertEquals("EXPIRING", byUser(o.json()).get("expired.officer").path("state").asText());
    }

    @Test
    @Order(3)
    void expireUserSetsMustChangeRevokesTokensAndAuditsInOneTransaction_OPS_1() throws Exception {
        Result r = spm("passwords", "expire", "--user", "fresh.ops", "--reason", "left the team", "--config", config.toString(), "--output", "json");
        assertEquals(Spm.OK, r.code(), r.err());
        assertEquals("password.expired", r.json().path("records").get(0).path("type").asText());
        assertEquals(1, r.json().path("records").get(1).path("tokensRevoked").asInt());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT must_change FROM sec_account WHERE username = 'fresh.ops'");
            rs.next();
            assertTrue(rs.getBoolean(1));
            rs = s.executeQuery("SELECT count(*) FROM sec_token t JOIN sec_account a ON a.id = t.account_id WHERE a.username = 'fresh.ops' AND t.revoked_at IS NULL");
            rs.next();
            assertEquals(0, rs.getInt(1));
            rs = s.executeQuery("SELECT count(*) FROM sec_token WHERE revoked_at IS NULL");
            rs.next();
            assertEquals(2, rs.getInt(1), "other accounts keep their tokens");
            rs = s.executeQuery("SELECT actor, object_type, summary FROM aud_event WHERE action = 'ops.passwords.expire' ORDER BY seq DESC");
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("ops:"), rs.getString(1));
            assertEquals("account", rs.getString(2));
            assertTrue(rs.getString(3).contains("left the team"), rs.getString(3));
            assertTrue(AuditChain.verify(c).intact());
        }
        Result s = spm("passwords", "status", "--config", config.toString(), "--output", "json");
        assertEquals("INITIAL", byUser(s.json()).get("fresh.ops").path("state").asText());
    }

    @Test
    @Order(4)
    void expireRoleForcesEveryAccountOfTheRole_OPS_1() throws Exception {
        Result r = spm("passwords", "expire", "--role", "OFFICER", "--config", config.toString());
        assertEquals(Spm.OK, r.code(), r.err());
        assertTrue(r.out().contains("expired.officer") && r.out().contains("soon.officer") && r.out().contains("gone.user"), r.out());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM sec_account a JOIN sec_account_role r ON r.account_id = a.id WHERE r.role = 'OFFICER' AND NOT a.must_change");
            rs.next();
            assertEquals(0, rs.getInt(1));
            rs = s.executeQuery("SELECT count(*) FROM aud_event WHERE action = 'ops.passwords.expire' AND object_type = 'role' AND object_id = 'OFFICER'");
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    @Order(5)
    void unknownUserOrRoleOrBothIsUsage64AndChangesNothing_OPS_1() throws Exception {
        long before = auditCount();
        Result u = spm("passwords", "expire", "--user", "nobody", "--config", config.toString(), "--output", "json");
        assertEquals(Spm.USAGE, u.code());
        assertEquals("passwords.unknownUser", u.json().path("records").get(0).path("key").asText());
        assertEquals(Spm.USAGE, spm("passwords", "expire", "--role", "NOROLE", "--config", config.toString()).code());
        assertEquals(Spm.USAGE, spm("passwords", "expire", "--config", config.toString()).code());
        assertEquals(Spm.USAGE, spm("passwords", "expire", "--user", "fresh.ops", "--role", "OPS", "--config", config.toString()).code());
        assertEquals(before, auditCount());
    }

    @Test
    @Order(6)
    void statusIsOkWhenNothingIsExpiredOrInitial_OPS_1() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE sec_account SET must_change = FALSE, password_changed_at = now() - interval '1 day'");
        }
        Result r = spm("passwords", "status", "--config", config.toString(), "--output", "json");
        assertEquals(Spm.OK, r.code(), r.out());
        assertEquals("OK", r.json().path("status").asText());
    }

    static long auditCount() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM aud_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------ rotate-db

    @Test
    void rotateDbRefusesTheEmbeddedH2With64_OPS_1() throws Exception {
        Path h2 = writeConfig("h2.cfg", "url = jdbc:h2:mem:rot\nuser = sa\npassword =\n");
        Result r = spm("passwords", "rotate-db", "--config", h2.toString());
        assertEquals(Spm.USAGE, r.code());
        assertTrue(r.err().contains("PostgreSQL"), r.err());
        assertEquals("url = jdbc:h2:mem:rot\nuser = sa\npassword =\n", Files.readString(h2));
    }

    @Test
    void rotateDbChangesTheRolePasswordAndTheConfigFileAtomically_OPS_1() throws Exception {
        String role = "spm_rot_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'x'");
            s.execute("GRANT USAGE ON SCHEMA " + db.schema() + " TO " + role);
            s.execute("GRANT SELECT, INSERT, UPDATE ON aud_chain, aud_event TO " + role);
        }
        try {
            String before = rolpassword(role);
            String text = "# SmartProperty database (PID org.smartproperty.db).\n# keep me\nurl = " + schemaUrl() + "\nuser = " + role
                    + "\npassword = x\npool.maxSize = 10\n";
            Path cfg = writeConfig("org.smartproperty.db.cfg", text);
            Result r = spm("passwords", "rotate-db", "--config", cfg.toString(), "--length", "40", "--output", "json");
            boolean envOverrides = System.getenv("SPM_DB_PASSWORD") != null && !System.getenv("SPM_DB_PASSWORD").isBlank();
            assertEquals(envOverrides ? Spm.WARNING : Spm.OK, r.code(), r.err());
            JsonNode rec = r.json().path("records").get(0);
            assertEquals("password.db-rotation", rec.path("type").asText());
            assertEquals(role, rec.path("role").asText());

            String after = Files.readString(cfg);
            assertNotEquals(text, after);
            assertTrue(after.startsWith("# SmartProperty database (PID org.smartproperty.db).\n# keep me\nurl = "), after);
            assertTrue(after.endsWith("\npool.maxSize = 10\n"), after);
            String pw = after.lines().filter(l -> l.startsWith("password = ")).findFirst().orElseThrow().substring("password = ".length());
            assertEquals(40, pw.length());
            assertFalse(r.out().contains(pw) || r.err().contains(pw), "the password is never printed");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg)));
            assertFalse(Files.exists(tmp.resolve(".org.smartproperty.db.cfg.rotate")), "no temp file left");
            String now = rolpassword(role);
            assertNotEquals(before, now);
            assertTrue(now.startsWith("SCRAM-SHA-256$"), "only the verifier reached the server");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT actor, object_id, summary FROM aud_event WHERE action = 'ops.passwords.rotate-db'")) {
                assertTrue(rs.next());
                assertEquals(role, rs.getString(2));
                assertFalse(rs.getString(3).contains(pw));
                assertTrue(AuditChain.verify(c).intact());
            }
        } finally {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            }
        }
    }

    static String rolpassword(String role) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    // ------------------------------------------------------------------------------ keys

    @Test
    void keysRotateKeepsOldArchivesReadableAndListCountsThem_OPS_1() throws Exception {
        Path key = tmp.resolve("backup.key");
        Path dir = tmp.resolve("backups");
        assertEquals(Spm.OK, spm("backup", "keygen", key.toString()).code());
        Path oldArchive = backup(key, dir);

        Result rot = spm("keys", "rotate", "--key-file", key.toString(), "--output", "json");
        assertEquals(Spm.OK, rot.code(), rot.err());
        JsonNode rr = rot.json().path("records").get(0);
        assertEquals("key.rotation", rr.path("type").asText());
        Path retired = Path.of(rr.path("retired").asText());
        assertTrue(retired.getFileName().toString().matches("backup\\.key\\.\\d{14}\\.old"), retired.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(retired)));
        assertNotEquals(rr.path("oldFingerprint").asText(), rr.path("newFingerprint").asText());
        Path newArchive = backup(key, dir);

        Result v = spm("backup", "verify", oldArchive.toString(), "--key-file", key.toString());
        assertEquals(Spm.OK, v.code(), "an archive of the retired key stays readable: " + v.out() + v.err());
        assertEquals(Spm.OK, spm("backup", "verify", newArchive.toString(), "--key-file", key.toString()).code());

        Result l = spm("keys", "list", "--key-file", key.toString(), "--dir", dir.toString(), "--output", "json");
        assertEquals(Spm.OK, l.code(), l.err());
        JsonNode cur = l.json().path("records").get(0);
        JsonNode old = l.json().path("records").get(1);
        assertTrue(cur.path("current").asBoolean());
        assertEquals(rr.path("newFingerprint").asText(), cur.path("fingerprint").asText());
        assertEquals(16, cur.path("fingerprint").asText().length());
        assertEquals(1, cur.path("archives").asInt());
        assertEquals(rr.path("oldFingerprint").asText(), old.path("fingerprint").asText());
        assertEquals(1, old.path("archives").asInt());
        Result t = spm("keys", "list", "--key-file", key.toString(), "--dir", dir.toString());
        assertTrue(t.out().startsWith("KEY"), t.out());

        assertEquals(Spm.OK, spm("keys", "prune", "--key-file", key.toString(), "--dir", dir.toString()).code());
        assertTrue(Files.exists(retired), "still needed by the old archive");
        Files.delete(oldArchive);
        Result p = spm("keys", "prune", "--key-file", key.toString(), "--dir", dir.toString(), "--output", "json");
        assertEquals("key.deleted", p.json().path("records").get(0).path("type").asText());
        assertFalse(Files.exists(retired));
        assertEquals(Spm.OK, spm("backup", "verify", newArchive.toString(), "--key-file", key.toString()).code());
    }

    @Test
    void keysRotateOfAMissingKeyFileIsUsage64_OPS_1() {
        assertEquals(Spm.USAGE, spm("keys", "rotate", "--key-file", tmp.resolve("none.key").toString()).code());
        assertEquals(Spm.USAGE, spm("keys", "rotate").code());
    }

    static Path backup(Path key, Path dir) throws Exception {
        Result r = spm("backup", "create", "--to", dir.toString(), "--key-file", key.toString(), "--config", config.toString(), "--no-progress");
        assertEquals(Spm.OK, r.code(), r.err());
        return Path.of(r.out().trim());
    }
}
