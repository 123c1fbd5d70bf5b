package org.smartproperty.company.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.company.Filing;
import org.smartproperty.company.FilingInput;
import org.smartproperty.company.FilingStatus;
import org.smartproperty.company.PublicCompany;
import org.smartproperty.company.ServicePeriod;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.StoredFile;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Behaviour of the company registry (SUP-CO-1), filing review (SUP-CO-2, COS-2) and public list
 * (DIS-2) on a real database; run on PostgreSQL and on the embedded engine by the two subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CompanyServiceContract {

    abstract TestDatabase db();

    CompanyService service;
    FileStoreImpl files;

    /** The audit trail is another component: here it records what the service hands it, on the service's own connection. */
    final List<AuditEvent> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AuditTrail audit = new AuditTrail() {
        @Override
        public void append(java.sql.Connection sameTransaction, AuditEvent event) {
            assertNotNull(sameTransaction, "written on the service's connection");
            audited.add(event);
        }

        @Override
        public void append(AuditEvent event) {
            audited.add(event);
        }
    };
    static final DataScope ALL = DataScope.ALL;

    /** The credit domain is another bundle (issue 14): here its signals are recorded, checked to come on the service's connection. */
    final List<CreditSignal> signals = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CreditSignals credit = (sameTransaction, signal) -> {
        assertNotNull(sameTransaction, "emitted on the status change's connection");
        signals.add(signal);
    };

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/company.changelog.xml");
        db().migrate("db/files.changelog.xml");
        files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-files"));
        service = new CompanyServiceImpl(db().jpa("company"), audit, files, credit);
    }

    private int seq = 1000;

    /** A fresh valid credit code (Zhuhai, enterprise) with both check characters computed. */
    synchronized String creditCode() {
        String body = Integer.toString(10000000 + seq++);
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        return first17 + UnifiedSocialCreditCode.checkChar(first17);
    }

    CompanyInput company(String name, String code) {
        return new CompanyInput(name, code, "张三明", "一级", "ZH-WY-001", "李经理", "13812345678", "横琴新区宝华路6号", null);
    }

    /** A filing form whose two materials {@code actor} has just uploaded (real PDFs through the real file store). */
    FilingInput form(String actor) {
        return new FilingInput("一级", "ZH-WY-001", "无不良信用记录",
                List.of(new AttachmentInput("营业执照", upload(actor, "licence.pdf").id()),
                        new AttachmentInput("资质证书", upload(actor, "qualification.pdf").id())), "首次备案");
    }

    StoredFile upload(String actor, String name) {
        byte[] pdf = ("%PDF-1.4\n% " + name + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        return files.upload(new ByteArrayInputStream(pdf), name, actor);
    }

    @Test
    void createdCompanyIsApplyingAndReadBackWithVersion_SUP_CO_1() {
        String code = creditCode();
        Company c = service.create(company("横琴物业服务有限公司", code.toLowerCase(Locale.ROOT)), "regulator");
        assertEquals(CompanyStatus.APPLYING, c.status());
        assertEquals(code, c.creditCode(), "stored normalized");
        Company read = service.get(ALL, c.id());
        assertEquals("横琴物业服务有限公司", read.name());
        assertEquals("张三明", read.legalRepresentative(), "the registry shows full data to company:read");
        assertEquals(c.version(), read.version());
    }

    @Test
    void invalidCompanyReportsEveryFieldAndWritesNothing_SUP_CO_1() {
        long before = service.list(ALL, CompanyQuery.all(), PageRequest.of(0, 1)).total();
        String good = creditCode();
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        CompanyInput bad = new CompanyInput(" ", wrongCheck, null, null, null, null, "abc", null,
                List.of(new ServicePeriod(1L, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 1, 1))));
        ApiException ex = assertThrows(ApiException.class, () -> service.create(bad, "regulator"));
        assertEquals(400, ex.status());
        List<String> fields = ex.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
        assertTrue(fields.containsAll(List.of("name:field.required", "creditCode:creditCode.check",
                "legalRepresentative:field.required", "phone:phone.format", "servicePeriods[0].to:servicePeriod.order")), fields.toString());
        assertEquals(before, service.list(ALL, CompanyQuery.all(), PageRequest.of(0, 1)).total());
    }

    @Test
    void wrongOrganisationCodeCheckIsAFieldError_SUP_CO_1() {
        String good = creditCode();
        String org = good.substring(8, 16) + (good.charAt(16) == '0' ? '1' : '0');
        String first17 = "91440400" + org;
        String code = first17 + UnifiedSocialCreditCode.checkChar(first17);
        ApiException ex = assertThrows(ApiException.class, () -> service.create(company("组织码错误公司", code), "regulator"));
        assertEquals(400, ex.status());
        assertEquals("creditCode.orgCodeCheck", ex.errors().get(0).code());
    }

    @Test
    void updateWithStaleVersionIs412AndKeepsData_SUP_CO_1() {
        Company c = service.create(company("版本物业", creditCode()), "regulator");
        Company updated = service.update(c.id(), c.version(), company("版本物业二期", c.creditCode()), "regulator");
        assertNotEquals(c.version(), updated.version());
        ApiException ex = assertThrows(ApiException.class,
                () -> service.update(c.id(), c.version(), company("覆盖", c.creditCode()), "regulator"));
        assertEquals(412, ex.status());
        assertEquals("版本物业二期", service.get(ALL, c.id()).name());
    }

    @Test
    void duplicateCreditCodeIs409OnCreateAndUpdate_SUP_CO_1() {
        String code = creditCode();
        service.create(company("甲物业", code), "regulator");
        ApiException ex = assertThrows(ApiException.class, () -> service.create(company("乙物业", code), "regulator"));
        assertEquals(409, ex.status());
        assertEquals("creditCode.duplicate", ex.code());
        Company other = service.create(company("丙物业", creditCode()), "regulator");
        assertEquals(409, assertThrows(ApiException.class,
                () -> service.update(other.id(), other.version(), company("丙物业", code), "regulator")).status());
    }

    @Test
    void servicePeriodsKeepHistoryAndRejectOverlaps_SUP_CO_1() {
        LocalDate jan = LocalDate.of(2023, 1, 1);
        CompanyInput in = new CompanyInput("服务期物业", creditCode(), "王五", null, null, null, null, null,
                List.of(new ServicePeriod(11L, jan, null)));
        Company c = service.create(in, "regulator");
        // the period ends; a new estate starts; the first period is not repeated but stays
        CompanyInput next = new CompanyInput("服务期物业", c.creditCode(), "王五", null, null, null, null, null,
                List.of(new ServicePeriod(11L, jan, LocalDate.of(2023, 12, 31)), new ServicePeriod(12L, LocalDate.of(2024, 1, 1), null)));
        Company u = service.update(c.id(), c.version(), next, "regulator");
        CompanyInput onlyNew = new CompanyInput("服务期物业", c.creditCode(), "王五", null, null, null, null, null,
                List.of(new ServicePeriod(11L, LocalDate.of(2025, 1, 1), null)));
        Company u2 = service.update(c.id(), u.version(), onlyNew, "regulator");
        assertEquals(3, u2.servicePeriods().size(), "history kept: " + u2.servicePeriods());
        assertEquals(LocalDate.of(2023, 12, 31), u2.servicePeriods().get(0).to());
        CompanyInput overlapping = new CompanyInput("服务期物业", c.creditCode(), "王五", null, null, null, null, null,
                List.of(new ServicePeriod(11L, LocalDate.of(2023, 6, 1), LocalDate.of(2023, 8, 1))));
        ApiException ex = assertThrows(ApiException.class, () -> service.update(c.id(), u2.version(), overlapping, "regulator"));
        assertEquals(400, ex.status());
        assertEquals("servicePeriod.overlap", ex.errors().get(0).code());
        assertEquals(3, service.get(ALL, c.id()).servicePeriods().size(), "nothing of the rejected update is written");
    }

    @Test
    void filingIsSubmittedByTheCompanyAndApprovalFilesIt_SUP_CO_2_COS_2() {
        Company c = service.create(company("备案物业", creditCode()), "regulator");
        DataScope own = DataScope.company(c.id());
        Filing f = service.submitFiling(own, c.id(), form("company-user"), "company-user");
        assertEquals(FilingStatus.SUBMITTED, f.status());
        assertEquals(List.of("营业执照", "资质证书"), f.materials().stream().map(Attachment::title).toList());
        assertEquals(List.of("licence.pdf", "qualification.pdf"), f.materials().stream().map(Attachment::name).toList());
        assertEquals("application/pdf", f.materials().get(0).contentType());
        assertEquals(CompanyStatus.APPLYING, service.get(ALL, c.id()).status());
        assertEquals(409, assertThrows(ApiException.class, () -> service.submitFiling(own, c.id(), form("company-user"), "company-user")).status(),
                "one filing under review at a time");
        Filing approved = service.approve(c.id(), f.id(), f.version(), null, "regulator");
        assertEquals(FilingStatus.APPROVED, approved.status());
        assertEquals("regulator", approved.decidedBy());
        assertNotNull(approved.decidedAt());
        assertEquals(CompanyStatus.FILED, service.get(own, c.id()).status());
        assertEquals(List.of(FilingStatus.APPROVED), service.filings(own, c.id()).stream().map(Filing::status).toList());
    }

    @Test
    void returnNeedsAReasonAndResubmissionStartsANewRound_SUP_CO_2_COS_2() {
        Company c = service.create(company("退回物业", creditCode()), "regulator");
        DataScope own = DataScope.company(c.id());
        Filing f = service.submitFiling(own, c.id(), form("company-user"), "company-user");
        ApiException noReason = assertThrows(ApiException.class, () -> service.returnFiling(c.id(), f.id(), f.version(), "  ", "regulator"));
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.errors().get(0).field());
        Filing returned = service.returnFiling(c.id(), f.id(), f.version(), "缺少资质证书", "regulator");
        assertEquals(FilingStatus.RETURNED, returned.status());
        assertEquals("缺少资质证书", returned.reason());
        Filing second = service.submitFiling(own, c.id(), form("company-user"), "company-user");
        List<Filing> history = service.filings(own, c.id());
        assertEquals(List.of(second.id(), f.id()), history.stream().map(Filing::id).toList(), "newest first, the returned round stays");
        assertEquals("缺少资质证书", history.get(1).reason());
    }

    @Test
    void illegalTransitionIs409NamingTheAllowedOnes_SUP_CO_2() {
        Company c = service.create(company("转换物业", creditCode()), "regulator");
        Filing f = service.submitFiling(DataScope.company(c.id()), c.id(), form("company-user"), "company-user");
        Filing returned = service.returnFiling(c.id(), f.id(), f.version(), "材料不全", "regulator");
        ApiException ex = assertThrows(ApiException.class, () -> service.approve(c.id(), f.id(), returned.version(), null, "regulator"));
        assertEquals(409, ex.status());
        assertEquals("filing.illegalTransition", ex.code());
        assertEquals("RETURNED", ex.args()[0]);
        assertTrue(ex.getMessage().contains("RETURNED"), ex.getMessage());

        Filing again = service.submitFiling(DataScope.company(c.id()), c.id(), form("company-user"), "company-user");
        Filing approved = service.approve(c.id(), again.id(), again.version(), "同意", "regulator");
        assertEquals(409, assertThrows(ApiException.class,
                () -> service.returnFiling(c.id(), again.id(), approved.version(), "反悔", "regulator")).status());
        assertEquals(409, assertThrows(ApiException.class,
                () -> service.submitFiling(DataScope.company(c.id()), c.id(), form("company-user"), "company-user")).status(), "a FILED company does not file again");
        assertEquals(412, assertThrows(ApiException.class,
                () -> service.approve(c.id(), again.id(), again.version(), null, "regulator")).status(), "stale If-Match first");
    }

    @Test
    void submittedFilingNamesBothAllowedTransitionsInItsStatus() {
        assertEquals(List.of(FilingStatus.APPROVED, FilingStatus.RETURNED), FilingStatus.SUBMITTED.next());
        assertTrue(FilingStatus.APPROVED.next().isEmpty());
        assertTrue(FilingStatus.RETURNED.next().isEmpty());
    }

    @Test
    void filingOfAnotherCompanyIs404_SUP_CO_2() {
        Company a = service.create(company("范围物业甲", creditCode()), "regulator");
        Company b = service.create(company("范围物业乙", creditCode()), "regulator");
        Filing fb = service.submitFiling(DataScope.company(b.id()), b.id(), form("company-b"), "company-b");
        DataScope scopeA = DataScope.company(a.id());
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(scopeA, b.id())).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.filings(scopeA, b.id())).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.submitFiling(scopeA, b.id(), form("company-a"), "company-a")).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.approve(a.id(), fb.id(), fb.version(), null, "regulator")).status(),
                "a filing addressed under the wrong company does not exist");
        Page<Company> mine = service.list(scopeA, CompanyQuery.all(), PageRequest.of(0, 50));
        assertEquals(List.of(a.id()), mine.items().stream().map(Company::id).toList());
        assertEquals(0, service.list(DataScope.committee(1L), CompanyQuery.all(), PageRequest.of(0, 5)).total());
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(DataScope.NONE, a.id())).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(ALL, 987654321L)).status());
    }

    @Test
    void listFiltersByNameAndStatusAndPagesWithTotal() {
        for (int i = 0; i < 3; i++) {
            service.create(company("筛选物业" + i, creditCode()), "regulator");
        }
        Company filed = service.create(company("筛选物业已备案", creditCode()), "regulator");
        Filing f = service.submitFiling(DataScope.company(filed.id()), filed.id(), form("company-user"), "company-user");
        service.approve(filed.id(), f.id(), f.version(), null, "regulator");
        Page<Company> page = service.list(ALL, new CompanyQuery("筛选", CompanyStatus.APPLYING), PageRequest.parse("0", "2", "-name", CompanyService.SORT));
        assertEquals(3, page.total());
        assertEquals(2, page.items().size());
        assertEquals("筛选物业2", page.items().get(0).name());
        assertEquals(1, service.list(ALL, new CompanyQuery("已备案", CompanyStatus.FILED), PageRequest.of(0, 5)).total());
        assertEquals(0, service.list(ALL, new CompanyQuery("%物业", null), PageRequest.of(0, 5)).total(), "LIKE wildcards are literal");
    }

    @Test
    void publicListShowsRegisteredCompaniesWithMaskedPersonalData_DIS_2() {
        Company applying = service.create(company("公示未备案物业", creditCode()), "regulator");
        CompanyInput in = new CompanyInput("公示物业", creditCode(), "欧阳明华", "一级", "ZH-WY-009", "李经理", "13912345678", "横琴",
                List.of(new ServicePeriod(21L, LocalDate.of(2020, 1, 1), null), new ServicePeriod(22L, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31))));
        Company c = service.create(in, "regulator");
        Filing f = service.submitFiling(DataScope.company(c.id()), c.id(), form("company-user"), "company-user");
        service.approve(c.id(), f.id(), f.version(), null, "regulator");
        List<PublicCompany> all = service.publicList(PageRequest.of(0, 200)).items();
        assertTrue(all.stream().noneMatch(p -> p.id() == applying.id()), "APPLYING companies are not disclosed");
        PublicCompany p = all.stream().filter(x -> x.id() == c.id()).findFirst().orElseThrow();
        assertEquals("欧**华", p.legalRepresentative());
        assertEquals("139****5678", p.phone());
        assertEquals(c.creditCode(), p.creditCode());
        assertEquals(List.of(21L), p.estateIds(), "only the estates it manages now");
        assertEquals(CompanyStatus.FILED, p.status());
    }

    @Test
    void everyWriteIsAuditedWithActorAndObject_SUP_CO_2() {
        audited.clear();
        Company c = service.create(company("审计物业", creditCode()), "regulator-a");
        Company u = service.update(c.id(), c.version(), company("审计物业二", c.creditCode()), "regulator-a");
        Filing f = service.submitFiling(DataScope.company(c.id()), c.id(), form("company-a"), "company-a");
        Filing r = service.returnFiling(c.id(), f.id(), f.version(), "补充材料", "regulator-a");
        Filing f2 = service.submitFiling(DataScope.company(c.id()), c.id(), form("company-a"), "company-a");
        service.approve(c.id(), f2.id(), f2.version(), null, "regulator-a");
        assertEquals(List.of("company.create", "company.update", "filing.submit", "filing.return", "filing.submit", "filing.approve"),
                audited.stream().map(AuditEvent::action).toList());
        assertEquals("company-a", audited.get(2).actor());
        assertEquals(String.valueOf(c.id()), audited.get(5).objectId());
        assertEquals("regulator-a", r.decidedBy());
        assertNotEquals(c.version(), u.version());
    }

    @Test
    void filingNeedsMaterialsTheCompanyUploadedItselfAndWritesNothingOtherwise_SUP_CO_2() {
        Company c = service.create(company("材料物业", creditCode()), "regulator");
        DataScope own = DataScope.company(c.id());
        ApiException none = assertThrows(ApiException.class, () -> service.submitFiling(own, c.id(),
                new FilingInput("一级", null, null, List.of(), null), "company-m"));
        assertEquals(400, none.status());
        assertEquals("materials", none.errors().get(0).field());
        ApiException untitled = assertThrows(ApiException.class, () -> service.submitFiling(own, c.id(),
                new FilingInput("一级", null, null, List.of(new AttachmentInput(" ", null)), null), "company-m"));
        assertEquals(List.of("materials[0].title", "materials[0].fileId"), untitled.errors().stream().map(e -> e.field()).toList());

        StoredFile foreign = upload("someone-else", "forged.pdf");
        ApiException notYours = assertThrows(ApiException.class, () -> service.submitFiling(own, c.id(),
                new FilingInput("一级", null, null, List.of(new AttachmentInput("营业执照", upload("company-m", "ok.pdf").id()),
                        new AttachmentInput("资质证书", foreign.id())), null), "company-m"));
        assertEquals("materials[1].fileId", notYours.errors().get(0).field());
        assertEquals("file.notYours", notYours.errors().get(0).code());
        assertTrue(service.filings(own, c.id()).isEmpty(), "nothing half-written: no filing without its materials");
    }

    @Test
    void filingMaterialsAreReadByTheCompanyAndTheRegulatorButNotByAnotherCompany_SUP_CO_2() {
        Company c = service.create(company("读取物业", creditCode()), "regulator");
        Company other = service.create(company("他家物业", creditCode()), "regulator");
        Filing f = service.submitFiling(DataScope.company(c.id()), c.id(), form("company-r"), "company-r");
        String fileId = f.materials().get(0).fileId();
        FilingMaterialsAccess policy = new FilingMaterialsAccess((CompanyServiceImpl) service);
        java.util.Map<String, Object> props = java.util.Map.of(org.smartproperty.platform.files.FileAccessPolicy.OWNER_KIND,
                CompanyServiceImpl.FILING_FILES);
        files.addPolicy(policy, props);
        try {
            assertEquals(fileId, files.get(principal("reviewer", DataScope.ALL), fileId).id());
            assertEquals(fileId, files.get(principal("colleague-of-company-r", DataScope.company(c.id())), fileId).id(),
                    "another account of the same company reads it too");
            assertEquals(404, assertThrows(ApiException.class,
                    () -> files.get(principal("company-x", DataScope.company(other.id())), fileId)).status());
        } finally {
            files.removePolicy(policy, props);
        }
    }

    static org.smartproperty.platform.security.SpmPrincipal principal(String name, DataScope scope) {
        return new org.smartproperty.platform.security.SpmPrincipal(9, name,
                java.util.Set.of(scope.all() ? org.smartproperty.platform.security.Role.REGULATOR : org.smartproperty.platform.security.Role.COMPANY),
                java.util.Set.of("company:read", "file:read"), scope, false, "127.0.0.1");
    }

    @Test
    void regulatorSuspendsReinstatesAndRevokesAFiledCompanyWithReasons_SUP_CO_1() {
        Company c = service.create(company("处罚物业", creditCode()), "regulator");
        ApiException early = assertThrows(ApiException.class,
                () -> service.changeStatus(c.id(), c.version(), CompanyStatus.SUSPENDED, "投诉较多", "regulator"));
        assertEquals(409, early.status(), "an APPLYING company cannot be suspended");
        Filing f = service.submitFiling(DataScope.company(c.id()), c.id(), form("company-s"), "company-s");
        service.approve(c.id(), f.id(), f.version(), null, "regulator");
        Company filed = service.get(ALL, c.id());
        assertEquals("status.reasonRequired", assertThrows(ApiException.class,
                () -> service.changeStatus(c.id(), filed.version(), CompanyStatus.SUSPENDED, " ", "regulator")).errors().get(0).code());
        audited.clear();
        Company suspended = service.changeStatus(c.id(), filed.version(), CompanyStatus.SUSPENDED, "消防通道长期堵塞，限期整改", "regulator");
        assertEquals(CompanyStatus.SUSPENDED, suspended.status());
        assertEquals(412, assertThrows(ApiException.class,
                () -> service.changeStatus(c.id(), filed.version(), CompanyStatus.FILED, "已整改", "regulator")).status());
        Company reinstated = service.changeStatus(c.id(), suspended.version(), CompanyStatus.FILED, "已整改完毕", "regulator");
        assertEquals(CompanyStatus.FILED, reinstated.status());
        Company revoked = service.changeStatus(c.id(), reinstated.version(), CompanyStatus.REVOKED, "以欺骗手段取得备案", "regulator");
        assertEquals(CompanyStatus.REVOKED, revoked.status());
        ApiException fin = assertThrows(ApiException.class,
                () -> service.changeStatus(c.id(), revoked.version(), CompanyStatus.FILED, "申诉", "regulator"));
        assertEquals(409, fin.status());
        assertTrue(fin.getMessage().contains("REVOKED"), fin.getMessage());
        assertEquals(List.of("company.suspend", "company.reinstate", "company.revoke"), audited.stream().map(AuditEvent::action).toList());
        assertTrue(audited.get(0).summary().contains("消防通道"), "the reason is in the audit record");
        assertEquals("{\"from\":\"FILED\",\"to\":\"SUSPENDED\",\"reason\":\"消防通道长期堵塞，限期整改\"}", audited.get(0).summary(),
                "the summary is JSON written by AuditEvent.summary (issue 10 item 2)");
    }

    /** CRD-2 (issue 14): a suspension and a revocation each report one PENALTY signal in their transaction, a reinstatement none. */
    @Test
    void suspensionAndRevocationEmitOnePenaltySignalEachAndReinstatementNone_CRD_2() {
        Company c = service.create(company("失信物业", creditCode()), "regulator");
        Filing f = service.submitFiling(DataScope.company(c.id()), c.id(), form("company-p"), "company-p");
        service.approve(c.id(), f.id(), f.version(), null, "regulator");
        signals.clear();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

        Company suspended = service.changeStatus(c.id(), service.get(ALL, c.id()).version(), CompanyStatus.SUSPENDED, " 消防通道长期堵塞 ", "regulator");
        assertEquals(1, signals.size(), "one signal for the suspension");
        CreditSignal s = signals.get(0);
        assertEquals("PENALTY", s.source());
        assertEquals("suspended", s.condition());
        assertEquals(c.id(), s.companyId());
        assertEquals("company-suspend:" + c.id() + ":" + suspended.version(), s.key(), "unique per status change");
        assertEquals(today, s.occurredOn(), "today in Asia/Shanghai");
        assertEquals("消防通道长期堵塞", s.reference(), "the reason, trimmed");

        Company reinstated = service.changeStatus(c.id(), suspended.version(), CompanyStatus.FILED, "已整改完毕", "regulator");
        assertEquals(1, signals.size(), "a reinstatement emits nothing");

        String longReason = "以欺骗手段取得备案".repeat(30);
        Company revoked = service.changeStatus(c.id(), reinstated.version(), CompanyStatus.REVOKED, longReason, "regulator");
        assertEquals(2, signals.size(), "one signal for the revocation");
        CreditSignal r = signals.get(1);
        assertEquals("PENALTY", r.source());
        assertEquals("revoked", r.condition());
        assertEquals(c.id(), r.companyId());
        assertEquals("company-revoke:" + c.id() + ":" + revoked.version(), r.key());
        assertEquals(today, r.occurredOn());
        assertEquals(200, r.reference().length(), "the reference fits crd_signal.reference");
        assertTrue(r.reference().startsWith("以欺骗手段取得备案") && r.reference().endsWith("…"), r.reference());

        assertEquals(409, assertThrows(ApiException.class,
                () -> service.changeStatus(c.id(), revoked.version(), CompanyStatus.SUSPENDED, "再次处罚", "regulator")).status());
        assertEquals(2, signals.size(), "a refused change emits nothing");
    }

    /** CRD-2: the credit domain is optional for the registry — without it a revocation commits, only the signal is missing. */
    @Test
    void aRevocationCommitsWithoutTheCreditDomain_CRD_2() {
        CompanyService alone = CompanyServiceImpl.standalone(db().jpa("company"), audit, files, null);
        Company c = alone.create(company("无信用域物业", creditCode()), "regulator");
        Filing f = alone.submitFiling(DataScope.company(c.id()), c.id(), form("company-q"), "company-q");
        alone.approve(c.id(), f.id(), f.version(), null, "regulator");
        signals.clear();
        Company suspended = alone.changeStatus(c.id(), alone.get(ALL, c.id()).version(), CompanyStatus.SUSPENDED, "限期整改", "regulator");
        Company revoked = alone.changeStatus(c.id(), suspended.version(), CompanyStatus.REVOKED, "吊销", "regulator");
        assertEquals(CompanyStatus.REVOKED, revoked.status());
        assertEquals(CompanyStatus.REVOKED, service.get(ALL, c.id()).status(), "committed");
        assertEquals(List.of(), signals);
    }

    /** Issue 12 item 2: the legal person's binding follows the registry — applying, filed, suspended bind; revoked does not. */
    @Test
    void aLegalPersonBindsToItsCompanyUntilItIsRevokedAndAnUnknownCodeAppliesUnderItsOwnCode_COS_1() throws Exception {
        String code = creditCode();
        CompanyBinder binder = new CompanyBinder();
        org.smartproperty.platform.security.AccountIdentity legal =
                new org.smartproperty.platform.security.AccountIdentity(1, "gd-tyrz", null, null, code.toLowerCase());
        assertEquals(List.of(), bindings(binder, legal), "not in the registry");
        assertEquals("apply.notOwnCode", assertThrows(ApiException.class,
                () -> service.apply(code, company("冒名物业", creditCode()), "gd-tyrz:legal")).errors().get(0).code());
        Company c = service.apply(code, company("申请物业", null), "gd-tyrz:legal");
        assertEquals(code, c.creditCode());
        assertEquals(CompanyStatus.APPLYING, c.status());
        assertEquals(409, assertThrows(ApiException.class, () -> service.apply(code, company("再次申请", null), "gd-tyrz:legal")).status());
        List<org.smartproperty.platform.security.Binding> b = bindings(binder, legal);
        assertEquals(1, b.size());
        assertEquals("company:" + c.id(), b.get(0).key());
        assertEquals(DataScope.company(c.id()), b.get(0).scope());
        assertEquals(java.util.Set.of(CompanyBinder.STAFF_PERMISSION), b.get(0).permissions());
        assertEquals(List.of(), bindings(binder, new org.smartproperty.platform.security.AccountIdentity(2, "gd-tyrz", "111", code, null)),
                "a natural person whose document number happens to be the code binds nothing");

        Filing f = service.submitFiling(DataScope.company(c.id()), c.id(), form("gd-tyrz:legal"), "gd-tyrz:legal");
        service.approve(c.id(), f.id(), f.version(), null, "regulator");
        Company suspended = service.changeStatus(c.id(), service.get(ALL, c.id()).version(), CompanyStatus.SUSPENDED, "限期整改", "regulator");
        assertEquals(1, bindings(binder, legal).size(), "a suspended company still answers for its estates");
        service.changeStatus(c.id(), suspended.version(), CompanyStatus.REVOKED, "吊销", "regulator");
        assertEquals(List.of(), bindings(binder, legal), "revoked: nobody acts as it");
    }

    List<org.smartproperty.platform.security.Binding> bindings(CompanyBinder binder, org.smartproperty.platform.security.AccountIdentity who)
            throws Exception {
        try (java.sql.Connection conn = db().dataSource().getConnection()) {
            return binder.bindings(conn, who);
        }
    }
}
