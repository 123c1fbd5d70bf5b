package org.smartproperty.tender.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.ServicePeriod;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.company.internal.CompanyServiceImpl;
import org.smartproperty.credit.CreditStanding;
import org.smartproperty.deadline.internal.ContributedTimeLimits;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.tender.AnnouncementInput;
import org.smartproperty.tender.Bidder;
import org.smartproperty.tender.Clarification;
import org.smartproperty.tender.ContractInput;
import org.smartproperty.tender.Criterion;
import org.smartproperty.tender.DirectInput;
import org.smartproperty.tender.PanelView;
import org.smartproperty.tender.Result;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.RuleInput;
import org.smartproperty.tender.ScoreInput;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderInput;
import org.smartproperty.tender.TenderMethod;
import org.smartproperty.tender.TenderQuery;
import org.smartproperty.tender.TenderRule;
import org.smartproperty.tender.TenderStage;

/**
 * Tendering (SUP-TND-1..3, DEV-2..7, TND-1..7) on a real database with the real company registry, file store, audit trail and
 * deadline engine; estate, credit standing, expert library and notices are stand-ins. Run on PostgreSQL and H2 by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenderServiceContract {

    abstract TestDatabase db();

    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR),
            Set.of("tender:read", "tender:review", "tender:rules"), DataScope.ALL, false, "127.0.0.1");
    static final long DEV = 3;

    TenderServiceImpl service;
    CompanyService companies;
    FileStoreImpl files;
    EntityManagerFactory unit;
    EntityManagerFactory companyUnit;
    final Set<Long> blacklisted = new HashSet<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final FakeExperts experts = new FakeExperts();
    private final AtomicInteger seq = new AtomicInteger(3000);

    /** The expert library as the expert domain will answer it: a complete panel of 4 drawn experts and 1 representative. */
    static final class FakeExperts implements ExpertProjects {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile Set<Long> bidders = Set.of();

        @Override
        public long record(Connection c, ProjectRecord project, String actor) {
            calls.add("record:" + project.sourceId());
            return project.sourceId();
        }

        @Override
        public void bidders(Connection c, String source, long sourceId, Set<Long> companyIds, String actor) {
            calls.add("bidders:" + sourceId);
            bidders = companyIds;
        }

        @Override
        public void published(Connection c, String source, long sourceId, String actor) {
            calls.add("published:" + sourceId);
        }

        @Override
        public Panel panel(String source, long sourceId) {
            List<Seat> seats = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                seats.add(new Seat(i, 100L + i, "expert" + i, "专家姓名" + i, false, true));
            }
            seats.add(new Seat(5, null, null, "招标人代表", true, true));
            return new Panel(9, 5, true, seats);
        }
    }

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/files.changelog.xml", "db/deadline.changelog.xml", "db/company.changelog.xml",
                "db/tender.changelog.xml")) {
            db().migrate(c);
        }
        ContributedTimeLimits.seed(db().dataSource(), Contribution.load("org.smartproperty.tender.impl", TenderServiceImpl.class,
                "/META-INF/spm/tender.contributions.properties"), Instant.now());
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        AuditTrail audit = AuditTrailImpl.standalone(db().dataSource());
        files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-files"));
        companyUnit = JpaUnits.create("company", db().dataSource(), cl);
        unit = JpaUnits.create(TenderServiceImpl.UNIT, db().dataSource(), cl);
        companies = CompanyServiceImpl.standalone(companyUnit, audit, files);
        AccountDirectory directory = proxy(AccountDirectory.class, (m, a) -> switch (m) {
            case "accountsOf" -> {
                DataScope s = (DataScope) a[0];
                yield List.of(new AccountDirectory.Contact(1000 + s.companyId(), "company-" + s.companyId(), "企业" + s.companyId(), "13812345678"));
            }
            case "accountsWithRole" -> List.of();
            case "contact", "identity" -> Optional.empty();
            default -> throw new UnsupportedOperationException(m);
        });
        service = new TenderServiceImpl(unit, audit, files, directory);
        service.companies = companies;
        service.deadlines = DeadlineEngine.standalone(db().dataSource(), audit, Clock.systemUTC());
        service.credit = id -> new CreditStanding.Standing(id, blacklisted.contains(id) ? "C" : "A", blacklisted.contains(id) ? 40 : 75,
                blacklisted.contains(id));
        service.experts = experts;
        service.estates = proxy(EstateService.class, (m, a) -> {
            if (!m.equals("get")) {
                throw new UnsupportedOperationException(m);
            }
            long id = (Long) a[1];
            return new Estate(id, "P" + id, "横琴花园" + id, "横琴新区", "横琴", "440404", null, null, "横琴置业有限公司", null, null, null, null,
                    EstateStatus.ACTIVE, 1, 10, 1, Instant.now(), Instant.now());
        });
        service.notifications = proxy(Notifications.class, (m, a) -> {
            notices.add("notify:" + a[1] + ":" + a[2]);
            return 1L;
        });
        service.sms = proxy(SmsOutbox.class, (m, a) -> {
            notices.add("sms:" + a[1]);
            return "out";
        });
    }

    interface Handler {
        Object handle(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Handler h) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.getName().equals("toString") ? type.getSimpleName() : m.getName().equals("hashCode") ? 1 : false;
            }
            return h.handle(m.getName(), a);
        });
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

    static SpmPrincipal developer(long developerId, Set<Long> estates) {
        return new SpmPrincipal(50 + developerId, "developer-" + developerId, Set.of(Role.DEVELOPER), Set.of("tender:read", "tender:apply",
                "tender:score"), DataScope.developer(developerId, estates), false, "127.0.0.1");
    }

    static SpmPrincipal companyUser(long companyId) {
        return new SpmPrincipal(1000 + companyId, "company-" + companyId, Set.of(Role.COMPANY), Set.of("tender:read", "tender:bid"),
                DataScope.company(companyId), false, "127.0.0.1");
    }

    static SpmPrincipal expert(int n) {
        return new SpmPrincipal(200 + n, "expert" + n, Set.of(Role.EXPERT), Set.of("tender:read", "tender:score"), DataScope.NONE, false,
                "127.0.0.1");
    }

    long company(String name, boolean filed) throws Exception {
        String body = Integer.toString(10000000 + seq.incrementAndGet());
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        Company c = companies.create(new CompanyInput(name, first17 + UnifiedSocialCreditCode.checkChar(first17), "张三明", "一级", "ZH-1",
                "李经理", "13812345678", "横琴新区宝华路6号", null), "regulator");
        if (filed) {
            try (Connection con = db().dataSource().getConnection();
                 PreparedStatement ps = con.prepareStatement("UPDATE cmp_company SET status = 'FILED' WHERE id = ?")) {
                ps.setLong(1, c.id());
                ps.executeUpdate();
            }
        }
        return c.id();
    }

    List<AttachmentInput> material(String actor, String title) {
        byte[] pdf = ("%PDF-1.4\n% " + title + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        return List.of(new AttachmentInput(title, files.upload(new ByteArrayInputStream(pdf), title + ".pdf", actor).id()));
    }

    void rules(int lead, int period, int clarification, int minBidders, int minInvited) {
        Map<String, Integer> want = Map.of(TenderRule.ANNOUNCEMENT_LEAD, lead, TenderRule.BID_PERIOD, period, TenderRule.CLARIFICATION_LEAD,
                clarification, TenderRule.MIN_BIDDERS, minBidders, TenderRule.MIN_INVITED, minInvited);
        for (TenderRule r : service.rules()) {
            service.updateRule(REGULATOR, r.code(), r.version(), new RuleInput(want.get(r.code()), null, null));
        }
    }

    static final List<Criterion> CRITERIA = List.of(new Criterion("PLAN", "服务方案", 60), new Criterion("PRICE", "报价", 40));

    Tender draft(SpmPrincipal dev, long estate, TenderMethod method, List<Long> invited, Long directCompany) {
        return service.create(dev, new TenderInput(estate, "前期物业服务招标 " + estate, method, directCompany == null ? null : "规模较小",
                directCompany, invited, 36, method == TenderMethod.DIRECT ? null : CRITERIA));
    }

    /** Project approved, announcement saved (publication in 30 s, published by the job's method at once, bids until {@code bidSeconds} later), submitted, approved, published. */
    Tender published(SpmPrincipal dev, Tender t, int bidSeconds) {
        Round p = service.submitProject(dev, t.id(), material(dev.getName(), "招标项目备案表"));
        service.decide(REGULATOR, t.id(), ReviewStep.PROJECT, p.id(), p.version(), true, null);
        t = service.get(dev, t.id());
        assertEquals(TenderStage.ANNOUNCEMENT, t.stage());
        Instant now = Instant.now();
        Instant publish = now.plusSeconds(30);
        t = service.saveAnnouncement(dev, t.id(), t.version(), new AnnouncementInput("招标公告正文", publish, publish,
                publish.plusSeconds(bidSeconds), publish.plusSeconds(bidSeconds + 60), null));
        Round a = service.submitAnnouncement(dev, t.id(), material(dev.getName(), "招标公告"));
        service.decide(REGULATOR, t.id(), ReviewStep.ANNOUNCEMENT, a.id(), a.version(), true, "同意发布");
        assertEquals(TenderStage.SCHEDULED, service.get(dev, t.id()).stage());
        assertTrue(service.publishDue(publish.plusSeconds(1)) >= 1);
        t = service.get(dev, t.id());
        assertEquals(TenderStage.BIDDING, t.stage());
        assertNotNull(t.announcement().publishedAt());
        return t;
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void openTenderFromProjectToContract_theWinnerManagesTheEstate() throws Exception {
        rules(10, 20, 15, 3, 3);
        long estate = 7001;
        SpmPrincipal dev = developer(DEV, Set.of(estate));
        Tender t = draft(dev, estate, TenderMethod.OPEN, null, null);
        assertTrue(t.number().matches("ZB-\\d{4}-\\d{6}"), t.number());
        assertEquals(TenderStage.DRAFT, t.stage());
        assertEquals("DEVELOPER", t.tendererKind());
        assertEquals("横琴置业有限公司", t.tendererName());

        // SUP-TND-2: returned with a reason, resubmitted, approved
        Round r1 = service.submitProject(dev, t.id(), material(dev.getName(), "招标项目备案表"));
        assertEquals(ReviewState.SUBMITTED, r1.status());
        assertEquals(1, r1.materials().size());
        assertEquals(400, assertThrows(ApiException.class, () -> service.decide(REGULATOR, t.id(), ReviewStep.PROJECT, r1.id(), r1.version(),
                false, " ")).status());
        service.decide(REGULATOR, t.id(), ReviewStep.PROJECT, r1.id(), r1.version(), false, "补充物业项目概况");
        assertEquals(TenderStage.DRAFT, service.get(dev, t.id()).stage());
        Round r2 = service.submitProject(dev, t.id(), material(dev.getName(), "补充材料"));
        service.decide(REGULATOR, t.id(), ReviewStep.PROJECT, r2.id(), r2.version(), true, null);
        Tender approved = service.get(dev, t.id());
        assertEquals(TenderStage.ANNOUNCEMENT, approved.stage());
        assertEquals("APPROVED", approved.projectStatus());
        assertEquals(4, service.history(dev, t.id(), ReviewStep.PROJECT).size());

        // TND-3 and TND-4 with the default rules
        Instant now = Instant.now();
        Instant publish = now.plus(Duration.ofDays(5));
        ApiException tnd3 = assertThrows(ApiException.class, () -> service.saveAnnouncement(dev, t.id(), approved.version(),
                new AnnouncementInput("公告", publish, publish, publish.plus(Duration.ofDays(10)), publish.plus(Duration.ofDays(11)), null)));
        assertEquals(400, tnd3.status());
        assertEquals("bidDeadline", tnd3.errors().get(0).field());
        Tender saved = service.saveAnnouncement(dev, t.id(), approved.version(), new AnnouncementInput("公告", publish, publish,
                publish.plus(Duration.ofDays(20)), publish.plus(Duration.ofDays(20)), null));
        ApiException tnd4 = assertThrows(ApiException.class, () -> service.submitAnnouncement(dev, t.id(), material(dev.getName(), "公告")));
        assertEquals(400, tnd4.status());
        assertEquals("publishAt", tnd4.errors().get(0).field());

        // rules at 0 (the IT's setting): published at once
        rules(0, 0, 0, 3, 3);
        Instant soon = Instant.now().plusSeconds(30);
        service.saveAnnouncement(dev, t.id(), saved.version(), new AnnouncementInput("招标公告正文", soon, soon, soon.plusSeconds(60),
                soon.plusSeconds(120), null));
        Round a = service.submitAnnouncement(dev, t.id(), material(dev.getName(), "招标公告"));
        long a1 = company("投标甲物业", true);
        long a2 = company("投标乙物业", true);
        long a3 = company("投标丙物业", true);
        long unfiled = company("未备案物业", false);
        long black = company("黑名单物业", true);
        blacklisted.add(black);
        notices.clear();
        service.decide(REGULATOR, t.id(), ReviewStep.ANNOUNCEMENT, a.id(), a.version(), true, null);
        assertTrue(experts.calls.contains("record:" + t.id()));
        assertEquals(1, service.publishDue(soon.plusSeconds(1)));
        assertTrue(notices.contains("notify:" + (1000 + a1) + ":TENDER_ANNOUNCED"), notices.toString());
        assertFalse(notices.contains("notify:" + (1000 + black) + ":TENDER_ANNOUNCED"), "no notice to a blacklisted company");
        assertFalse(notices.contains("notify:" + (1000 + unfiled) + ":TENDER_ANNOUNCED"), "no notice to an unfiled company");

        // COS-3, TND-7
        for (long c : List.of(a1, a2, a3)) {
            Bidder b = service.register(companyUser(c), t.id());
            assertEquals(c, b.companyId());
        }
        assertEquals("tender.bidder.duplicate", assertThrows(ApiException.class, () -> service.register(companyUser(a1), t.id())).code());
        ApiException notFiled = assertThrows(ApiException.class, () -> service.register(companyUser(unfiled), t.id()));
        assertEquals(409, notFiled.status());
        assertEquals("tender.bidder.notFiled", notFiled.code());
        ApiException bl = assertThrows(ApiException.class, () -> service.register(companyUser(black), t.id()));
        assertEquals("tender.bidder.blacklisted", bl.code());
        assertEquals("C", bl.args()[0]);
        assertEquals(1, service.bidders(companyUser(a2), t.id()).size(), "a company sees its own registration only");
        assertEquals(3, service.get(dev, t.id()).bidderCount());
        assertEquals(3, service.list(dev, new TenderQuery(null, estate, null), org.smartproperty.platform.PageRequest.of(0, 50)).items().stream()
                .filter(x -> x.id() == t.id()).findFirst().orElseThrow().bidderCount(), "the list counts the bidders as the detail does");
        assertEquals(3, service.bidders(dev, t.id()).size());
        assertEquals("tender.bidding.open", assertThrows(ApiException.class, () -> service.closeBidding(dev, t.id())).code());

        // closing at the deadline: 3 bidders = MIN_BIDDERS → evaluation, the bidders handed to the expert library
        assertTrue(service.closeDue(Instant.now().plusSeconds(300)) >= 1);
        assertEquals(TenderStage.EVALUATION, service.get(dev, t.id()).stage());
        assertEquals(Set.of(a1, a2, a3), experts.bidders);

        // TND-5: masked before publication
        PanelView seen = service.panel(dev, t.id());
        assertEquals("专家 1", seen.seats().get(0).name());
        assertNull(seen.seats().get(0).expertId());
        assertEquals("专家姓名2", service.panel(expert(2), t.id()).seats().get(1).name(), "the expert on the seat sees itself");
        assertEquals("专家 1", service.panel(expert(2), t.id()).seats().get(0).name());
        assertEquals("专家姓名1", service.panel(REGULATOR, t.id()).seats().get(0).name());

        // scores: 4 experts and the representative; a1 wins
        int[][] plan = {{55, 50, 40}, {50, 45, 58}, {52, 40, 41}, {58, 47, 30}};
        for (int e = 1; e <= 4; e++) {
            int[] p = plan[e - 1];
            service.score(expert(e), t.id(), new ScoreInput(null, List.of(
                    new ScoreInput.Item(a1, "PLAN", p[0]), new ScoreInput.Item(a1, "PRICE", 35),
                    new ScoreInput.Item(a2, "PLAN", p[1]), new ScoreInput.Item(a2, "PRICE", 30),
                    new ScoreInput.Item(a3, "PLAN", p[2]), new ScoreInput.Item(a3, "PRICE", 38))));
        }
        assertEquals("tender.result.unscored", assertThrows(ApiException.class, () -> service.computeResult(dev, t.id())).code());
        ApiException over = assertThrows(ApiException.class, () -> service.score(dev, t.id(), new ScoreInput(5, List.of(
                new ScoreInput.Item(a1, "PLAN", 61)))));
        assertEquals(400, over.status());
        assertEquals(403, assertThrows(ApiException.class, () -> service.score(dev, t.id(), new ScoreInput(1, List.of(
                new ScoreInput.Item(a1, "PLAN", 1))))).status(), "the tenderer scores only the representatives' seats");
        service.score(dev, t.id(), new ScoreInput(5, List.of(
                new ScoreInput.Item(a1, "PLAN", 50), new ScoreInput.Item(a1, "PRICE", 35),
                new ScoreInput.Item(a2, "PLAN", 50), new ScoreInput.Item(a2, "PRICE", 30),
                new ScoreInput.Item(a3, "PLAN", 50), new ScoreInput.Item(a3, "PRICE", 38))));
        Result result = service.computeResult(dev, t.id());
        assertEquals("TRIMMED_MEAN", result.method());
        assertEquals(a1, result.winnerCompanyId());
        assertEquals(a1, result.bidders().get(0).companyId());
        assertEquals(5, result.bidders().get(0).seatTotals().size());
        // a1 totals 90, 85, 87, 93, 85 → drop 93 and 85 → (85 + 87 + 90) / 3 = 87.33
        assertEquals("87.33", result.bidders().get(0).score().toPlainString());
        assertTrue(experts.calls.contains("published:" + t.id()));
        Tender pub = service.get(dev, t.id());
        assertEquals(TenderStage.PUBLICITY, pub.stage());
        assertNotNull(pub.awardDueAt());
        assertEquals("专家姓名1", service.panel(dev, t.id()).seats().get(0).name(), "names public after publication");
        assertEquals(1, service.publicList("result", null, org.smartproperty.platform.PageRequest.of(0, 200)).items().stream()
                .filter(p -> p.id() == t.id()).count());

        // TND-6 award filing, DEV-7 contract filing; a previous manager's open period ends the day before
        long previous = company("原物业", true);
        Company prev = companies.get(DataScope.ALL, previous);
        companies.update(previous, prev.version(), new CompanyInput(prev.name(), prev.creditCode(), prev.legalRepresentative(),
                prev.qualificationGrade(), prev.certificateNumber(), prev.contact(), prev.phone(), prev.officeAddress(),
                List.of(new ServicePeriod(estate, LocalDate.of(2020, 1, 1), null))), "regulator");
        Round aw = service.submitAward(dev, t.id(), material(dev.getName(), "中标结果备案表"));
        service.decide(REGULATOR, t.id(), ReviewStep.AWARD, aw.id(), aw.version(), true, null);
        Tender contract = service.get(dev, t.id());
        assertEquals(TenderStage.CONTRACT, contract.stage());
        assertNotNull(contract.contractDueAt());
        assertEquals(400, assertThrows(ApiException.class, () -> service.submitContract(dev, t.id(), new ContractInput("摘要",
                LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31), null, LocalDate.of(2026, 12, 20), List.of()))).status(),
                "the signed contract is required");
        LocalDate from = LocalDate.of(2027, 1, 1);
        Round cr = service.submitContract(dev, t.id(), new ContractInput("前期物业服务合同，服务期三年", from, LocalDate.of(2029, 12, 31),
                new java.math.BigDecimal("2.80"), LocalDate.of(2026, 12, 20), material(dev.getName(), "已签署合同")));
        assertEquals("前期物业服务合同，服务期三年", cr.contract().summary());
        service.decide(REGULATOR, t.id(), ReviewStep.CONTRACT, cr.id(), cr.version(), true, null);
        assertEquals(TenderStage.CONTRACTED, service.get(dev, t.id()).stage());
        assertTrue(companies.get(DataScope.ALL, a1).servicePeriods().contains(new ServicePeriod(estate, from, LocalDate.of(2029, 12, 31))));
        assertTrue(companies.get(DataScope.ALL, previous).servicePeriods().contains(new ServicePeriod(estate, LocalDate.of(2020, 1, 1),
                LocalDate.of(2026, 12, 31))), "the previous manager's period ends the day before");
    }

    @Test
    void invitationNeedsThreeInvitedAndOnlyTheInvitedBid_TND_2() throws Exception {
        rules(0, 0, 0, 3, 3);
        long estate = 7002;
        SpmPrincipal dev = developer(DEV, Set.of(estate));
        long c1 = company("邀请甲", true);
        long c2 = company("邀请乙", true);
        long c3 = company("邀请丙", true);
        long outsider = company("未邀请", true);
        ApiException few = assertThrows(ApiException.class, () -> draft(dev, estate, TenderMethod.INVITATION, List.of(c1, c2), null));
        assertEquals(400, few.status());
        assertEquals("invitedCompanyIds", few.errors().get(0).field());
        Tender t = published(dev, draft(dev, estate, TenderMethod.INVITATION, List.of(c1, c2, c3), null), 60);
        service.register(companyUser(c1), t.id());
        assertEquals(403, assertThrows(ApiException.class, () -> service.register(companyUser(outsider), t.id())).status());
    }

    @Test
    void tooFewBiddersFailThenRetenderOrDirectAppointment_TND_1_TND_2() throws Exception {
        rules(0, 0, 0, 3, 3);
        long estate = 7003;
        SpmPrincipal dev = developer(DEV, Set.of(estate));
        long only = company("唯一投标", true);
        Tender t = published(dev, draft(dev, estate, TenderMethod.OPEN, null, null), 60);
        service.register(companyUser(only), t.id());
        service.closeDue(Instant.now().plusSeconds(300));
        assertEquals(TenderStage.FAILED, service.get(dev, t.id()).stage());
        Tender again = service.retender(dev, t.id());
        assertEquals(TenderStage.DRAFT, again.stage());
        assertEquals(t.id(), again.retenderOf());
        assertEquals("tender.followedUp", assertThrows(ApiException.class, () -> service.direct(dev, t.id(), new DirectInput(only, "仅一家"))).code());

        // a second failed tender goes to a direct appointment, approved by the regulator (TND-1), then award and contract
        Tender t2 = published(dev, draft(dev, estate, TenderMethod.OPEN, null, null), 60);
        service.closeDue(Instant.now().plusSeconds(300));
        assertEquals(TenderStage.FAILED, service.get(dev, t2.id()).stage());
        assertEquals(400, assertThrows(ApiException.class, () -> service.direct(dev, t2.id(), new DirectInput(only, " "))).status());
        Tender d = service.direct(dev, t2.id(), new DirectInput(only, "投标人不足三家，申请协议选聘"));
        assertEquals(TenderMethod.DIRECT, d.method());
        assertEquals(TenderStage.PROJECT_REVIEW, d.stage());
        Round p = service.rounds(REGULATOR, d.id(), ReviewStep.PROJECT).get(0);
        service.decide(REGULATOR, d.id(), ReviewStep.PROJECT, p.id(), p.version(), true, "同意协议选聘");
        Tender award = service.get(dev, d.id());
        assertEquals(TenderStage.AWARD, award.stage());
        assertEquals(only, award.winnerCompanyId());
        assertNotNull(award.awardDueAt());
    }

    @Test
    void aLateClarificationMovesTheDeadline_TND_3() throws Exception {
        rules(0, 0, 0, 3, 3);
        long estate = 7004;
        SpmPrincipal dev = developer(DEV, Set.of(estate));
        Tender t = published(dev, draft(dev, estate, TenderMethod.OPEN, null, null), 3600);
        rules(0, 0, 15, 3, 3);
        Clarification c = service.clarify(dev, t.id(), "补充说明：物业用房面积");
        assertTrue(c.deadlineMoved());
        assertTrue(c.bidDeadline().isAfter(Instant.now().plus(Duration.ofDays(14))));
        assertEquals(c.bidDeadline(), service.get(dev, t.id()).bidDeadline());
        assertEquals(1, service.clarifications(dev, t.id()).size());
    }

    @Test
    void scopeAndRoles() throws Exception {
        rules(0, 0, 0, 3, 3);
        long estate = 7005;
        SpmPrincipal dev = developer(DEV, Set.of(estate));
        Tender t = draft(dev, estate, TenderMethod.OPEN, null, null);
        SpmPrincipal other = developer(DEV + 1, Set.of(7999L));
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(other, t.id())).status());
        assertEquals(404, assertThrows(ApiException.class, () -> draft(other, estate, TenderMethod.OPEN, null, null)).status());
        assertEquals(0, service.list(other, new TenderQuery(null, null, null), org.smartproperty.platform.PageRequest.of(0, 50)).total());
        long c = company("某物业", true);
        assertEquals("tender.notTenderer", assertThrows(ApiException.class, () -> service.create(companyUser(c),
                new TenderInput(estate, "x", TenderMethod.OPEN, null, null, null, 12, CRITERIA))).code());
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(companyUser(c), t.id())).status(), "a draft is not public");
        ApiException sum = assertThrows(ApiException.class, () -> service.create(dev, new TenderInput(estate, "x", TenderMethod.OPEN, null, null,
                null, 12, List.of(new Criterion("A", "a", 50)))));
        assertEquals("criteria", sum.errors().get(0).field());
        ApiException direct = assertThrows(ApiException.class, () -> service.create(dev, new TenderInput(estate, "x", TenderMethod.DIRECT, null,
                null, null, 12, null)));
        assertEquals(2, direct.errors().size(), "TND-1: grounds and company");
        SpmPrincipal committee = new SpmPrincipal(77, "committee", Set.of(Role.COMMITTEE), Set.of("tender:read", "tender:apply"),
                DataScope.committee(estate), false, "127.0.0.1");
        Tender byCommittee = draft(committee, estate, TenderMethod.OPEN, null, null);
        assertEquals("COMMITTEE", byCommittee.tendererKind());
        assertEquals(estate, byCommittee.tendererId());
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(dev, byCommittee.id())).status(),
                "the developer does not see the committee's tender");
    }

    @Test
    void rulesAreDataAndZeroIsAllowed() {
        TenderRule r = service.rules().stream().filter(x -> x.code().equals(TenderRule.MIN_BIDDERS)).findFirst().orElseThrow();
        assertEquals(400, assertThrows(ApiException.class, () -> service.updateRule(REGULATOR, r.code(), r.version(),
                new RuleInput(-1, null, null))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> service.updateRule(REGULATOR, r.code(), r.version(),
                new RuleInput(1, "CALENDAR_DAYS", null))).status());
        TenderRule zero = service.updateRule(REGULATOR, r.code(), r.version(), new RuleInput(0, null, null));
        assertEquals(0, zero.amount());
        assertEquals(412, assertThrows(ApiException.class, () -> service.updateRule(REGULATOR, r.code(), r.version(),
                new RuleInput(3, null, null))).status());
        service.updateRule(REGULATOR, r.code(), zero.version(), new RuleInput(3, null, null));
    }

    @Test
    void theContributionsParse() {
        Contribution c = Contribution.load("org.smartproperty.tender.impl", TenderServiceImpl.class, "/META-INF/spm/tender.contributions.properties");
        assertTrue(c.grants().contains(new Contribution.Grant("COMPANY", "tender:bid")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "tender:rules")), c.grants().toString());
        assertEquals(List.of("TENDER_ANNOUNCED", "TENDER_CLARIFIED", "TENDER_RESULT"),
                c.messageKinds().stream().map(Contribution.MessageKindDef::name).toList());
        assertFalse(service.configure("MEDIAN", 3, 60));
        assertFalse(service.configure("MEAN", 2, 60));
        assertTrue(service.configure("TRIMMED_MEAN", 3, 60));
    }
}
