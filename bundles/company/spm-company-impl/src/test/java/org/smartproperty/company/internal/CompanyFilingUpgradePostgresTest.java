package org.smartproperty.company.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.company.Filing;
import org.smartproperty.company.FilingInput;
import org.smartproperty.company.FilingStatus;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 10 item 2 upgrade: a database made by the company changelog before the review kernel
 * (change sets up to cmp-review-1) keeps every filing round when the new changelog is applied, and
 * gets their history derived from them; filing goes on from there on the kernel.
 */
class CompanyFilingUpgradePostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Test
    void filingRoundsOfAnOldDatabaseSurviveTheUpgradeWithTheirHistory_issue10_item2() throws Exception {
        db.migrateBefore("db/company.changelog.xml", "cmp-review-1");
        db.migrate("db/files.changelog.xml");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            String audit = ", 0, TIMESTAMP WITH TIME ZONE '2025-01-01 09:00:00+08', 'regulator', ";
            s.executeUpdate("INSERT INTO cmp_company (id, name, credit_code, legal_representative, status, version, created_at, created_by,"
                    + " updated_at, updated_by) VALUES (1, '甲物业', '914404000000000001', '张三', 'FILED'" + audit
                    + "TIMESTAMP WITH TIME ZONE '2025-01-05 09:00:00+08', 'regulator')");
            s.executeUpdate("INSERT INTO cmp_company (id, name, credit_code, legal_representative, status, version, created_at, created_by,"
                    + " updated_at, updated_by) VALUES (2, '乙物业', '914404000000000002', '李四', 'APPLYING'" + audit
                    + "TIMESTAMP WITH TIME ZONE '2025-01-01 09:00:00+08', 'regulator')");
            String cols = "INSERT INTO cmp_filing (id, company_id, status, qualification_grade, note, submitted_by, submitted_at, reason,"
                    + " version, created_at, created_by, updated_at, updated_by) VALUES ";
            s.executeUpdate(cols + "(10, 1, 'RETURNED', '一级', '首次', 'company-a', TIMESTAMP WITH TIME ZONE '2025-01-02 10:00:00+08',"
                    + " '缺少资质证书', 1, TIMESTAMP WITH TIME ZONE '2025-01-02 10:00:00+08', 'company-a',"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-03 11:00:00+08', 'regulator-a')");
            s.executeUpdate(cols + "(11, 1, 'APPROVED', '一级', '补充', 'company-a', TIMESTAMP WITH TIME ZONE '2025-01-04 10:00:00+08',"
                    + " NULL, 1, TIMESTAMP WITH TIME ZONE '2025-01-04 10:00:00+08', 'company-a',"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-05 09:00:00+08', 'regulator-b')");
            s.executeUpdate(cols + "(12, 2, 'SUBMITTED', NULL, NULL, 'company-b', TIMESTAMP WITH TIME ZONE '2025-02-01 10:00:00+08',"
                    + " NULL, 0, TIMESTAMP WITH TIME ZONE '2025-02-01 10:00:00+08', 'company-b',"
                    + " TIMESTAMP WITH TIME ZONE '2025-02-01 10:00:00+08', 'company-b')");
        }

        db.migrate("db/company.changelog.xml");

        assertEquals(List.of("10|1|RETURNED|缺少资质证书", "11|1|APPROVED|null", "12|2|SUBMITTED|null"),
                db.strings("SELECT id || '|' || company_id || '|' || status || '|' || COALESCE(reason, 'null') FROM cmp_filing ORDER BY id"),
                "every round is still there, unchanged");
        FileStoreImpl files = new FileStoreImpl(db.dataSource(), Files.createTempDirectory("spm-upgrade-files"));
        CompanyService service = CompanyServiceImpl.standalone(db.jpa("company"), null, files);

        List<Filing> a = service.filings(DataScope.company(1), 1);
        assertEquals(List.of(11L, 10L), a.stream().map(Filing::id).toList());
        assertEquals(FilingStatus.APPROVED, a.get(0).status());
        assertEquals("regulator-b", a.get(0).decidedBy());
        assertEquals("缺少资质证书", a.get(1).reason());

        List<ReviewEvent> h = service.filingHistory(DataScope.ALL, 1);
        assertEquals(List.of(ReviewAction.SUBMIT, ReviewAction.RETURN, ReviewAction.RESUBMIT, ReviewAction.APPROVE),
                h.stream().map(ReviewEvent::action).toList());
        assertEquals(List.of("company-a", "regulator-a", "company-a", "regulator-b"), h.stream().map(ReviewEvent::actor).toList());
        assertNull(h.get(0).from());
        assertEquals(ReviewState.RETURNED, h.get(2).from());
        assertEquals("缺少资质证书", h.get(1).reason());
        assertEquals(Map.of("migrated", true), h.get(0).details());

        // filing goes on on the kernel: the pending round of company 2 is returned, then resubmitted
        Filing pending = service.filings(DataScope.ALL, 2).get(0);
        service.returnFiling(2, pending.id(), pending.version(), "材料不清晰", "regulator");
        String fileId = files.upload(new java.io.ByteArrayInputStream("%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                "licence.pdf", "company-b").id();
        Filing again = service.submitFiling(DataScope.company(2), 2,
                new FilingInput(null, null, null, List.of(new AttachmentInput("营业执照", fileId)), null), "company-b");
        assertEquals(FilingStatus.SUBMITTED, again.status());
        assertEquals(List.of(ReviewAction.SUBMIT, ReviewAction.RETURN, ReviewAction.RESUBMIT),
                service.filingHistory(DataScope.company(2), 2).stream().map(ReviewEvent::action).toList());
        assertEquals(CompanyStatus.APPLYING, service.get(DataScope.ALL, 2).status());
    }
}
