package org.smartproperty.publishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.publishing.Notice;
import org.smartproperty.publishing.NoticeInput;
import org.smartproperty.publishing.NoticeQuery;
import org.smartproperty.publishing.NoticeStatus;
import org.smartproperty.publishing.Policy;
import org.smartproperty.publishing.PolicyInput;
import org.smartproperty.publishing.PolicyLevel;
import org.smartproperty.publishing.PolicyQuery;
import org.smartproperty.publishing.PolicyStatus;
import org.smartproperty.publishing.PublicNotice;
import org.smartproperty.publishing.PublisherKind;
import org.smartproperty.publishing.ScheduleRun;

/**
 * Publishing (PUB-1, PUB-2, COS-9, MAP-7) on a real database with the real file store and audit trail; the estate registry,
 * the account directory, notifications and the SMS outbox are stand-ins that record what they are asked. Estates 1..99 belong to
 * company 7, 100.. to company 8; estate e has the owners 10e+1 and 10e+2 (accounts 5000 + owner id, with a phone).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublishingServiceContract {

    abstract TestDatabase db();

    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR),
            Set.of("publishing:read", "publishing:manage", "publishing:review"), DataScope.ALL, false, "127.0.0.1");
    static final SpmPrincipal COMPANY7 = new SpmPrincipal(1007, "company-7", Set.of(Role.COMPANY), Set.of("publishing:read", "publishing:notice"),
            DataScope.company(7), false, "127.0.0.1");
    static final SpmPrincipal COMPANY8 = new SpmPrincipal(1008, "company-8", Set.of(Role.COMPANY), Set.of("publishing:read", "publishing:notice"),
            DataScope.company(8), false, "127.0.0.1");
    static final SpmPrincipal COMMITTEE1 = new SpmPrincipal(2001, "committee-1", Set.of(Role.COMMITTEE), Set.of("publishing:read", "publishing:notice"),
            DataScope.committee(1), false, "127.0.0.1");

    PublishingServiceImpl service;
    EntityManagerFactory unit;
    final List<String> notified = new CopyOnWriteArrayList<>();
    final List<String> texted = new CopyOnWriteArrayList<>();
    final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/files.changelog.xml", "db/publishing.changelog.xml")) {
            db().migrate(c);
        }
        AuditTrail audit = AuditTrailImpl.standalone(db().dataSource());
        FileStoreImpl files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-files"));
        unit = JpaUnits.create(PublishingServiceImpl.UNIT, db().dataSource(), Thread.currentThread().getContextClassLoader());
        AccountDirectory directory = proxy(AccountDirectory.class, (m, a) -> switch (m) {
            case "accountsOf" -> {
                DataScope s = (DataScope) a[0];
                yield switch (s.kind()) {
                    case OWNER -> List.of(new AccountDirectory.Contact(5000 + s.ownerId(), "owner-" + s.ownerId(), "业主", "1381234" + (5000 + s.ownerId())));
                    case COMPANY -> List.of(new AccountDirectory.Contact(1000 + s.companyId(), "company-" + s.companyId(), "企业", null));
                    case COMMITTEE -> List.of(new AccountDirectory.Contact(2000 + s.estateIds().iterator().next(), "committee", "业委会", null));
                    default -> List.of();
                };
            }
            case "accountsWithRole" -> List.of(new AccountDirectory.Contact(9001, "owner-a", "业主甲", "13800009001"),
                    new AccountDirectory.Contact(9002, "owner-b", "业主乙", "13800009002"));
            case "contact", "identity" -> Optional.empty();
            default -> throw new UnsupportedOperationException(m);
        });
        EstateService estates = proxy(EstateService.class, (m, a) -> switch (m) {
            case "get" -> {
                DataScope s = (DataScope) a[0];
                long id = (Long) a[1];
                long company = id < 100 ? 7 : 8;
                if (s.kind() == DataScope.Kind.COMPANY && s.companyId() != company || id > 1000) {
                    throw ApiException.notFound("objects.estate", id);
                }
                yield new Estate(id, "P" + id, "横琴花园" + id, "横琴新区", "横琴", "440404", null, null, "横琴置业有限公司", company,
                        "珠海物业" + company + "有限公司", null, null, EstateStatus.ACTIVE, 1, 10, 1, Instant.now(), Instant.now());
            }
            case "ownerIdsOfEstate" -> List.of((Long) a[0] * 10 + 1, (Long) a[0] * 10 + 2);
            default -> throw new UnsupportedOperationException(m);
        });
        Notifications notifications = proxy(Notifications.class, (m, a) -> {
            notified.add(a[1] + ":" + a[2] + ":" + a[4]);
            return 1L;
        });
        SmsOutbox sms = proxy(SmsOutbox.class, (m, a) -> {
            SmsRequest r = (SmsRequest) a[1];
            texted.add(r.phone() + ":" + r.kind() + ":" + r.reference());
            return "out";
        });
        service = new PublishingServiceImpl(unit, audit, files, directory, estates, notifications, sms, Clock.fixed(t0, ZoneOffset.UTC));
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
        if (unit != null) {
            unit.close();
        }
    }

    static PageRequest page() {
        return PageRequest.of(0, 50);
    }

    Policy policy(PolicyLevel level, String issuer, String number, String title, String summary, boolean publish) {
        Policy p = service.createPolicy(REGULATOR, new PolicyInput(level, issuer, number, title, summary, null, LocalDate.of(2003, 9, 1), null, null));
        return publish ? service.publishPolicy(REGULATOR, p.id(), p.version()) : p;
    }

    // ------------------------------------------------------------------ PUB-1 policies and the Chinese search

    @Test
    void aPublishedPolicyIsFoundByChineseBigramsAndLatinWords_PUB_1() {
        Policy state = policy(PolicyLevel.NATIONAL, "国务院", "国务院令第379号", "物业管理条例（检索测试）", "规范物业管理活动，维护业主和物业服务企业的合法权益。", true);
        Policy zhuhai = policy(PolicyLevel.CITY, "珠海市人民代表大会常务委员会", null, "珠海经济特区物业管理条例（检索测试）", "珠海经济特区物业管理的地方性法规。", true);
        Policy draft = policy(PolicyLevel.PROVINCIAL, "广东省人民代表大会常务委员会", null, "广东省物业管理条例（检索测试草稿）", "草稿。", false);
        assertEquals(PolicyStatus.PUBLISHED, state.status());
        assertNotNull(state.publishedAt());

        List<Long> found = ids(service.publicPolicies(new PolicyQuery("物业管理 检索测试", null, null), page()));
        assertTrue(found.containsAll(List.of(state.id(), zhuhai.id())), found.toString());
        assertFalse(found.contains(draft.id()), "a draft is not public");
        assertTrue(service.publicPolicies(new PolicyQuery(null, null, null), page()).items().stream().allMatch(x -> x.createdBy() == null),
                "no account name in public");
        assertEquals(List.of(zhuhai.id()), ids(service.publicPolicies(new PolicyQuery("珠海 检索测试", null, null), page())), "AND of the terms");
        assertEquals(List.of(state.id()), ids(service.publicPolicies(new PolicyQuery("379", null, null), page())), "a number is a word");
        assertEquals(List.of(state.id()), ids(service.publicPolicies(new PolicyQuery("检索测试", PolicyLevel.NATIONAL, null), page())));
        assertTrue(ids(service.publicPolicies(new PolicyQuery("珠", null, null), page())).contains(zhuhai.id()), "a lone character");
        assertTrue(ids(service.publicPolicies(new PolicyQuery("不存在的词语", null, null), page())).isEmpty());
        assertTrue(ids(service.publicPolicies(new PolicyQuery("，。", null, null), page())).isEmpty());
        // the console sees the draft; the title ranks a policy above one naming the words only in its summary
        assertTrue(ids(service.policies(REGULATOR, new PolicyQuery("检索测试草稿", null, PolicyStatus.DRAFT), page())).contains(draft.id()));
        Policy summaryOnly = policy(PolicyLevel.ZONE, "合作区执委会", null, "合作区其他规定（检索测试）", "参照珠海经济特区的做法。", true);
        assertEquals(List.of(zhuhai.id(), summaryOnly.id()), ids(service.publicPolicies(new PolicyQuery("珠海 检索测试", null, null), page())));
        // an update re-indexes in the same transaction
        Policy changed = service.updatePolicy(REGULATOR, summaryOnly.id(), summaryOnly.version(), new PolicyInput(PolicyLevel.ZONE, "合作区执委会",
                null, "合作区其他规定（检索测试）", "与前文无关。", null, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), null));
        assertEquals(List.of(zhuhai.id()), ids(service.publicPolicies(new PolicyQuery("珠海 检索测试", null, null), page())));
        assertTrue(changed.repealed(), "repealed once the repeal date is reached");
        // withdrawn: not public any more, 404 in the detail
        Policy w = service.withdrawPolicy(REGULATOR, zhuhai.id(), zhuhai.version());
        assertEquals(PolicyStatus.WITHDRAWN, w.status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.publicPolicy(zhuhai.id())).status());
        assertEquals("国务院令第379号", service.publicPolicy(state.id()).docNumber());
        assertEquals(412, assertThrows(ApiException.class, () -> service.publishPolicy(REGULATOR, zhuhai.id(), zhuhai.version())).status());
        assertEquals(409, assertThrows(ApiException.class, () -> service.withdrawPolicy(REGULATOR, w.id(), w.version())).status());
    }

    @Test
    void aPolicyNeedsItsFieldsAndDatesInOrder_PUB_1() {
        ApiException e = assertThrows(ApiException.class, () -> service.createPolicy(REGULATOR, new PolicyInput(null, " ", null, "", null, null,
                LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1), null)));
        assertEquals(400, e.status());
        assertEquals(Set.of("level", "issuer", "title", "repealDate"), Set.copyOf(e.errors().stream().map(x -> x.field()).toList()));
    }

    @Test
    void bigramsOfChineseRunsAndLowerCasedWords() {
        assertEquals(List.of("物业", "业管", "管理", "civil", "code", "第", "379", "号"), List.copyOf(Terms.of("物业管理 Civil CODE，第379号")));
    }

    static List<Long> ids(Page<Policy> p) {
        return p.items().stream().map(Policy::id).toList();
    }

    // ------------------------------------------------------------------ PUB-2 / MAP-7 notices: schedule, publish, expire

    NoticeInput notice(String category, String title, List<Long> estates, boolean urgent, Instant publishAt, Instant expireAt) {
        boolean window = category.endsWith("_CUT");
        return new NoticeInput(category, title, "正文：" + title, estates, urgent, window ? t0.plus(Duration.ofDays(1)) : null,
                window ? t0.plus(Duration.ofDays(1)).plus(Duration.ofHours(6)) : null, publishAt, expireAt, null);
    }

    @Test
    void aScheduledNoticeIsPublishedByTheJobAndExpires_PUB_2_MAP_7() {
        Notice n = service.createNotice(REGULATOR, notice("WATER_CUT", "横琴花园3停水通知", List.of(3L), true, t0.plus(Duration.ofHours(1)),
                t0.plus(Duration.ofDays(2))));
        assertEquals(NoticeStatus.DRAFT, n.status());
        assertEquals(PublisherKind.REGULATOR, n.publisherKind());
        n = service.submitNotice(REGULATOR, n.id(), n.version());
        assertEquals(NoticeStatus.SCHEDULED, n.status());
        long id = n.id();
        assertTrue(publicIds(3L).stream().noneMatch(x -> x == id), "not public before publishAt");

        service.runSchedule(t0.plus(Duration.ofMinutes(30)));
        assertEquals(NoticeStatus.SCHEDULED, service.notice(REGULATOR, id).status());
        ScheduleRun run = service.runSchedule(t0.plus(Duration.ofHours(1)));
        assertTrue(run.published() >= 1);
        Notice published = service.notice(REGULATOR, id);
        assertEquals(NoticeStatus.PUBLISHED, published.status());
        assertEquals(t0.plus(Duration.ofHours(1)), published.publishedAt());
        // in-app to the estate's two owner accounts, SMS (urgent) to their phones, each once
        assertEquals(2, notified.stream().filter(x -> x.endsWith(":/notices/" + id)).count(), notified.toString());
        assertEquals(2, texted.stream().filter(x -> x.endsWith(":notice-" + id)).count(), texted.toString());
        service.runSchedule(t0.plus(Duration.ofHours(2)));
        assertEquals(2, notified.stream().filter(x -> x.endsWith(":/notices/" + id)).count(), "never twice");

        // public: for estate 3 with its window, not for estate 4; the detail has the body
        assertTrue(publicIds(3L).contains(id));
        assertFalse(publicIds(4L).contains(id));
        PublicNotice p = service.publicNotice(id, Locale.ENGLISH);
        assertEquals("Water cut", p.categoryLabel());
        assertEquals(t0.plus(Duration.ofDays(1)), p.windowStart());
        assertEquals("正文：横琴花园3停水通知", p.body());

        service.runSchedule(t0.plus(Duration.ofDays(2)));
        assertEquals(NoticeStatus.EXPIRED, service.notice(REGULATOR, id).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.publicNotice(id, Locale.CHINA)).status());
    }

    List<Long> publicIds(Long estate) {
        return service.publicNotices(estate, null, Locale.CHINA, page()).items().stream().map(PublicNotice::id).toList();
    }

    @Test
    void aZoneWideUrgentNoticeGoesInAppToOwnersWithoutSms_PUB_2() {
        Notice n = service.createNotice(REGULATOR, notice("SAFETY", "台风安全提示", List.of(), true, null, null));
        n = service.submitNotice(REGULATOR, n.id(), n.version());
        assertEquals(NoticeStatus.PUBLISHED, n.status());
        long id = n.id();
        assertEquals(2, notified.stream().filter(x -> x.endsWith(":/notices/" + id)).count());
        assertEquals(0, texted.stream().filter(x -> x.endsWith(":notice-" + id)).count(), "zone-wide: no SMS");
        assertTrue(publicIds(55L).contains(id), "zone-wide notices show in every estate");
    }

    // ------------------------------------------------------------------ COS-9 review of an estate notice, scopes

    @Test
    void aCompanysRulesNoticeIsReturnedResubmittedAndApproved_COS_9() {
        Notice n = service.createNotice(COMPANY7, notice("RULES", "横琴花园1装修管理规定", List.of(1L), false, null, null));
        assertEquals(PublisherKind.COMPANY, n.publisherKind());
        assertEquals("珠海物业7有限公司", n.publisherName());
        assertTrue(n.reviewRequired());
        n = service.submitNotice(COMPANY7, n.id(), n.version());
        assertEquals(NoticeStatus.SUBMITTED, n.status());
        long id = n.id();
        assertTrue(service.notices(REGULATOR, new NoticeQuery(NoticeStatus.SUBMITTED, null, null, null), page()).items().stream()
                .anyMatch(x -> x.id() == id));
        Notice submitted = n;
        assertEquals(400, assertThrows(ApiException.class, () -> service.returnNotice(REGULATOR, id, submitted.version(), " ")).status());
        n = service.returnNotice(REGULATOR, id, n.version(), "请补充施工时间");
        assertEquals(NoticeStatus.RETURNED, n.status());
        assertEquals("请补充施工时间", n.reason());
        assertTrue(notified.contains("1007:NOTICE_RETURNED:/publishing/notices/" + id), notified.toString());
        n = service.updateNotice(COMPANY7, id, n.version(), new NoticeInput("RULES", "横琴花园1装修管理规定", "施工时间为每日8:00-18:00。", List.of(1L),
                false, null, null, null, null, null));
        n = service.submitNotice(COMPANY7, id, n.version());
        assertEquals(NoticeStatus.SUBMITTED, n.status());
        n = service.approveNotice(REGULATOR, id, n.version(), null);
        assertEquals(NoticeStatus.PUBLISHED, n.status());
        assertEquals(List.of(ReviewAction.SUBMIT, ReviewAction.RETURN, ReviewAction.RESUBMIT, ReviewAction.APPROVE),
                service.noticeHistory(COMPANY7, id).stream().map(ReviewEvent::action).toList());
        assertEquals(2, notified.stream().filter(x -> x.endsWith(":/notices/" + id)).count());
    }

    @Test
    void aCompanyOrCommitteeActsOnlyForItsOwnEstates_COS_9() {
        // another company's estate: 404, nothing written
        assertEquals(404, assertThrows(ApiException.class,
                () -> service.createNotice(COMPANY7, notice("GENERAL", "越权通知", List.of(150L), false, null, null))).status());
        assertEquals(404, assertThrows(ApiException.class,
                () -> service.createNotice(COMMITTEE1, notice("GENERAL", "越权通知", List.of(2L), false, null, null))).status());
        ApiException two = assertThrows(ApiException.class,
                () -> service.createNotice(COMPANY7, notice("GENERAL", "两个小区", List.of(1L, 2L), false, null, null)));
        assertEquals("estateIds", two.errors().get(0).field());
        Notice mine = service.createNotice(COMPANY7, notice("GENERAL", "停车场清洁", List.of(2L), false, null, null));
        assertFalse(mine.reviewRequired());
        assertEquals(404, assertThrows(ApiException.class, () -> service.notice(COMPANY8, mine.id())).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.submitNotice(COMPANY8, mine.id(), mine.version())).status());
        assertTrue(service.notices(COMPANY8, null, page()).items().stream().noneMatch(x -> x.id() == mine.id()));
        Notice c = service.createNotice(COMMITTEE1, notice("GENERAL", "业主大会筹备通知", List.of(1L), false, null, null));
        assertEquals("横琴花园1业主委员会", c.publisherName());
        assertEquals(NoticeStatus.PUBLISHED, service.submitNotice(COMMITTEE1, c.id(), c.version()).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.notice(COMPANY7, c.id())).status());
        // the regulator may take any notice down
        Notice mine2 = service.notice(COMPANY7, mine.id());
        assertEquals(NoticeStatus.WITHDRAWN, service.withdrawNotice(REGULATOR, mine2.id(), mine2.version()).status());
    }

    @Test
    void aCutNeedsItsWindowAndTheCategoryMustExist_MAP_7() {
        ApiException e = assertThrows(ApiException.class, () -> service.createNotice(COMPANY7, new NoticeInput("POWER_CUT", "停电", "正文",
                List.of(1L), false, null, null, null, null, null)));
        assertEquals(400, e.status());
        assertEquals("windowStart", e.errors().get(0).field());
        assertEquals("notice.windowRequired", e.errors().get(0).code());
        e = assertThrows(ApiException.class, () -> service.createNotice(REGULATOR, new NoticeInput("NOPE", "标题", "正文", List.of(), false, null,
                null, null, null, null)));
        assertEquals("notice.categoryUnknown", e.errors().get(0).code());
        e = assertThrows(ApiException.class, () -> service.createNotice(REGULATOR, new NoticeInput("GENERAL", "标题", "正文", List.of(), false,
                t0.plusSeconds(60), t0, t0.plusSeconds(60), t0, null)));
        assertEquals(Set.of("windowEnd", "expireAt"), Set.copyOf(e.errors().stream().map(x -> x.field()).toList()));
        assertEquals(List.of("GENERAL", "RULES", "WATER_CUT", "POWER_CUT", "FEES", "SAFETY"),
                service.categories(Locale.CHINA).stream().map(x -> x.code()).toList());
    }

    @Test
    void theContributionsParseAndGrantTheRoles() {
        Contribution c = Contribution.load("org.smartproperty.publishing.impl", PublishingServiceImpl.class, "/META-INF/spm/publishing.contributions.properties");
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "publishing:manage")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("COMPANY", "publishing:notice")), c.grants().toString());
        assertEquals(Set.of("NOTICE_PUBLISHED", "NOTICE_URGENT", "NOTICE_RETURNED"),
                Set.copyOf(c.messageKinds().stream().map(Contribution.MessageKindDef::name).toList()));
        assertEquals(Set.of("policy", "notice"), Set.copyOf(c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList()));
    }
}
