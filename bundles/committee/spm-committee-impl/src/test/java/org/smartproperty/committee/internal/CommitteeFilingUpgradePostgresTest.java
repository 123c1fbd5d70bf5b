package org.smartproperty.committee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 10 item 2 upgrade: a database made by the committee changelog before the review kernel
 * keeps every filing round when the new changelog is applied, and gets their history derived from
 * them (submission, return, resubmission, approval in time order).
 */
class CommitteeFilingUpgradePostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Test
    void filingRoundsOfAnOldDatabaseSurviveTheUpgradeWithTheirHistory_issue10_item2() throws Exception {
        db.migrateBefore("db/committee.changelog.xml", "ocm-review-1");
        String t = "TIMESTAMP WITH TIME ZONE ";
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO ocm_committee (id, estate_id, name, elected_on, term_start, term_end, status, version, created_at,"
                    + " created_by, updated_at, updated_by) VALUES (1, 7, '海景业委会', DATE '2025-01-01', DATE '2025-01-01', DATE '2029-12-31',"
                    + " 'ACTIVE', 0, " + t + "'2025-01-01 09:00:00+08', 'regulator', " + t + "'2025-01-01 09:00:00+08', 'regulator')");
            String cols = "INSERT INTO ocm_filing (id, committee_id, status, note, submitted_by, submitted_at, reason, version, created_at,"
                    + " created_by, updated_at, updated_by) VALUES ";
            s.executeUpdate(cols + "(20, 1, 'RETURNED', '首次', 'head', " + t + "'2025-01-10 10:00:00+08', '缺少选举公告', 1, "
                    + t + "'2025-01-10 10:00:00+08', 'head', " + t + "'2025-01-12 10:00:00+08', 'regulator')");
            s.executeUpdate(cols + "(21, 1, 'APPROVED', '补充', 'head', " + t + "'2025-01-15 10:00:00+08', '同意', 1, "
                    + t + "'2025-01-15 10:00:00+08', 'head', " + t + "'2025-01-16 10:00:00+08', 'regulator')");
        }

        db.migrate("db/committee.changelog.xml");

        assertEquals(List.of("20|RETURNED|缺少选举公告", "21|APPROVED|同意"),
                db.strings("SELECT id || '|' || status || '|' || reason FROM ocm_filing ORDER BY id"), "every round is still there, unchanged");
        assertEquals(List.of("20|SUBMIT|null|SUBMITTED|head", "20|RETURN|SUBMITTED|RETURNED|regulator",
                        "21|RESUBMIT|RETURNED|SUBMITTED|head", "21|APPROVE|SUBMITTED|APPROVED|regulator"),
                db.strings("SELECT round_id || '|' || transition || '|' || COALESCE(from_status, 'null') || '|' || to_status || '|' || actor"
                        + " FROM ocm_filing_event WHERE subject_id = 1 ORDER BY acted_at, id"));
        assertEquals(List.of("缺少选举公告"), db.strings("SELECT reason FROM ocm_filing_event WHERE transition = 'RETURN'"));
    }
}
