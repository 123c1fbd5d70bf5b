package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-1: on a database that is not PostgreSQL and without company/committee tables the audit skips those checks and passes. */
class PermissionAuditH2Test {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Test
    void cleanH2DatabaseIsOkWithSkippedChecks_OPS_1() throws Exception {
        db.migrate("db/security.changelog.xml");
        // issue 10 item 1: the platform duties' role templates, as the security bundle contributes them in Karaf
        org.smartproperty.platform.security.internal.ContributedGrants.seed(db.dataSource(),
                org.smartproperty.platform.security.internal.ContributedGrants.own(), java.time.Instant.now());
        SecurityFixture.account(db.dataSource(), 1, "officer", "ALL", null, 1, 10, "OFFICER");
        PermissionAudit.Report r = new PermissionAudit().run(db.dataSource(), 90, Instant.now());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("dbSkipped")), r.toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("orgSkipped")), r.toString());
        assertEquals(1, r.accounts());
    }
}
