package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-1 password rotation in ops-core: states, the policy's maximum age, all-or-nothing expiry, the config rewrite. */
class PasswordOpsTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    Path tmp;

    @BeforeAll
    static void schema() throws Exception {
        db.migrate("db/security.changelog.xml");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sec_account (id, username, status, password_hash, password_changed_at, must_change, failed_count, scope_kind, created_at, updated_at, version)"
                    + " VALUES (1, 'a.officer', 'ACTIVE', 'h', now() - interval '100 days', FALSE, 0, 'ALL', now(), now(), 1),"
                    + " (2, 'b.officer', 'ACTIVE', 'h', now() - interval '3 days', FALSE, 0, 'ALL', now(), now(), 1)");
            s.execute("INSERT INTO sec_account_role (account_id, role) VALUES (1, 'OFFICER'), (2, 'OFFICER'), (2, 'OPS')");
        }
    }

    @Test
    void statusAppliesTheMaximumAgeWorstFirst_OPS_1() {
        List<PasswordOps.Account> all = PasswordOps.status(db.dataSource(), 90, Instant.now());
        assertEquals("a.officer", all.get(0).username());
        assertEquals(PasswordOps.State.EXPIRED, all.get(0).state());
        assertEquals(-10, all.get(0).daysLeft() + 0);
        assertEquals(List.of("OFFICER", "OPS"), all.get(1).roles());
        assertEquals(PasswordOps.State.EXPIRING, PasswordOps.status(db.dataSource(), 110, Instant.now()).get(0).state());
    }

    @Test
    void maxAgeIsReadFromTheSecurityConfigWithThePlatformDefault_OPS_1() throws Exception {
        assertEquals(90, PasswordOps.maxAgeDays(null));
        assertEquals(90, PasswordOps.maxAgeDays(tmp.resolve("missing.cfg")));
        Path cfg = tmp.resolve("org.smartproperty.security.cfg");
        Files.writeString(cfg, "password.maxAgeDays = 45\n");
        assertEquals(45, PasswordOps.maxAgeDays(cfg));
        Files.writeString(cfg, "password.maxAgeDays = 400\n");
        assertEquals(90, PasswordOps.maxAgeDays(cfg), "the platform refuses values over 90 and keeps its default");
    }

    @Test
    void unknownRoleChangesNothingAndAuditsNothing_OPS_1() throws Exception {
        OpsException e = assertThrows(OpsException.class, () -> PasswordOps.expire(db.dataSource(), null, "NOBODY", null, "ops:test"));
        assertEquals("passwords.unknownRole", e.key());
        assertThrows(OpsException.class, () -> PasswordOps.expire(db.dataSource(), "x", "OPS", null, "ops:test"));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM aud_event")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void rewriteKeepsCommentsAndOtherLines_OPS_1() {
        String cfg = "# db\nurl = jdbc:postgresql://h/spm\nuser = spm\npassword = old\n# password = not this one\npool.maxSize = 10\n";
        String out = PasswordOps.withPassword(cfg, "NEW");
        assertEquals("# db\nurl = jdbc:postgresql://h/spm\nuser = spm\npassword = NEW\n# password = not this one\npool.maxSize = 10\n", out);
        assertEquals("url = u\npassword = NEW\n", PasswordOps.withPassword("url = u", "NEW"));
        String p = PasswordOps.randomPassword(32);
        assertEquals(32, p.length());
        assertTrue(p.matches("[A-Za-z0-9]+"));
        assertFalse(p.equals(PasswordOps.randomPassword(32)));
    }

    @Test
    void rotateDbRefusesH2_OPS_1() throws Exception {
        Path cfg = tmp.resolve("db.cfg");
        Files.writeString(cfg, "url = jdbc:h2:mem:x\n");
        OpsException e = assertThrows(OpsException.class, () -> PasswordOps.rotateDb("jdbc:h2:mem:x", "sa", "", cfg, 32, "ops:test"));
        assertEquals("passwords.rotateDbNotPostgres", e.key());
    }
}
