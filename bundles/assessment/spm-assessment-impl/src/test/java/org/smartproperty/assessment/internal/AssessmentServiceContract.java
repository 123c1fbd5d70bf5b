package org.smartproperty.assessment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.assessment.Acceptance;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.assessment.IndicatorInput;
import org.smartproperty.assessment.IndicatorSet;
import org.smartproperty.assessment.IndicatorSetInput;
import org.smartproperty.assessment.MetricInfo;
import org.smartproperty.assessment.Report;
import org.smartproperty.assessment.ReportStatus;
import org.smartproperty.assessment.ReportSubmission;
import org.smartproperty.assessment.ReportValue;
import org.smartproperty.assessment.Result;
import org.smartproperty.assessment.Round;
import org.smartproperty.assessment.RoundInput;
import org.smartproperty.assessment.RoundStatus;
import org.smartproperty.assessment.ScoringMethod;
import org.smartproperty.assessment.SetStatus;
import org.smartproperty.assessment.Top10;
import org.smartproperty.assessment.ValueStatus;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.Filing;
import org.smartproperty.company.FilingInput;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.company.internal.CompanyServiceImpl;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.notification.MessageKinds;
import org.smartproperty.notification.Notification;
import org.smartproperty.notification.internal.NotificationsImpl;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.security.internal.SecurityServiceImpl;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The 100-point assessment (SUP-AS-1..3, COS-8, DIS-6) on a real database with the real company registry, file store, audit
 * trail, accounts and notifications; the credit domain's {@link CreditSignals} (the edge of this domain) records what it is
 * handed, and the computed metric INSPECTION_PASS is a test {@link AssessmentMetric} (COMPLAINT_RATE has no provider). Run
 * on PostgreSQL and on H2 by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssessmentServiceContract {

    static {
        MessageKinds.register(Contribution.load("org.smartproperty.assessment.impl", AssessmentServiceContract.class,
                "/META-INF/spm/assessment.contributions.properties"));
    }

    abstract TestDatabase db();

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR),
            Set.of("assessment:read", "assessment:manage"), DataScope.ALL, false, "127.0.0.1");
    static final SpmPrincipal INSPECTOR = new SpmPrincipal(2, "inspector", Set.of(Role.INSPECTOR), Set.of("assessment:read"),
            DataScope.ALL, false, "127.0.0.1");

    final MutableClock clock = new MutableClock(Instant.now());
    final List<CreditSignal> signals = new CopyOnWriteArrayList<>();
    final CreditSignals credit = (con, signal) -> {
        assertNotNull(con, "emitted on the service's connection");
        signals.add(signal);
    };
    /** INSPECTION_PASS of the test: per company id, set by the tests. */
    final Map<Long, BigDecimal> inspectionPass = new HashMap<>();
    final AssessmentMetric passMetric = new AssessmentMetric() {
        @Override
        public String name() {
            return INSPECTION_PASS;
        }

        @Override
        public Map<Long, BigDecimal> values(LocalDate from, LocalDate to) {
            return Map.copyOf(inspectionPass);
        }
    };

    AssessmentServiceImpl service;
    CompanyService companies;
    FileStoreImpl files;
    SecurityServiceImpl security;
    NotificationsImpl notifications;
    EntityManagerFactory unit;
    EntityManagerFactory companyUnit;
    private int seq = 3000;

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/files.changelog.xml", "db/notification.changelog.xml", "db/company.changelog.xml",
                "db/assessment.changelog.xml")) {
            db().migrate(c);
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        AuditTrail audit = AuditTrailImpl.standalone(db().dataSource());
        files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-asm-files"));
        security = SecurityServiceImpl.standalone(db().dataSource());
        notifications = new NotificationsImpl(db().dataSource(), clock);
        companyUnit = JpaUnits.create("company", db().dataSource(), cl);
        unit = JpaUnits.create(AssessmentServiceImpl.UNIT, db().dataSource(), cl);
        companies = CompanyServiceImpl.standalone(companyUnit, audit, files);
        service = new AssessmentServiceImpl(unit, db().dataSource(), audit, files, companies, credit, List.of(passMetric), clock);
    }

    @AfterAll
    void tearDown() {
        for (EntityManagerFactory u : new EntityManagerFactory[] {unit, companyUnit}) {
            if (u != null) {
                u.close();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A company of the registry; FILED through the real filing review unless {@code filed} is false (then APPLYING). */
    long company(String name, boolean filed) {
        String body = Integer.toString(10000000 + seq++);
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        Company c = companies.create(new CompanyInput(name, first17 + UnifiedSocialCreditCode.checkChar(first17), "张三明", "一级", "ZH-1",
                "李经理", "13812345678", "横琴新区宝华路6号", null), "regulator");
        if (filed) {
            String actor = "company-" + c.id();
            Filing f = companies.submitFiling(DataScope.company(c.id()), c.id(), new FilingInput("一级", "ZH-1", "良好",
                    List.of(evidence(actor, "资质证书")), null), actor);
            companies.approve(c.id(), f.id(), f.version(), null, "regulator");
        }
        return c.id();
    }

    static SpmPrincipal companyUser(long companyId) {
        return new SpmPrincipal(100 + companyId, "company-" + companyId, Set.of(Role.COMPANY), Set.of("assessment:read", "assessment:report"),
                DataScope.company(companyId), false, "127.0.0.1");
    }

    AttachmentInput evidence(String actor, String title) {
        byte[] pdf = ("%PDF-1.4\n% " + title + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(pdf), title + ".pdf", actor).id());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** Two groups, four leaves: A1 30 + A2 20 self-reported, B1 30 INSPECTION_PASS (100 → 30, 60 → 0), B2 20 COMPLAINT_RATE (0 → 20, 10 → 0). */
    static IndicatorSetInput hundred(String name) {
        return new IndicatorSetInput(name, List.of(
                new IndicatorInput("A", null, "基础管理", null, null, null, null, null, null),
                new IndicatorInput("A1", "A", "管理制度及档案", d("30"), ScoringMethod.SELF_REPORTED, null, null, null, true),
                new IndicatorInput("A2", "A", "从业人员持证", d("20"), ScoringMethod.SELF_REPORTED, null, null, null, false),
                new IndicatorInput("B", null, "监管数据", d("50"), null, null, null, null, null),
                new IndicatorInput("B1", "B", "双随机检查合格率", d("30"), ScoringMethod.COMPUTED, AssessmentMetric.INSPECTION_PASS, d("100"),
                        d("60"), null),
                new IndicatorInput("B2", "B", "每千户投诉率", d("20"), ScoringMethod.COMPUTED, AssessmentMetric.COMPLAINT_RATE, d("0"), d("10"),
                        null)));
    }

    static long leaf(IndicatorSet s, String code) {
        return s.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().id();
    }

    ReportSubmission submission(IndicatorSet s, long companyId, String a1) {
        return new ReportSubmission(List.of(
                new ReportSubmission.Value(leaf(s, "A1"), a1, List.of(evidence("company-" + companyId, "管理制度汇编"))),
                new ReportSubmission.Value(leaf(s, "A2"), "持证上岗率 96%", null)));
    }

    static Acceptance points(IndicatorSet s, String a1, String a2) {
        return new Acceptance(List.of(new Acceptance.Points(leaf(s, "A1"), d(a1), null), new Acceptance.Points(leaf(s, "A2"), d(a2), "核实")),
                "核实无误");
    }

    static ApiException refused(int status, Runnable call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(status, e.status(), e::toString);
        return e;
    }

    static <T> T only(List<T> items, Function<T, Long> id, long wanted) {
        return items.stream().filter(x -> id.apply(x) == wanted).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ SUP-AS-1: the indicator library

    @Test
    void leafWeightsMustSumTo100BeforeASetIsUsed_SUP_AS_1() {
        IndicatorSet s = service.createIndicatorSet(REGULATOR, new IndicatorSetInput("九十分指标", List.of(
                new IndicatorInput("A", null, "基础管理", null, null, null, null, null, null),
                new IndicatorInput("A1", "A", "管理制度", d("60"), ScoringMethod.SELF_REPORTED, null, null, null, null),
                new IndicatorInput("B1", null, "满意度", d("30"), ScoringMethod.SELF_REPORTED, null, null, null, null))));
        assertEquals(SetStatus.DRAFT, s.status());
        assertEquals(0, d("90").compareTo(s.totalWeight()));
        assertEquals(0, d("60").compareTo(s.indicators().get(0).weight()), "a group weighs the sum of its children");
        assertEquals("A", s.indicators().get(1).parentCode());
        ApiException freeze = refused(409, () -> service.freezeIndicatorSet(REGULATOR, s.id(), s.version()));
        assertEquals("indicatorSet.weightsNot100", freeze.code());
        ApiException open = refused(409, () -> service.openRound(REGULATOR, new RoundInput("九十分轮次", today().minusMonths(1), today(),
                s.id(), today().plusDays(10))));
        assertEquals("indicatorSet.weightsNot100", open.code());
        assertEquals(SetStatus.DRAFT, service.indicatorSet(REGULATOR, s.id()).status(), "nothing frozen by the refused round");
    }

    @Test
    void aFrozenSetIsNeverEditedACopyIsTheNextDraftVersion_SUP_AS_1() {
        IndicatorSet s = service.createIndicatorSet(REGULATOR, hundred("冻结指标"));
        assertEquals(0, IndicatorSets.HUNDRED.compareTo(s.totalWeight()));
        refused(412, () -> service.freezeIndicatorSet(REGULATOR, s.id(), s.version() + 5));
        IndicatorSet frozen = service.freezeIndicatorSet(REGULATOR, s.id(), s.version());
        assertEquals(SetStatus.FROZEN, frozen.status());
        assertEquals("indicatorSet.frozen", refused(409, () -> service.updateIndicatorSet(REGULATOR, s.id(), frozen.version(),
                hundred("冻结指标"))).code());
        IndicatorSet copy = service.copyIndicatorSet(REGULATOR, s.id());
        assertEquals(SetStatus.DRAFT, copy.status());
        assertEquals(2, copy.setVersion());
        assertEquals("冻结指标", copy.name());
        assertEquals(s.indicators().stream().map(i -> i.code() + "/" + i.parentCode() + "/" + i.weight()).toList(),
                copy.indicators().stream().map(i -> i.code() + "/" + i.parentCode() + "/" + i.weight()).toList());
        IndicatorSet edited = service.updateIndicatorSet(REGULATOR, copy.id(), copy.version(), hundred("冻结指标"));
        assertTrue(edited.version() > copy.version());
        refused(412, () -> service.updateIndicatorSet(REGULATOR, copy.id(), copy.version(), hundred("冻结指标")));
        assertEquals("indicatorSet.nameTaken", refused(409, () -> service.createIndicatorSet(REGULATOR, hundred("冻结指标"))).code());
    }

    @Test
    void anInvalidTreeGivesEveryFieldErrorAtOnce_SUP_AS_1() {
        ApiException e = refused(400, () -> service.createIndicatorSet(REGULATOR, new IndicatorSetInput(" ", List.of(
                new IndicatorInput("A", null, "分类", d("10"), null, null, null, null, null),
                new IndicatorInput("A1", "A", "子项", d("20"), ScoringMethod.SELF_REPORTED, null, null, null, null),
                new IndicatorInput("A1", "X", "", d("120"), ScoringMethod.COMPUTED, "bad name", d("5"), d("5"), null)))));
        List<String> fields = e.errors().stream().map(x -> x.field()).toList();
        for (String f : List.of("name", "indicators[0].weight", "indicators[2].code", "indicators[2].parentCode", "indicators[2].name",
                "indicators[2].weight", "indicators[2].metric", "indicators[2].worst")) {
            assertTrue(fields.contains(f), f + " in " + fields);
        }
    }

    @Test
    void theMetricsSayWhichAreProvided_SUP_AS_1() {
        List<MetricInfo> m = service.metrics(INSPECTOR);
        assertTrue(m.contains(new MetricInfo(AssessmentMetric.INSPECTION_PASS, true)), m.toString());
        assertTrue(m.contains(new MetricInfo(AssessmentMetric.COMPLAINT_RATE, false)), m.toString());
    }

    // ------------------------------------------------------------------ SUP-AS-2, SUP-AS-3, COS-8, DIS-6: a round end to end

    @Test
    void aRoundFromOpeningToAPublishedTop10_SUP_AS_2_SUP_AS_3_COS_8_DIS_6() {
        List<Long> c = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            c.add(company("考核物业" + (char) ('A' + i), true));
        }
        long applying = company("申请中物业", false);
        IndicatorSet set = service.createIndicatorSet(REGULATOR, hundred("年度考核指标"));
        LocalDate from = today().minusMonths(6);
        // INSPECTION_PASS: c0, c1 100 %, then 90, 80, … (c6.. at or under 60 %: 0 points); c11 has no value
        for (int i = 0; i <= 10; i++) {
            inspectionPass.put(c.get(i), d(Integer.toString(i <= 1 ? 100 : 100 - 10 * (i - 1))));
        }

        ApiException bad = refused(400, () -> service.openRound(REGULATOR, new RoundInput("", today(), from, null, from.minusDays(1))));
        assertEquals(Set.of("name", "periodTo", "indicatorSetId", "dueDate"), Set.copyOf(bad.errors().stream().map(x -> x.field()).toList()));
        Round round = service.openRound(REGULATOR, new RoundInput("2026年上半年物业考核", from, today(), set.id(), today().plusDays(10)));
        assertEquals(RoundStatus.OPEN, round.status());
        assertEquals(SetStatus.FROZEN, service.indicatorSet(REGULATOR, set.id()).status(), "a round freezes the set it uses");
        assertTrue(round.companies() >= 12);
        assertEquals(0, round.submitted());
        long r = round.id();
        assertEquals(404, refused(404, () -> service.report(REGULATOR, r, applying)).status(), "only FILED companies report");
        assertEquals(ReportStatus.NOT_SUBMITTED, service.report(REGULATOR, r, c.get(0)).status());

        // scopes: a company sees and submits only its own report; the regulator and the inspector submit nothing
        SpmPrincipal c0 = companyUser(c.get(0));
        refused(404, () -> service.report(c0, r, c.get(1)));
        refused(404, () -> service.reportHistory(c0, r, c.get(1)));
        refused(404, () -> service.submitReport(c0, r, c.get(1), submission(set, c.get(0), "x")));
        assertEquals(List.of(c.get(0)), service.reports(c0, r, null, PageRequest.of(0, 50)).items().stream().map(Report::companyId).toList());
        assertEquals("report.notCompany", refused(409, () -> service.submitReport(REGULATOR, r, c.get(0), submission(set, 1, "x"))).code());

        // 400: missing indicator, unknown indicator, evidence where the indicator requires it
        ApiException missing = refused(400, () -> service.submitReport(c0, r, c.get(0), new ReportSubmission(List.of(
                new ReportSubmission.Value(leaf(set, "A1"), "制度齐全", null), new ReportSubmission.Value(leaf(set, "B1"), "99", null)))));
        assertEquals(Set.of("values[0].evidence", "values[1].indicatorId", "values"),
                Set.copyOf(missing.errors().stream().map(x -> x.field()).toList()));

        // c0 submits, is returned with a reason, resubmits; accepted with points
        Report sub = service.submitReport(c0, r, c.get(0), submission(set, c.get(0), "制度汇编第一版"));
        assertEquals(ReportStatus.SUBMITTED, sub.status());
        assertEquals(1, sub.values().get(0).evidence().size());
        assertEquals("report.pending", refused(409, () -> service.submitReport(c0, r, c.get(0), submission(set, c.get(0), "再报"))).code());
        assertEquals("reason", refused(400, () -> service.returnReport(REGULATOR, r, c.get(0), sub.version(), " ")).errors().get(0).field());
        refused(412, () -> service.returnReport(REGULATOR, r, c.get(0), sub.version() - 1, "缺少档案目录"));
        Report returned = service.returnReport(REGULATOR, r, c.get(0), sub.version(), "缺少档案目录");
        assertEquals(ReportStatus.RETURNED, returned.status());
        assertEquals("缺少档案目录", returned.reason());
        Report again = service.submitReport(c0, r, c.get(0), submission(set, c.get(0), "制度汇编第二版（含档案目录）"));
        assertEquals("制度汇编第二版（含档案目录）", again.values().get(0).value());
        ApiException over = refused(400, () -> service.acceptReport(REGULATOR, r, c.get(0), again.version(), points(set, "31", "15")));
        assertEquals("points[0].points", over.errors().get(0).field());
        ApiException notAll = refused(400, () -> service.acceptReport(REGULATOR, r, c.get(0), again.version(), new Acceptance(List.of(
                new Acceptance.Points(leaf(set, "A1"), d("25"), null)), null)));
        assertEquals("points", notAll.errors().get(0).field());
        Report accepted = service.acceptReport(REGULATOR, r, c.get(0), again.version(), points(set, "25", "15"));
        assertEquals(ReportStatus.APPROVED, accepted.status());
        assertEquals(0, d("40").compareTo(accepted.selfReportedPoints()));
        assertEquals("核实", accepted.values().get(1).note());
        assertEquals("report.approved", refused(409, () -> service.submitReport(c0, r, c.get(0), submission(set, c.get(0), "x"))).code());
        assertEquals("report.illegalTransition", refused(409, () -> service.returnReport(REGULATOR, r, c.get(0), accepted.version(),
                "晚了")).code());
        List<ReviewAction> history = service.reportHistory(c0, r, c.get(0)).stream().map(ReviewEvent::action).toList();
        assertEquals(List.of(ReviewAction.SUBMIT, ReviewAction.RETURN, ReviewAction.RESUBMIT, ReviewAction.APPROVE), history);

        // c1..c9 submitted and accepted with 40 points; c10 submitted, never decided; c11 never submits
        for (int i = 1; i <= 10; i++) {
            SpmPrincipal u = companyUser(c.get(i));
            Report s = service.submitReport(u, r, c.get(i), submission(set, c.get(i), "制度齐全"));
            if (i <= 9) {
                service.acceptReport(REGULATOR, r, c.get(i), s.version(), points(set, "25", "15"));
            }
        }
        assertEquals("results.notYet", refused(409, () -> service.results(REGULATOR, r)).code());
        Round open = service.round(INSPECTOR, r);
        assertEquals(11, open.submitted());
        assertEquals(10, open.accepted());

        // close: computed indicators for the period; no more submissions
        refused(412, () -> service.closeRound(REGULATOR, r, open.version() - 1));
        Round closed = service.closeRound(REGULATOR, r, open.version());
        assertEquals(RoundStatus.CLOSED, closed.status());
        assertNull(closed.publishedAt());
        assertEquals("round.notOpen", refused(409, () -> service.submitReport(companyUser(c.get(11)), r, c.get(11),
                submission(set, c.get(11), "迟报"))).code());
        assertEquals("round.notOpen", refused(409, () -> service.closeRound(REGULATOR, r, closed.version())).code());
        Report c2 = service.report(REGULATOR, r, c.get(2));
        ReportValue b1 = c2.values().stream().filter(v -> v.code().equals("B1")).findFirst().orElseThrow();
        assertEquals(ValueStatus.VALUE, b1.valueStatus());
        assertEquals("90", b1.value());
        assertEquals(0, d("22.50").compareTo(b1.points()), "linear between worst 60 and best 100");
        ReportValue b2 = c2.values().stream().filter(v -> v.code().equals("B2")).findFirst().orElseThrow();
        assertEquals(ValueStatus.NO_METRIC, b2.valueStatus(), "no bundle provides COMPLAINT_RATE: 0 points, said so");
        assertEquals(0, BigDecimal.ZERO.compareTo(b2.points()));
        Report c11 = service.report(REGULATOR, r, c.get(11));
        assertEquals(ValueStatus.NO_VALUE, c11.values().stream().filter(v -> v.code().equals("B1")).findFirst().orElseThrow().valueStatus());
        assertEquals(0, BigDecimal.ZERO.compareTo(c11.score()));
        Report c10 = service.report(REGULATOR, r, c.get(10));
        assertNull(c10.selfReportedPoints(), "a report never accepted scores only its computed part");

        // ranks with ties: c0 = c1 = 40 + 30 = 70 (rank 1, 1), c2 62.5 (3), c3 55 (4), c4 47.5 (5), c5..c9 40 (6)
        List<Result> results = service.results(REGULATOR, r);
        assertEquals(1, only(results, Result::companyId, c.get(0)).rank());
        assertEquals(1, only(results, Result::companyId, c.get(1)).rank());
        assertEquals(0, d("70.00").compareTo(only(results, Result::companyId, c.get(1)).score()));
        assertEquals(3, only(results, Result::companyId, c.get(2)).rank());
        assertEquals(0, d("62.50").compareTo(only(results, Result::companyId, c.get(2)).score()));
        assertEquals(4, only(results, Result::companyId, c.get(3)).rank());
        for (int i = 5; i <= 9; i++) {
            assertEquals(6, only(results, Result::companyId, c.get(i)).rank());
        }
        assertEquals(11, only(results, Result::companyId, c.get(10)).rank());
        assertEquals(List.of(c.get(3)), service.results(companyUser(c.get(3)), r).stream().map(Result::companyId).toList(),
                "a company sees its own result only");

        // publish (If-Match): frozen, credit signals in the same transaction, the public TOP 10
        refused(412, () -> service.publishRound(REGULATOR, r, closed.version() - 1));
        Round published = service.publishRound(REGULATOR, r, closed.version());
        assertEquals(RoundStatus.PUBLISHED, published.status());
        assertNotNull(published.publishedAt());
        assertEquals("round.notClosed", refused(409, () -> service.publishRound(REGULATOR, r, published.version())).code());
        assertEquals("round.published", refused(409, () -> service.acceptReport(REGULATOR, r, c.get(10), c10.version(),
                points(set, "1", "1"))).code());
        assertEquals(new CreditSignal("ASSESSMENT", "top10", c.get(0), "assessment:" + r + ":" + c.get(0), today(), "2026年上半年物业考核"),
                signals.stream().filter(s -> s.companyId() == c.get(0)).findFirst().orElseThrow());
        for (int i = 0; i < 12; i++) {
            long id = c.get(i);
            List<CreditSignal> mine = signals.stream().filter(s -> s.companyId() == id).toList();
            assertEquals(1, mine.size(), "one signal per company and round");
            assertEquals(i <= 2 ? "top10" : "below60", mine.get(0).condition(), "company c" + i);
        }
        Top10 top = service.top10();
        assertEquals(r, top.roundId());
        assertEquals("2026年上半年物业考核", top.roundName());
        assertEquals(10, top.items().size());
        assertEquals(List.of(1, 1, 3, 4, 5, 6, 6, 6, 6, 6), top.items().stream().map(Top10.Item::rank).toList());
        assertEquals(c.get(0), top.items().get(0).companyId());
        assertEquals(0, d("70.00").compareTo(top.items().get(0).score()));
        assertEquals(6, service.report(companyUser(c.get(9)), r, c.get(9)).rank());
    }

    // ------------------------------------------------------------------ COS-8: the reminder before the due date

    @Test
    void companiesThatHaveNotSubmittedAreRemindedOnceBeforeTheDueDate_COS_8() throws Exception {
        long late = company("提醒物业", true);
        security.ensureAccount("asm-late", "提醒企业用户", Role.COMPANY, "Assess@2026ok", null, DataScope.company(late));
        long account = security.accountsOf(DataScope.company(late)).get(0).accountId();
        IndicatorSet set = service.createIndicatorSet(REGULATOR, hundred("提醒指标"));
        Round far = service.openRound(REGULATOR, new RoundInput("远期轮次", today().minusMonths(1), today(), set.id(), today().plusDays(30)));
        Round near = service.openRound(REGULATOR, new RoundInput("临期轮次", today().minusMonths(1), today(), set.id(), today().plusDays(3)));
        DueReminderJob job = new DueReminderJob(service, security, notifications, db().dataSource(), clock);
        assertTrue(job.run() >= 1);
        List<Notification> got = notifications.list(account, false, PageRequest.of(0, 20), Locale.ENGLISH).items();
        assertEquals(1, got.size(), "the near round only, not the one due in 30 days");
        assertTrue(got.get(0).text().contains("临期轮次"), got.get(0).text());
        assertEquals("/assessment/rounds/" + near.id(), got.get(0).link());
        assertEquals(0, job.run(), "once per round and company");
        assertFalse(service.dueReports(today(), 5).stream().anyMatch(x -> x.roundId() == far.id()));
        assertFalse(service.configure(0));
        assertTrue(service.configure(5));
    }

    @Test
    void theContributionsParseWithTheGrantsKindAndAuditKinds() {
        Contribution c = Contribution.load("org.smartproperty.assessment.impl", AssessmentServiceImpl.class,
                "/META-INF/spm/assessment.contributions.properties");
        for (String g : List.of("REGULATOR:assessment:manage", "OFFICER:assessment:manage", "INSPECTOR:assessment:read", "COMPANY:assessment:read",
                "COMPANY:assessment:report")) {
            String[] p = g.split(":", 2);
            assertTrue(c.grants().contains(new Contribution.Grant(p[0], p[1])), g);
        }
        assertFalse(c.grants().contains(new Contribution.Grant("INSPECTOR", "assessment:manage")));
        assertEquals(List.of("ASSESSMENT_DUE"), c.messageKinds().stream().map(Contribution.MessageKindDef::name).toList());
        assertEquals(Set.of("assessment-indicator-set", "assessment-round", "assessment-report"),
                Set.copyOf(c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList()));
    }
}
