package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.ops.PermissionAudit.Finding;
import org.smartproperty.ops.PermissionAudit.Report;
import org.smartproperty.ops.PermissionAudit.Severity;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-1 `spm audit permissions` / `spm audit chain` logic on PostgreSQL. */
class PermissionAuditTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final PermissionAudit audit = new PermissionAudit();

    @BeforeAll
    static void seed() throws Exception {
        db.migrate("db/security.changelog.xml");
        // issue 10 item 1: the platform duties' role templates, as the security bundle contributes them in Karaf
        org.smartproperty.platform.security.internal.ContributedGrants.seed(db.dataSource(),
                org.smartproperty.platform.security.internal.ContributedGrants.own(), java.time.Instant.now());
        // a minimal company registry (the company bundle's table, reduced to what the check reads)
        SecurityFixture.sql(db.dataSource(), "CREATE TABLE cmp_company (id BIGINT PRIMARY KEY, name VARCHAR(200), status VARCHAR(16))",
                "INSERT INTO cmp_company VALUES (7, '好管家物业', 'FILED'), (8, '已吊销物业', 'REVOKED'), (9, '暂停物业', 'SUSPENDED')");
        SecurityFixture.account(db.dataSource(), 1, "sys-and-audit", "NONE", null, 1, 10, "SYSADMIN", "AUDITOR");
        SecurityFixture.account(db.dataSource(), 2, "co-regulator", "COMPANY", 7L, 1, 10, "COMPANY", "REGULATOR");
        SecurityFixture.account(db.dataSource(), 3, "co-revoked", "COMPANY", 8L, 1, 10, "COMPANY");
        SecurityFixture.account(db.dataSource(), 4, "co-suspended", "COMPANY", 9L, 1, 10, "COMPANY");
        SecurityFixture.account(db.dataSource(), 5, "sleepy", "ALL", null, 200, 400, "OFFICER");
        SecurityFixture.account(db.dataSource(), 6, "never", "ALL", null, null, 100, "INSPECTOR");
        SecurityFixture.account(db.dataSource(), 7, "fine", "ALL", null, 1, 400, "OFFICER");
        SecurityFixture.account(db.dataSource(), 8, "company-sees-all", "ALL", null, 1, 10, "COMPANY");
    }

    static boolean has(Report r, Severity s, String code, String subject) {
        return r.findings().stream().anyMatch(f -> f.severity() == s && f.code().equals(code) && f.subject().equals(subject));
    }

    @Test
    void findsSoDScopeDormantAndOrganisationProblemsWithFixHints_OPS_1() {
        Report r = audit.run(db.dataSource(), 90, Instant.now());
        assertTrue(has(r, Severity.CRITICAL, "sodAccount", "sys-and-audit"), r.toString());
        assertTrue(has(r, Severity.CRITICAL, "scopeStaffRole", "co-regulator"), r.toString());
        assertTrue(has(r, Severity.CRITICAL, "scopeOrgRole", "company-sees-all"), r.toString());
        assertTrue(has(r, Severity.CRITICAL, "companyInactive", "co-revoked"), r.toString());
        assertTrue(has(r, Severity.WARNING, "companyInactive", "co-suspended"), r.toString());
        assertTrue(has(r, Severity.WARNING, "dormant", "sleepy"), r.toString());
        assertTrue(has(r, Severity.WARNING, "neverLoggedIn", "never"), r.toString());
        assertTrue(has(r, Severity.INFO, "orgSkipped", "ocm_committee"), "no committee tables: skipped, not failed");
        assertTrue(r.findings().stream().noneMatch(f -> f.subject().equals("fine")), r.toString());
        assertEquals(2, r.exitCode());
        assertEquals(Severity.CRITICAL, r.findings().get(0).severity(), "most severe first");
        Finding sod = r.findings().stream().filter(f -> f.code().equals("sodAccount")).findFirst().orElseThrow();
        assertTrue(sod.message(Locale.ENGLISH).contains("AUDIT+SYSTEM"), sod.message(Locale.ENGLISH));
        assertTrue(sod.message(OpsMessages.CHINESE).contains("三权分立"));
        assertFalse(sod.fix(Locale.ENGLISH).startsWith("audit."), "fix hint has a text");
        // a longer dormancy threshold clears "sleepy" (200 days) but not the rest
        assertFalse(has(audit.run(db.dataSource(), 365, Instant.now()), Severity.WARNING, "dormant", "sleepy"));
    }

    /**
     * Issue 12 item 5: accounts whose stored scope no longer matches the registry — an owner without a
     * verified house, a developer that is revoked — and real-name accounts, whose scope the platform
     * binds at each session, are not reported for their empty stored scope.
     */
    @Test
    void ownersWithoutVerifiedHousesRevokedDevelopersAndNoFalseAlarmForRealNameAccounts_issue12() throws Exception {
        // the estate and developer registries reduced to what the checks read (the view as the estate bundle defines it, simplified)
        SecurityFixture.sql(db.dataSource(), "CREATE TABLE est_title_verification (id BIGINT PRIMARY KEY, house_id BIGINT, owner_id BIGINT, result VARCHAR(16))",
                "CREATE VIEW est_verified_ownership AS SELECT house_id, owner_id FROM est_title_verification WHERE result = 'HELD'",
                "INSERT INTO est_title_verification VALUES (1, 100, 41, 'HELD'), (2, 101, 42, 'NOT_HELD')",
                "CREATE TABLE dvl_developer (id BIGINT PRIMARY KEY, status VARCHAR(16))",
                "INSERT INTO dvl_developer VALUES (61, 'ACTIVE'), (62, 'REVOKED')");
        try {
            SecurityFixture.account(db.dataSource(), 41, "owner-verified", "OWNER", null, 1, 10, "OWNER");
            SecurityFixture.account(db.dataSource(), 42, "owner-not-held", "OWNER", null, 1, 10, "OWNER");
            SecurityFixture.account(db.dataSource(), 61, "dev-active", "DEVELOPER", null, 1, 10, "DEVELOPER");
            SecurityFixture.account(db.dataSource(), 62, "dev-revoked", "DEVELOPER", null, 1, 10, "DEVELOPER");
            SecurityFixture.account(db.dataSource(), 63, "real-name-owner", "NONE", null, 1, 10, "OWNER");
            SecurityFixture.account(db.dataSource(), 64, "password-owner", "NONE", null, 1, 10, "OWNER");
            SecurityFixture.sql(db.dataSource(), "UPDATE sec_account SET owner_id = id WHERE id IN (41, 42)",
                    "UPDATE sec_account SET developer_id = id WHERE id IN (61, 62)",
                    "UPDATE sec_account SET external_provider = 'gd-tyrz', external_uid = 'u63', id_type = '111', id_number = '440402199003071232' WHERE id = 63");
            Report r = audit.run(db.dataSource(), 90, Instant.now());
            assertTrue(has(r, Severity.WARNING, "ownerUnverified", "owner-not-held"), r.toString());
            assertFalse(has(r, Severity.WARNING, "ownerUnverified", "owner-verified"), r.toString());
            assertTrue(has(r, Severity.CRITICAL, "developerInactive", "dev-revoked"), r.toString());
            assertFalse(has(r, Severity.CRITICAL, "developerInactive", "dev-active"), r.toString());
            assertTrue(r.findings().stream().noneMatch(f -> f.subject().equals("real-name-owner")), r.toString());
            assertTrue(has(r, Severity.WARNING, "scopeOrgRole", "password-owner"), "a password account with an empty scope still is: " + r);
            Finding f = r.findings().stream().filter(x -> x.code().equals("ownerUnverified")).findFirst().orElseThrow();
            assertTrue(f.fix(Locale.ENGLISH).contains("/api/v1/accounts/<id>/scopes"), f.fix(Locale.ENGLISH));
        } finally {
            SecurityFixture.sql(db.dataSource(), "DELETE FROM sec_account_role WHERE account_id BETWEEN 41 AND 64",
                    "DELETE FROM sec_account WHERE id BETWEEN 41 AND 64", "DROP VIEW est_verified_ownership", "DROP TABLE est_title_verification",
                    "DROP TABLE dvl_developer");
        }
    }

    @Test
    void roleTemplateCombiningDutiesIsCritical_OPS_1() throws Exception {
        SecurityFixture.sql(db.dataSource(), "INSERT INTO sec_role_permission (role, permission) VALUES ('SECADMIN', 'system:config')");
        try {
            assertTrue(has(audit.run(db.dataSource(), 90, Instant.now()), Severity.CRITICAL, "sodRole", "SECADMIN"));
        } finally {
            SecurityFixture.sql(db.dataSource(), "DELETE FROM sec_role_permission WHERE role = 'SECADMIN' AND permission = 'system:config'");
        }
    }

    @Test
    void databaseChecksSeeSuperuserAndDisabledAuditGuard_OPS_1() throws Exception {
        Report r = audit.run(db.dataSource(), 90, Instant.now());
        // the tests connect as the PostgreSQL superuser: exactly what an installation must not do
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("dbSuperuser") && f.severity() == Severity.CRITICAL), r.toString());
        assertFalse(r.findings().stream().anyMatch(f -> f.code().startsWith("auditGuard")), r.toString());
        SecurityFixture.sql(db.dataSource(), "ALTER TABLE aud_event DISABLE TRIGGER aud_event_append_only", "GRANT UPDATE ON aud_event TO PUBLIC");
        try {
            Report bad = audit.run(db.dataSource(), 90, Instant.now());
            assertTrue(has(bad, Severity.CRITICAL, "auditGuardDisabled", "aud_event"), bad.toString());
            assertTrue(has(bad, Severity.CRITICAL, "auditWritable", "PUBLIC"), bad.toString());
        } finally {
            SecurityFixture.sql(db.dataSource(), "ALTER TABLE aud_event ENABLE TRIGGER aud_event_append_only", "REVOKE UPDATE ON aud_event FROM PUBLIC");
        }
    }

    @Test
    void chainVerifiesAndNamesTheFirstTamperedRow_OPS_1() throws Exception {
        try (var c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 3; i++) {
                AuditChain.append(c, AuditEvent.of("tester", "test.event", "thing", i, null));
            }
            c.commit();
        }
        AuditChain.Verification ok = audit.verifyChain(db.dataSource());
        assertTrue(ok.intact());
        long seq;
        try (var c = db.dataSource().getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT MAX(seq) - 1 FROM aud_event")) {
            rs.next();
            seq = rs.getLong(1);
        }
        SecurityFixture.sql(db.dataSource(), "ALTER TABLE aud_event DISABLE TRIGGER ALL",
                "UPDATE aud_event SET summary = 'forged' WHERE seq = " + seq, "ALTER TABLE aud_event ENABLE TRIGGER ALL");
        AuditChain.Verification bad = audit.verifyChain(db.dataSource());
        assertFalse(bad.intact());
        assertEquals(seq, bad.firstBrokenSeq());
        // the rest of the class must not see the forged row
        SecurityFixture.sql(db.dataSource(), "ALTER TABLE aud_event DISABLE TRIGGER ALL", "DELETE FROM aud_event",
                "UPDATE aud_chain SET last_seq = 0, last_hash = '" + "0".repeat(64) + "'", "ALTER TABLE aud_event ENABLE TRIGGER ALL");
    }
}
