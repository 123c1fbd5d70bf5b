package org.smartproperty.credit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.company.internal.CompanyServiceImpl;
import org.smartproperty.credit.Appeal;
import org.smartproperty.credit.AppealStatus;
import org.smartproperty.credit.CreditDetail;
import org.smartproperty.credit.CreditQuery;
import org.smartproperty.credit.CreditRecord;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.Declaration;
import org.smartproperty.credit.DeclarationCategory;
import org.smartproperty.credit.DeclarationInput;
import org.smartproperty.credit.PublicCredit;
import org.smartproperty.credit.RecordInput;
import org.smartproperty.credit.RecordKind;
import org.smartproperty.credit.RecordQuery;
import org.smartproperty.credit.RecordSource;
import org.smartproperty.credit.RecordStatus;
import org.smartproperty.credit.RuleInput;
import org.smartproperty.credit.Verification;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.internal.ContributedTimeLimits;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * SUP-CO-3 and rules CRD-1..5 on a real database with the real company registry, file store, audit trail and deadline
 * engine; run on PostgreSQL and on the embedded engine (H2) by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CreditServiceContract {

    abstract TestDatabase db();

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR),
            Set.of("credit:read", "credit:write", "credit:review", "credit:rules"), DataScope.ALL, false, "127.0.0.1");

    /** Now: the rows' own times (created, decided) are the real time, as in Karaf; the expiry test moves it ahead. */
    final MutableClock clock = new MutableClock(Instant.now());
    CreditServiceImpl credit;
    CreditSignalsImpl signals;
    CompanyService companies;
    FileStoreImpl files;
    DeadlineTracker deadlines;
    EntityManagerFactory creditUnit;
    EntityManagerFactory companyUnit;
    private int seq = 2000;

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/files.changelog.xml", "db/deadline.changelog.xml", "db/company.changelog.xml",
                "db/credit.changelog.xml")) {
            db().migrate(c);
        }
        ContributedTimeLimits.seed(db().dataSource(), Contribution.load("org.smartproperty.credit.impl", CreditServiceImpl.class,
                "/META-INF/spm/credit.contributions.properties"), Instant.now());
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        AuditTrail audit = AuditTrailImpl.standalone(db().dataSource());
        files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-files"));
        companyUnit = JpaUnits.create("company", db().dataSource(), cl);
        creditUnit = JpaUnits.create(CreditServiceImpl.UNIT, db().dataSource(), cl);
        companies = CompanyServiceImpl.standalone(companyUnit, audit, files);
        deadlines = DeadlineEngine.standalone(db().dataSource(), audit, clock);
        credit = new CreditServiceImpl(creditUnit, db().dataSource(), audit, files, companies, deadlines, clock);
        signals = new CreditSignalsImpl(clock);
    }

    @AfterAll
    void tearDown() {
        for (EntityManagerFactory u : new EntityManagerFactory[] {creditUnit, companyUnit}) {
            if (u != null) {
                u.close();
            }
        }
    }

    long company(String name) {
        String body = Integer.toString(10000000 + seq++);
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        Company c = companies.create(new CompanyInput(name, first17 + UnifiedSocialCreditCode.checkChar(first17), "张三明", "一级", "ZH-1",
                "李经理", "13812345678", "横琴新区宝华路6号", null), "regulator");
        return c.id();
    }

    static SpmPrincipal companyUser(long companyId) {
        return new SpmPrincipal(100 + companyId, "company-" + companyId, Set.of(Role.COMPANY), Set.of("credit:read", "credit:declare"),
                DataScope.company(companyId), false, "127.0.0.1");
    }

    AttachmentInput evidence(String actor, String title) {
        byte[] pdf = ("%PDF-1.4\n% " + title + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(pdf), title + ".pdf", actor).id());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** A declaration of 40 + 25 + 10 claimed points, verified at 38 + 25 + 10 = 73 (grade A with the default bands). */
    Declaration declareAndVerify(long companyId) {
        SpmPrincipal user = companyUser(companyId);
        Declaration d = credit.declare(user, companyId, new DeclarationInput(List.of(
                new DeclarationInput.Item(DeclarationCategory.QUALIFICATION, "物业服务企业一级资质", 40, List.of(evidence(user.getName(), "资质证书"))),
                new DeclarationInput.Item(DeclarationCategory.STAFF, "持证项目经理12名", 25, List.of(evidence(user.getName(), "人员名册"))),
                new DeclarationInput.Item(DeclarationCategory.AWARD, "市级优秀物业项目", 10, List.of(evidence(user.getName(), "获奖证书"))))));
        assertEquals(ReviewState.SUBMITTED, d.status());
        assertEquals(3, d.items().size());
        assertEquals(1, d.items().get(0).evidence().size(), "each item keeps its own evidence");
        return credit.verify(REGULATOR, companyId, d.id(), d.version(), new Verification(List.of(
                new Verification.Item(d.items().get(0).id(), 38, "资质证书有效期至2027年"),
                new Verification.Item(d.items().get(1).id(), 25, null),
                new Verification.Item(d.items().get(2).id(), 10, null)), "核验通过"));
    }

    @Test
    void declarationVerifiedItemByItemGivesTheBaseScoreAndGrade_CRD_1_CRD_3() {
        long c = company("信用甲物业");
        Declaration d = declareAndVerify(c);
        assertEquals(ReviewState.APPROVED, d.status());
        assertEquals(73, d.baseScore());
        assertEquals(38, d.items().get(0).verifiedPoints());
        CreditDetail detail = credit.company(REGULATOR, c, null);
        assertEquals(73, detail.score());
        assertEquals("A", detail.grade());
        assertFalse(detail.blacklisted());
        assertEquals("declaration.verified", detail.history().get(0).cause());
        ApiException again = assertThrows(ApiException.class, () -> credit.declare(companyUser(c), c, new DeclarationInput(List.of(
                new DeclarationInput.Item(DeclarationCategory.AWARD, "再报", 5, List.of(evidence("company-" + c, "x")))))));
        assertEquals("declaration.approved", again.code(), "one approved declaration per year");
    }

    @Test
    void verificationNamesEveryItemWithinTheClaim_CRD_1() {
        long c = company("核验物业");
        SpmPrincipal user = companyUser(c);
        ApiException overCap = assertThrows(ApiException.class, () -> credit.declare(user, c, new DeclarationInput(List.of(
                new DeclarationInput.Item(DeclarationCategory.AWARD, "太多", 50, List.of(evidence(user.getName(), "x")))))));
        assertEquals(400, overCap.status());
        assertEquals("items[0].claimedPoints", overCap.errors().get(0).field());
        Declaration d = credit.declare(user, c, new DeclarationInput(List.of(
                new DeclarationInput.Item(DeclarationCategory.QUALIFICATION, "二级资质", 30, List.of(evidence(user.getName(), "证书"))),
                new DeclarationInput.Item(DeclarationCategory.STAFF, "人员", 20, List.of(evidence(user.getName(), "名册"))))));
        ApiException missing = assertThrows(ApiException.class, () -> credit.verify(REGULATOR, c, d.id(), d.version(),
                new Verification(List.of(new Verification.Item(d.items().get(0).id(), 30, null)), null)));
        assertEquals("items", missing.errors().get(0).field());
        ApiException above = assertThrows(ApiException.class, () -> credit.verify(REGULATOR, c, d.id(), d.version(),
                new Verification(List.of(new Verification.Item(d.items().get(0).id(), 31, null),
                        new Verification.Item(d.items().get(1).id(), 20, null)), null)));
        assertEquals("items[0].verifiedPoints", above.errors().get(0).field());
        Declaration returned = credit.returnDeclaration(REGULATOR, c, d.id(), d.version(), "人员名册缺社保证明");
        assertEquals(ReviewState.RETURNED, returned.status());
        assertEquals(0, credit.standing(c).score());
        assertNull(credit.standing(c).grade(), "no verified declaration: unrated");
        assertThrows(ApiException.class, () -> credit.returnDeclaration(REGULATOR, c, d.id(), returned.version(), null));
    }

    @Test
    void failedInspectionSignalBecomesABadRecordAppealWithdrawsIt_CRD_2_CRD_4() throws Exception {
        long c = company("申诉物业");
        declareAndVerify(c);
        Jdbc.transaction(db().dataSource(), con -> {
            signals.emit(con, new CreditSignal("INSPECTION", "item.failed", c, "inspection-result:" + c, today(), "JC-2026-000001 / 消防"));
            signals.emit(con, new CreditSignal("INSPECTION", "item.failed", c, "inspection-result:" + c, today(), "twice"));
            return null;
        });
        assertTrue(credit.processSignals(100) >= 1);
        CreditDetail after = credit.company(REGULATOR, c, null);
        assertEquals(68, after.score(), "73 - 5 (rule INSPECTION_FAILED)");
        assertEquals("B", after.grade());
        assertEquals(1, after.records().size(), "the same signal key twice is one record");
        CreditRecord bad = after.records().get(0);
        assertEquals(RecordSource.INSPECTION, bad.source());
        assertEquals("INSPECTION_FAILED", bad.ruleCode());
        assertEquals(today().plusMonths(12), bad.validUntil());
        assertTrue(bad.appealable());

        SpmPrincipal user = companyUser(c);
        Appeal a = credit.submitAppeal(user, bad.id(), "整改前已由第三方检测合格", List.of(evidence(user.getName(), "检测报告")));
        assertEquals(AppealStatus.SUBMITTED, a.status());
        assertNotNull(a.dueAt(), "CRD-4 time limit from the deadline engine");
        assertEquals("appeal.pending", assertThrows(ApiException.class, () -> credit.submitAppeal(user, bad.id(), "再诉",
                List.of(evidence(user.getName(), "y")))).code());
        ApiException notOwn = assertThrows(ApiException.class, () -> credit.submitAppeal(companyUser(c + 1), bad.id(), "别人的",
                List.of(evidence("company-" + (c + 1), "z"))));
        assertEquals(404, notOwn.status());

        Appeal w = credit.withdraw(REGULATOR, a.id(), a.version(), "检测报告属实");
        assertEquals(AppealStatus.WITHDRAWN, w.status());
        CreditDetail back = credit.company(REGULATOR, c, null);
        assertEquals(73, back.score());
        assertEquals("A", back.grade());
        assertEquals(RecordStatus.WITHDRAWN, credit.record(REGULATOR, bad.id()).status());
        assertEquals("appeal.withdrawn", back.history().get(0).cause());
        try (Connection con = conn()) {
            assertNotNull(deadlines.find(con, "credit", a.id()).orElseThrow().finishedAt(), "the deadline is complete");
        }
        // as of the day before the decision was recorded the record counted, CRD-4 keeps the history
        assertEquals(3, back.history().size(), "verified, record added, appeal withdrawn");
    }

    private Connection conn() throws Exception {
        return db().dataSource().getConnection();
    }

    @Test
    void upheldAppealKeepsTheRecordAndCannotBeRepeated_CRD_4() {
        long c = company("维持物业");
        declareAndVerify(c);
        CreditRecord r = credit.addRecord(REGULATOR, new RecordInput(c, RecordKind.BAD, null, 8, false, today(), null, "电梯维保记录缺失",
                List.of(evidence("regulator", "检查记录"))));
        assertEquals(RecordSource.MANUAL, r.source());
        assertEquals(65, credit.company(REGULATOR, c, null).score());
        SpmPrincipal user = companyUser(c);
        Appeal a = credit.submitAppeal(user, r.id(), "有维保合同", List.of(evidence(user.getName(), "合同")));
        assertEquals("reason.required", assertThrows(ApiException.class, () -> credit.uphold(REGULATOR, a.id(), a.version(), " "))
                .errors().get(0).code());
        Appeal u = credit.uphold(REGULATOR, a.id(), a.version(), "合同已过期，维保记录确实缺失");
        assertEquals(AppealStatus.UPHELD, u.status());
        assertEquals(RecordStatus.ACTIVE, credit.record(REGULATOR, r.id()).status());
        assertFalse(credit.record(REGULATOR, r.id()).appealable());
        assertEquals(409, assertThrows(ApiException.class, () -> credit.submitAppeal(user, r.id(), "再诉",
                List.of(evidence(user.getName(), "w")))).status());
        assertEquals(412, assertThrows(ApiException.class, () -> credit.withdraw(REGULATOR, a.id(), a.version(), null)).status());
    }

    @Test
    void creditRepairWithdrawsABadRecordEarly_CRD_4() {
        long c = company("修复物业");
        declareAndVerify(c);
        CreditRecord r = credit.addRecord(REGULATOR, new RecordInput(c, RecordKind.BAD, null, 10, false, today(), 24, "消防通道堵塞",
                List.of(evidence("regulator", "照片"))));
        assertEquals(63, credit.company(REGULATOR, c, null).score());
        CreditRecord repaired = credit.repair(REGULATOR, r.id(), r.version(), "已清理并建立巡查台账", List.of(evidence("regulator", "整改报告")));
        assertEquals(RecordStatus.REPAIRED, repaired.status());
        assertEquals(73, credit.company(REGULATOR, c, null).score());
        assertEquals(409, assertThrows(ApiException.class, () -> credit.repair(REGULATOR, r.id(), repaired.version(), "again",
                List.of(evidence("regulator", "x")))).status());
    }

    @Test
    void recordsDropOutWhenTheyExpireAndAsOfShowsThePast_CRD_2() {
        long c = company("到期物业");
        declareAndVerify(c);
        CreditRecord good = credit.addRecord(REGULATOR, new RecordInput(c, RecordKind.GOOD, RecordSource.AWARD, 6, false, today().minusMonths(3),
                6, "市级示范项目", List.of(evidence("regulator", "文件"))));
        assertEquals(79, credit.company(REGULATOR, c, null).score());
        assertEquals(today().minusMonths(3).plusMonths(6), good.validUntil());
        CreditDetail later = credit.company(REGULATOR, c, good.validUntil());
        assertEquals(73, later.score(), "on its validUntil the record no longer counts");
        assertTrue(later.records().isEmpty());
        assertEquals(79, credit.company(REGULATOR, c, good.validUntil().minusDays(1)).score());
        clock.set(good.validUntil().atStartOfDay(ZONE).plusHours(1).toInstant());
        try {
            assertEquals(RecordStatus.EXPIRED, credit.record(REGULATOR, good.id()).status());
            assertTrue(credit.refreshAll("record.expired") >= 1);
            assertEquals("record.expired", credit.company(REGULATOR, c, null).history().get(0).cause());
            assertEquals(73, credit.standing(c).score());
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void vetoBlacklistsAndIsPublic_CRD_3_CRD_5_DIS_1() {
        long c = company("黑名单物业");
        declareAndVerify(c);
        assertFalse(credit.standing(c).blacklisted());
        credit.addRecord(REGULATOR, new RecordInput(c, RecordKind.BAD, RecordSource.PENALTY, 0, true, today(), 36, "以欺骗手段取得资质被撤销",
                List.of(evidence("regulator", "处罚决定书"))));
        assertTrue(credit.standing(c).blacklisted());
        assertEquals("C", credit.standing(c).grade());
        assertEquals(73, credit.standing(c).score(), "the veto sets the grade, not the score");
        assertTrue(credit.companies(REGULATOR, new CreditQuery(null, null, true), PageRequest.parse(null, "50", null, CreditServiceImpl.SORT))
                .items().stream().anyMatch(x -> x.companyId() == c));
        PublicCredit p = credit.publicCredit("黑名单", PageRequest.parse(null, null, null, CreditServiceImpl.SORT)).items().get(0);
        assertTrue(p.blacklisted());
        assertEquals(1, p.badRecords());
        assertTrue(p.records().get(0).veto());
    }

    @Test
    void aCompanySeesOnlyItsOwnCredit_SUP_CO_3() {
        long a = company("范围甲物业");
        long b = company("范围乙物业");
        declareAndVerify(a);
        declareAndVerify(b);
        SpmPrincipal userA = companyUser(a);
        assertEquals(404, assertThrows(ApiException.class, () -> credit.company(userA, b, null)).status());
        assertEquals(404, assertThrows(ApiException.class, () -> credit.declarations(userA, b)).status());
        var page = credit.companies(userA, null, PageRequest.parse(null, null, null, CreditServiceImpl.SORT));
        assertEquals(1, page.total());
        assertEquals(a, page.items().get(0).companyId());
        assertTrue(credit.records(userA, new RecordQuery(null, null, null, null), PageRequest.parse(null, null, null, CreditServiceImpl.RECORD_SORT))
                .items().stream().allMatch(r -> r.companyId() == a));
        assertEquals("declaration.notCompany", assertThrows(ApiException.class, () -> credit.declare(REGULATOR, a, new DeclarationInput(List.of(
                new DeclarationInput.Item(DeclarationCategory.AWARD, "代报", 5, List.of(evidence("regulator", "x"))))))).code());
    }

    @Test
    void ruleTableDrivesSignalsAndAnUnknownConditionIsIgnored() throws Exception {
        long c = company("规则物业");
        declareAndVerify(c);
        var rule = credit.rules(REGULATOR).stream().filter(r -> r.code().equals("ASSESSMENT_TOP10")).findFirst().orElseThrow();
        credit.updateRule(REGULATOR, "ASSESSMENT_TOP10", rule.version(), new RuleInput(7, 12, false, true));
        assertEquals(400, assertThrows(ApiException.class, () -> credit.updateRule(REGULATOR, "ASSESSMENT_TOP10", rule.version() + 1,
                new RuleInput(7, 12, true, true))).status(), "a good record is never a veto");
        Jdbc.transaction(db().dataSource(), con -> {
            signals.emit(con, new CreditSignal("ASSESSMENT", "top10", c, "assessment:top10:" + c, today(), "2026 上半年考核"));
            signals.emit(con, new CreditSignal("ASSESSMENT", "nothing.matches", c, "assessment:none:" + c, today(), null));
            return null;
        });
        credit.processSignals(100);
        assertEquals(80, credit.standing(c).score());
        // a signal for a company the registry does not know is kept, not retried for ever
        Jdbc.transaction(db().dataSource(), con -> {
            signals.emit(con, new CreditSignal("INSPECTION", "item.failed", 987654L, "inspection-result:unknown-" + c, today(), null));
            return null;
        });
        credit.processSignals(100);
        assertEquals(0, credit.processSignals(100), "nothing left pending");
        assertEquals("AA", credit.standing(c).grade());
    }

    @Test
    void badConfigurationIsRefused_CRD_3() {
        assertThrows(IllegalArgumentException.class, () -> CreditRules.parse("AAA=85,AA=90,C=0", 12, "QUALIFICATION=40,STAFF=30,AWARD=20"));
        assertThrows(IllegalArgumentException.class, () -> CreditRules.parse("AAA=85,B=60", 12, "QUALIFICATION=40,STAFF=30,AWARD=20"));
        assertThrows(IllegalArgumentException.class, () -> CreditRules.parse("AAA=85,C=0", 0, "QUALIFICATION=40,STAFF=30,AWARD=20"));
        assertEquals("AA", CreditRules.DEFAULTS.score(80, 0, 0, false).grade());
        assertEquals("AAA", CreditRules.DEFAULTS.score(85, 0, 0, false).grade());
        assertEquals("C", CreditRules.DEFAULTS.score(59, 0, 0, false).grade());
        assertTrue(CreditRules.DEFAULTS.score(59, 0, 0, false).blacklisted());
    }
}
