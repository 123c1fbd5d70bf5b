package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.testsupport.TestDatabase;

/** Role-template grants from bundle contributions (issue 10 item 1), on PostgreSQL and H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContributedGrantsContract {

    abstract TestDatabase db();

    @BeforeAll
    void migrate() throws Exception {
        db().migrate("db/security.changelog.xml");
    }

    private static Contribution demo(String bundle, String... lines) {
        return Contribution.parse(bundle, Map.of(lines[0], lines[1]));
    }

    private List<String> perms(String role) throws Exception {
        return db().strings("SELECT permission FROM sec_role_permission WHERE role = ? ORDER BY permission", role);
    }

    private void sql(String s) throws Exception {
        try (Connection c = db().dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(s);
        }
    }

    @Test
    void aGrantIsSeededOnceAndAnAdminsRemovalIsKept_issue10_item1() throws Exception {
        Contribution c = demo("test.demo", "grant.INSPECTOR", "demo:read, demo:inspect");
        ContributedGrants.Result first = ContributedGrants.seed(db().dataSource(), c, Instant.now());
        assertEquals(2, first.granted().size());
        assertEquals(List.of("demo:inspect", "demo:read"), perms("INSPECTOR").stream().filter(p -> p.startsWith("demo:")).toList());
        // the security admin removes one grant from the template; the bundle starts again (restart, update, another node)
        sql("DELETE FROM sec_role_permission WHERE role = 'INSPECTOR' AND permission = 'demo:inspect'");
        ContributedGrants.Result again = ContributedGrants.seed(db().dataSource(), c, Instant.now());
        assertTrue(again.granted().isEmpty(), "nothing added again");
        assertFalse(perms("INSPECTOR").contains("demo:inspect"), "the admin's removal stays");
        assertEquals(List.of("role.contribute"), db().strings("SELECT action FROM aud_event WHERE object_id = 'INSPECTOR' AND summary LIKE '%test.demo%'"),
                "one audit row for the role the first seeding changed");
    }

    @Test
    void aNewPermissionInALaterVersionOfTheBundleIsSeeded() throws Exception {
        ContributedGrants.seed(db().dataSource(), demo("test.later", "grant.OWNER", "later:read"), Instant.now());
        ContributedGrants.Result v2 = ContributedGrants.seed(db().dataSource(), demo("test.later", "grant.OWNER", "later:read, later:write"), Instant.now());
        assertEquals(List.of(new Contribution.Grant("OWNER", "later:write")), v2.granted());
        assertTrue(perms("OWNER").containsAll(List.of("later:read", "later:write")));
    }

    @Test
    void aGrantTheRoleAlreadyHasIsRecordedNotDuplicated() throws Exception {
        sql("INSERT INTO sec_role_permission (role, permission) VALUES ('COMPANY', 'had:read')");
        ContributedGrants.Result r = ContributedGrants.seed(db().dataSource(), demo("test.had", "grant.COMPANY", "had:read"), Instant.now());
        assertTrue(r.granted().isEmpty());
        assertEquals(List.of("test.had"), db().strings("SELECT bundle FROM sec_contribution_grant WHERE permission = 'had:read'"));
    }

    @Test
    void anAdminDutysPermissionForAnotherRoleIsRefused_SoD() throws Exception {
        ContributedGrants.Result r = ContributedGrants.seed(db().dataSource(), demo("test.sod", "grant.OFFICER", "account:manage, sod:read"), Instant.now());
        assertEquals(List.of(new Contribution.Grant("OFFICER", "account:manage")), r.refused());
        assertFalse(perms("OFFICER").contains("account:manage"));
        assertTrue(perms("OFFICER").contains("sod:read"));
    }

    @Test
    void theSecurityBundleContributesThePlatformDuties() throws Exception {
        ContributedGrants.seed(db().dataSource(), ContributedGrants.own(), Instant.now());
        assertEquals(List.of("audit:export", "audit:read"), perms("AUDITOR"));
        assertTrue(perms("SYSADMIN").containsAll(List.of("account:manage", "account:list", "system:config")));
    }
}
