package org.smartproperty.inspection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManagerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.deadline.internal.ContributedTimeLimits;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.inspection.CheckItem;
import org.smartproperty.inspection.CheckItemInput;
import org.smartproperty.inspection.Draw;
import org.smartproperty.inspection.DrawMode;
import org.smartproperty.inspection.DrawRule;
import org.smartproperty.inspection.InspectObject;
import org.smartproperty.inspection.InspectObjectInput;
import org.smartproperty.inspection.InspectionService;
import org.smartproperty.inspection.Inspector;
import org.smartproperty.inspection.InspectorInput;
import org.smartproperty.inspection.LibraryQuery;
import org.smartproperty.inspection.Outcome;
import org.smartproperty.inspection.PublicInspection;
import org.smartproperty.inspection.Result;
import org.smartproperty.inspection.ResultInput;
import org.smartproperty.inspection.RiskLevel;
import org.smartproperty.inspection.Target;
import org.smartproperty.inspection.Task;
import org.smartproperty.inspection.TaskInput;
import org.smartproperty.inspection.TaskStatus;
import org.smartproperty.inspection.Tie;
import org.smartproperty.inspection.TieKind;
import org.smartproperty.inspection.UnitKind;
import org.smartproperty.notification.MessageKinds;
import org.smartproperty.notification.internal.NotificationsImpl;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.security.internal.SecurityServiceImpl;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The double-random spot checks (SUP-DR-1..4, DIS-5, DR-1..3) on a real database with the real deadline, notification,
 * security (audit, accounts) and file store implementations over one schema; the credit domain's {@link CreditSignals}
 * (the edge of this domain) records what it is handed. Run on PostgreSQL and on H2 by the subclasses.
 *
 * <p>The library of the class: six companies C1..C6 (C1, C2 HIGH), six estates; eight inspectors of whom three have a
 * conflict with C1 (employer, related, former employer one year before the draw) and one an old former employer tie
 * with C1 (five years). Tests that add library rows add them inactive, so every draw sees the same candidates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InspectionServiceContract {

    static {
        MessageKinds.register(Contribution.load("org.smartproperty.inspection.impl", InspectionServiceContract.class,
                "/META-INF/spm/inspection.contributions.properties"));
    }

    abstract TestDatabase db();

    /** Tuesday 2026-12-01 10:00 in Zhuhai. */
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    static final LocalDate DRAW_DATE = LocalDate.of(2026, 12, 1);
    static final long C1 = 9001;

    static final SpmPrincipal PLANNER = new SpmPrincipal(1, "reg-plan", Set.of(Role.REGULATOR),
            Set.of("inspection:read", "inspection:plan", "inspection:record"), DataScope.ALL, false, "127.0.0.1");

    final MutableClock clock = new MutableClock(START);
    final List<CreditSignal> signals = new CopyOnWriteArrayList<>();
    final CreditSignals credit = (con, signal) -> {
        assertNotNull(con, "emitted on the service's connection");
        signals.add(signal);
    };
    InspectionServiceImpl service;
    SecurityServiceImpl security;
    NotificationsImpl notifications;
    EntityManagerFactory unit;
    AuditTrail audit;
    List<Long> companyItems = new ArrayList<>();
    long estateItem;
    long c1Object;
    long c2Object;
    List<Long> inspectorIds = new ArrayList<>();
    SpmPrincipal inspectorFive;
    SpmPrincipal inspectorOne;

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/files.changelog.xml", "db/notification.changelog.xml", "db/deadline.changelog.xml",
                "db/inspection.changelog.xml")) {
            db().migrate(c);
        }
        ContributedTimeLimits.seed(db().dataSource(), Contribution.load("org.smartproperty.inspection.impl", InspectionServiceContract.class,
                "/META-INF/spm/inspection.contributions.properties"), Instant.now());
        audit = AuditTrailImpl.standalone(db().dataSource());
        FileStoreImpl files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-ins-files"));
        security = SecurityServiceImpl.standalone(db().dataSource());
        notifications = new NotificationsImpl(db().dataSource(), clock);
        unit = JpaUnits.create(InspectionServiceImpl.UNIT, db().dataSource(), Thread.currentThread().getContextClassLoader());
        service = new InspectionServiceImpl(unit, audit, files, security, DeadlineEngine.standalone(db().dataSource(), audit, clock),
                notifications, credit, clock);

        security.ensureAccount("insp-five", "检查员五", Role.INSPECTOR, "Inspect@2026ok", null, DataScope.ALL);
        security.ensureAccount("insp-one", "检查员一", Role.INSPECTOR, "Inspect@2026ok", null, DataScope.ALL);
        inspectorFive = inspector("insp-five");
        inspectorOne = inspector("insp-one");

        companyItems.add(service.createItem(PLANNER, new CheckItemInput("WY-01", "物业服务企业信息公示", "《物业管理条例》第三十二条", "查阅公示栏",
                Target.COMPANY, null)).id());
        companyItems.add(service.createItem(PLANNER, new CheckItemInput("WY-02", "物业服务合同备案", "《物业管理条例》第三十四条", "查阅合同",
                Target.COMPANY, null)).id());
        estateItem = service.createItem(PLANNER, new CheckItemInput("WY-11", "共用设施设备维护", "《物业管理条例》第五十五条", "现场查看",
                Target.ESTATE, null)).id();
        RiskLevel[] levels = {RiskLevel.HIGH, RiskLevel.HIGH, RiskLevel.ELEVATED, RiskLevel.NORMAL, RiskLevel.NORMAL, RiskLevel.LOW};
        for (int i = 0; i < 6; i++) {
            long company = C1 + i;
            InspectObject o = service.createObject(PLANNER, new InspectObjectInput(Target.COMPANY, company, "物业公司" + (i + 1), null, levels[i], null));
            if (i == 0) {
                c1Object = o.id();
            } else if (i == 1) {
                c2Object = o.id();
            }
            service.createObject(PLANNER, new InspectObjectInput(Target.ESTATE, 5001L + i, "小区" + (i + 1), company, levels[5 - i], null));
        }
        List<List<Tie>> ties = List.of(
                List.of(new Tie(C1, TieKind.EMPLOYER, LocalDate.of(2019, 3, 1), null)),
                List.of(new Tie(C1, TieKind.RELATED, null, null)),
                List.of(new Tie(C1, TieKind.FORMER_EMPLOYER, LocalDate.of(2015, 1, 1), DRAW_DATE.minusYears(1))),
                List.of(new Tie(C1, TieKind.FORMER_EMPLOYER, LocalDate.of(2010, 1, 1), DRAW_DATE.minusYears(5))),
                List.of(), List.of(), List.of(), List.of());
        for (int i = 0; i < 8; i++) {
            String account = i == 0 ? "insp-one" : i == 4 ? "insp-five" : null;
            inspectorIds.add(service.createInspector(PLANNER, new InspectorInput("检查员" + (i + 1), i < 5 ? "珠海市横琴新区住建局" : "珠海市物业管理协会",
                    i < 5 ? UnitKind.BUREAU : UnitKind.AUTHORISED, account, ties.get(i), null)).id());
        }
    }

    @AfterAll
    void tearDown() {
        if (unit != null) {
            unit.close();
        }
    }

    SpmPrincipal inspector(String username) {
        long id = security.accountsWithRole(Role.INSPECTOR).stream().filter(c -> c.username().equals(username)).findFirst().orElseThrow().accountId();
        return new SpmPrincipal(id, username, Set.of(Role.INSPECTOR), Set.of("inspection:read", "inspection:record"), DataScope.ALL, false, "127.0.0.1");
    }

    TaskInput companyTask(String name, int perObject, Map<RiskLevel, BigDecimal> perLevel) {
        return new TaskInput(name, "珠海市横琴新区住房和建设局", Target.COMPANY, companyItems, DRAW_DATE, DRAW_DATE.plusDays(1), DRAW_DATE.plusDays(20),
                new DrawRule(DrawMode.COUNT, perLevel), perObject);
    }

    Task drawn(Task t) {
        return service.draw(PLANNER, t.id(), t.version(), "抽取");
    }

    static Set<Long> inspectorsOf(Draw d, long objectId) {
        return d.objects().stream().filter(o -> o.objectId() == objectId).findFirst().orElseThrow().inspectors().stream()
                .map(Draw.DrawnInspector::id).collect(java.util.stream.Collectors.toSet());
    }

    // ---------------------------------------------------------------- libraries (DR-1, SUP-DR-2, SUP-DR-3)

    @Test
    void checkItemsAreValidatedWithAllFieldErrors_SUP_DR_2() {
        ApiException e = assertThrows(ApiException.class, () -> service.createItem(PLANNER, new CheckItemInput("a b", " ", null, null, null, false)));
        assertEquals(400, e.status());
        assertEquals(Set.of("code", "name", "legalBasis", "target"), e.errors().stream().map(f -> f.field()).collect(java.util.stream.Collectors.toSet()));
        assertEquals("code.format", e.errors().stream().filter(f -> f.field().equals("code")).findFirst().orElseThrow().code());
        ApiException taken = assertThrows(ApiException.class, () -> service.createItem(PLANNER,
                new CheckItemInput("WY-01", "重复", "《物业管理条例》", null, Target.COMPANY, false)));
        assertEquals(409, taken.status());
        assertEquals("code.duplicate", taken.code());
    }

    @Test
    void librariesAreListedAndUpdatedWithIfMatch_DR_1() {
        CheckItem made = service.createItem(PLANNER, new CheckItemInput("WY-90", "停用事项", "《物业管理条例》第四十条", null, Target.ESTATE, false));
        CheckItem changed = service.updateItem(PLANNER, made.id(), made.version(), new CheckItemInput("WY-90", "停用事项（修订）",
                "《物业管理条例》第四十条", "现场", Target.ESTATE, false));
        assertEquals("停用事项（修订）", changed.name());
        assertNotEquals(made.version(), changed.version());
        ApiException stale = assertThrows(ApiException.class, () -> service.updateItem(PLANNER, made.id(), made.version(),
                new CheckItemInput("WY-90", "x", "y", null, Target.ESTATE, false)));
        assertEquals(412, stale.status());
        Page<CheckItem> page = service.items(PLANNER, new LibraryQuery("wy-9", null, false), PageRequest.parse(null, null, "code", InspectionService.ITEM_SORT));
        assertEquals(List.of("WY-90"), page.items().stream().map(CheckItem::code).toList());

        Inspector i = service.createInspector(PLANNER, new InspectorInput("停用检查员", "横琴住建局", UnitKind.BUREAU, null,
                List.of(new Tie(C1, TieKind.FORMER_EMPLOYER, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1))), false));
        assertEquals(1, i.ties().size());
        Inspector j = service.updateInspector(PLANNER, i.id(), i.version(), new InspectorInput("停用检查员", "横琴住建局", UnitKind.BUREAU, null, null, false));
        assertEquals(List.of(), j.ties());
        ApiException ties = assertThrows(ApiException.class, () -> service.createInspector(PLANNER, new InspectorInput("x", "y", UnitKind.BUREAU,
                "insp-five", List.of(new Tie(null, null, LocalDate.of(2022, 1, 1), LocalDate.of(2021, 1, 1))), false)));
        assertEquals(Set.of("ties[0].companyId", "ties[0].kind", "ties[0].until"),
                ties.errors().stream().map(f -> f.field()).collect(java.util.stream.Collectors.toSet()));
        ApiException account = assertThrows(ApiException.class, () -> service.createInspector(PLANNER,
                new InspectorInput("x", "y", UnitKind.BUREAU, "insp-five", null, false)));
        assertEquals("account.duplicate", account.code());

        ApiException mismatch = assertThrows(ApiException.class, () -> service.createObject(PLANNER,
                new InspectObjectInput(Target.COMPANY, 9999L, "某公司", 1L, RiskLevel.LOW, false)));
        assertEquals("object.companyMismatch", mismatch.errors().get(0).code());
        ApiException dup = assertThrows(ApiException.class, () -> service.createObject(PLANNER,
                new InspectObjectInput(Target.COMPANY, C1, "重复", null, RiskLevel.LOW, false)));
        assertEquals(409, dup.status());
        assertTrue(service.objects(PLANNER, new LibraryQuery(null, Target.ESTATE, true), PageRequest.of(0, 50)).total() >= 6);
    }

    // ---------------------------------------------------------------- tasks (SUP-DR-1)

    @Test
    void aTaskRecordsItsSeedAtCreationAndRefusesWeakerRules_SUP_DR_1() {
        Task t = service.createTask(PLANNER, companyTask("季度抽查", 2, Map.of(RiskLevel.HIGH, BigDecimal.ONE)));
        assertEquals(TaskStatus.PLANNED, t.status());
        assertTrue(t.number().matches("JC-2026-\\d{6}"), t.number());
        assertTrue(t.seed().matches("[0-9a-f]{32}"), t.seed());
        assertNull(t.drawnAt());
        assertEquals(t.seed(), service.task(PLANNER, t.id()).seed());

        ApiException e = assertThrows(ApiException.class, () -> service.createTask(PLANNER, new TaskInput("x", "y", Target.COMPANY,
                List.of(estateItem), DRAW_DATE, DRAW_DATE.minusDays(1), DRAW_DATE.minusDays(2),
                new DrawRule(DrawMode.RATIO, Map.of(RiskLevel.HIGH, new BigDecimal("1.5"))), 1)));
        assertEquals(400, e.status());
        Set<String> fields = e.errors().stream().map(f -> f.field() + ":" + f.code()).collect(java.util.stream.Collectors.toSet());
        assertTrue(fields.contains("startDate:startDate.beforeDraw"), fields.toString());
        assertTrue(fields.contains("endDate:endDate.beforeStart"), fields.toString());
        assertTrue(fields.contains("rule.perLevel.HIGH:rule.ratio"), fields.toString());
        assertTrue(fields.contains("inspectorsPerObject:inspectors.tooFew"), fields.toString());
        ApiException target = assertThrows(ApiException.class, () -> service.createTask(PLANNER, new TaskInput("x", "y", Target.COMPANY,
                List.of(estateItem), DRAW_DATE, DRAW_DATE, DRAW_DATE, new DrawRule(DrawMode.COUNT, Map.of(RiskLevel.HIGH, BigDecimal.ONE)), 2)));
        assertEquals("item.wrongTarget", target.errors().get(0).code());
        assertFalse(service.configure(1, 3), "DR-2: fewer than two inspectors is refused");
        assertTrue(service.configure(3, 3));
        try {
            assertThrows(ApiException.class, () -> service.createTask(PLANNER, companyTask("x", 2, Map.of(RiskLevel.HIGH, BigDecimal.ONE))));
        } finally {
            assertTrue(service.configure(2, 3));
        }
    }

    // ---------------------------------------------------------------- draw (DR-2)

    @Test
    void aDrawIsFrozenAndReplaysIdentically_DR_2() {
        Task t = drawn(service.createTask(PLANNER, companyTask("抽取重放", 2, Map.of(RiskLevel.HIGH, BigDecimal.ONE, RiskLevel.NORMAL, BigDecimal.ONE))));
        assertEquals(TaskStatus.DRAWN, t.status());
        assertNotNull(t.drawnAt());
        Draw d = service.drawList(PLANNER, t.id());
        assertEquals(t.seed(), d.seed());
        assertEquals(Draw.ALGORITHM, d.algorithm());
        assertEquals(2, d.objects().size());
        assertEquals(RiskLevel.HIGH, d.objects().get(0).riskLevel());
        assertEquals(RiskLevel.NORMAL, d.objects().get(1).riskLevel());
        d.objects().forEach(o -> assertEquals(2, o.inspectors().size(), "DR-2: two inspectors per object"));

        // the library changes afterwards: the frozen list and its replay from the recorded inputs do not
        InspectObject c2 = service.object(PLANNER, c2Object);
        service.updateObject(PLANNER, c2.id(), c2.version(), new InspectObjectInput(Target.COMPANY, c2.refId(), c2.name(), null, RiskLevel.LOW, true));
        try {
            Draw replay = service.replay(PLANNER, t.id());
            assertEquals(Boolean.TRUE, replay.identical());
            assertEquals(d.objects(), replay.objects());
            assertEquals(d.objects(), service.drawList(PLANNER, t.id()).objects());
        } finally {
            InspectObject back = service.object(PLANNER, c2Object);
            service.updateObject(PLANNER, back.id(), back.version(), new InspectObjectInput(Target.COMPANY, back.refId(), back.name(), null,
                    RiskLevel.HIGH, true));
        }
        Task fresh = service.task(PLANNER, t.id());
        ApiException again = assertThrows(ApiException.class, () -> service.draw(PLANNER, fresh.id(), fresh.version(), null));
        assertEquals(409, again.status());
        assertEquals("inspection.illegalTransition", again.code());
        ApiException notYet = assertThrows(ApiException.class, () -> service.drawList(PLANNER,
                service.createTask(PLANNER, companyTask("未抽取", 2, Map.of(RiskLevel.LOW, BigDecimal.ONE))).id()));
        assertEquals("draw.notYet", notYet.code());
    }

    @Test
    void conflictedInspectorsAreNeverDrawnAndAnOldFormerEmployerIs_DR_2() {
        // C1 has 5 conflict-free inspectors (4: former employer five years ago, 5..8): drawing 5 takes exactly those
        Task t = drawn(service.createTask(PLANNER, companyTask("利害关系回避", 5, Map.of(RiskLevel.HIGH, new BigDecimal("2")))));
        Draw d = service.drawList(PLANNER, t.id());
        assertEquals(Set.copyOf(inspectorIds.subList(3, 8)), inspectorsOf(d, c1Object));
        assertEquals(5, inspectorsOf(d, c2Object).size());
        // six are more than C1 has: 409 naming the object, nothing drawn
        Task six = service.createTask(PLANNER, companyTask("人数不足", 6, Map.of(RiskLevel.HIGH, new BigDecimal("2"))));
        ApiException e = assertThrows(ApiException.class, () -> drawn(six));
        assertEquals(409, e.status());
        assertEquals("draw.notEnoughInspectors", e.code());
        assertEquals(TaskStatus.PLANNED, service.task(PLANNER, six.id()).status());
    }

    @Test
    void drawnInspectorsWithAnAccountAreNotified_DR_2() {
        long before = notifications.list(inspectorFive.accountId(), false, PageRequest.of(0, 50), java.util.Locale.SIMPLIFIED_CHINESE).total();
        Task t = drawn(service.createTask(PLANNER, companyTask("通知抽中人员", 5, Map.of(RiskLevel.HIGH, new BigDecimal("2")))));
        var page = notifications.list(inspectorFive.accountId(), false, PageRequest.of(0, 50), java.util.Locale.SIMPLIFIED_CHINESE);
        Draw d = service.drawList(PLANNER, t.id());
        long drawnFor = d.objects().stream().filter(o -> inspectorsOf(d, o.objectId()).contains(inspectorIds.get(4))).count();
        assertTrue(drawnFor >= 1, "inspector 5 is one of C1's five conflict-free inspectors");
        assertEquals(before + drawnFor, page.total());
        assertTrue(page.items().get(0).toString().contains(t.number()), page.items().get(0).toString());
    }

    @Test
    void ratiosAreRoundedUpOnTheLibrary_DR_2() {
        // estates: two HIGH (小区5, 小区6), one ELEVATED, two NORMAL, one LOW; 30 % of 2 → 1, 10 % of 1 → 1, 2 % of 2 → 1, 1 % of 1 → 1
        Task t = drawn(service.createTask(PLANNER, new TaskInput("比例抽取", "横琴住建局", Target.ESTATE, List.of(estateItem), DRAW_DATE, DRAW_DATE,
                DRAW_DATE.plusDays(10), new DrawRule(DrawMode.RATIO, Map.of(RiskLevel.HIGH, new BigDecimal("0.3"), RiskLevel.ELEVATED,
                new BigDecimal("0.1"), RiskLevel.NORMAL, new BigDecimal("0.02"), RiskLevel.LOW, new BigDecimal("0.01"))), 2)));
        assertEquals(List.of(RiskLevel.HIGH, RiskLevel.ELEVATED, RiskLevel.NORMAL, RiskLevel.LOW),
                service.drawList(PLANNER, t.id()).objects().stream().map(Draw.DrawnObject::riskLevel).toList());
    }

    // ---------------------------------------------------------------- results (SUP-DR-4), deadline (DR-3), public (DIS-5)

    @Test
    void onlyDrawnInspectorsRecordResultsAndAFailEmitsOneSignal_SUP_DR_4() {
        Task t = drawn(service.createTask(PLANNER, companyTask("结果录入", 5, Map.of(RiskLevel.HIGH, new BigDecimal("2")))));
        ApiException notDrawn = assertThrows(ApiException.class, () -> service.recordResult(inspectorOne, t.id(),
                new ResultInput(c1Object, companyItems.get(0), Outcome.PASS, null, null)));
        assertEquals(403, notDrawn.status(), "inspector 1 works for C1 and is never drawn for it");
        ApiException unknown = assertThrows(ApiException.class, () -> service.recordResult(inspectorFive, 987654L,
                new ResultInput(c1Object, companyItems.get(0), Outcome.PASS, null, null)));
        assertEquals(404, unknown.status());
        ApiException outside = assertThrows(ApiException.class, () -> service.recordResult(inspectorFive, t.id(),
                new ResultInput(c1Object, estateItem, Outcome.PASS, null, null)));
        assertEquals("itemId", outside.errors().get(0).field());

        int signalsBefore = signals.size();
        Result pass = service.recordResult(inspectorFive, t.id(), new ResultInput(c1Object, companyItems.get(0), Outcome.PASS, "公示齐全", null));
        assertEquals("insp-five", pass.inspector());
        assertEquals(signalsBefore, signals.size(), "a PASS reports nothing");
        Result fail = service.recordResult(inspectorFive, t.id(), new ResultInput(c1Object, companyItems.get(1), Outcome.FAIL, "合同未备案", null));
        assertEquals(signalsBefore + 1, signals.size(), "a FAIL reports exactly one signal");
        CreditSignal s = signals.get(signals.size() - 1);
        assertEquals(new CreditSignal("INSPECTION", "item.failed", C1, "inspection-result:" + fail.id(), DRAW_DATE, t.number() + " / WY-02"), s);
        ApiException twice = assertThrows(ApiException.class, () -> service.recordResult(PLANNER, t.id(),
                new ResultInput(c1Object, companyItems.get(1), Outcome.PASS, null, null)));
        assertEquals(409, twice.status(), "results are evidence, never replaced");
        assertEquals(signalsBefore + 1, signals.size());
        // the planner records for any drawn object
        service.recordResult(PLANNER, t.id(), new ResultInput(c2Object, companyItems.get(0), Outcome.NOT_APPLICABLE, null, null));
        assertEquals(3, service.results(PLANNER, t.id()).size());
    }

    @Test
    void publishOnlyAfterFinishAndThePublicViewHasNoInspectorData_DR_3_DIS_5() throws Exception {
        Task t = drawn(service.createTask(PLANNER, companyTask("结果公示", 5, Map.of(RiskLevel.HIGH, new BigDecimal("2")))));
        service.recordResult(inspectorFive, t.id(), new ResultInput(c1Object, companyItems.get(0), Outcome.FAIL, "保密说明：张三", null));
        service.recordResult(inspectorFive, t.id(), new ResultInput(c1Object, companyItems.get(1), Outcome.PASS, null, null));
        ApiException early = assertThrows(ApiException.class, () -> service.publish(PLANNER, t.id(), t.version(), null));
        assertEquals(409, early.status());
        Task finished = service.finish(PLANNER, t.id(), t.version(), "检查结束");
        assertEquals(TaskStatus.FINISHED, finished.status());
        assertNotNull(finished.publishDueAt(), "DR-3: the publication deadline runs");
        assertTrue(finished.publishDueAt().isAfter(START.plus(java.time.Duration.ofDays(25))), finished.publishDueAt().toString());
        ApiException afterFinish = assertThrows(ApiException.class, () -> service.recordResult(PLANNER, t.id(),
                new ResultInput(c2Object, companyItems.get(0), Outcome.PASS, null, null)));
        assertEquals("result.notDrawnState", afterFinish.code());
        ApiException cancel = assertThrows(ApiException.class, () -> service.cancel(PLANNER, t.id(), finished.version(), "取消"));
        assertEquals(409, cancel.status());
        Task published = service.publish(PLANNER, t.id(), finished.version(), null);
        assertEquals(TaskStatus.PUBLISHED, published.status());
        assertNotNull(published.publishedAt());

        Page<PublicInspection> page = service.published(PageRequest.parse(null, "200", "-id", InspectionService.TASK_SORT));
        PublicInspection p = page.items().stream().filter(x -> x.taskId() == t.id()).findFirst().orElseThrow();
        PublicInspection.PublicObject c1 = p.objects().stream().filter(o -> o.name().equals("物业公司1")).findFirst().orElseThrow();
        assertEquals(1, c1.pass());
        assertEquals(1, c1.fail());
        assertEquals(List.of("物业服务企业信息公示"), c1.failedItems());
        String json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(page);
        for (String secret : List.of("检查员", "insp-five", "保密说明", "inspector", "seed", t.seed())) {
            assertFalse(json.contains(secret), secret + " in " + json);
        }
    }

    @Test
    void aPlannedOrDrawnTaskIsCancelledWithAReason_SUP_DR_1() {
        Task t = service.createTask(PLANNER, companyTask("取消", 2, Map.of(RiskLevel.LOW, BigDecimal.ONE)));
        ApiException noReason = assertThrows(ApiException.class, () -> service.cancel(PLANNER, t.id(), t.version(), " "));
        assertEquals("reason.required", noReason.errors().get(0).code());
        ApiException inspectorMayNot = assertThrows(ApiException.class, () -> service.cancel(inspectorFive, t.id(), t.version(), "x"));
        assertEquals(403, inspectorMayNot.status());
        assertEquals(TaskStatus.CANCELLED, service.cancel(PLANNER, t.id(), t.version(), "计划调整").status());
        Task d = drawn(service.createTask(PLANNER, companyTask("抽取后取消", 2, Map.of(RiskLevel.LOW, BigDecimal.ONE))));
        assertEquals(TaskStatus.CANCELLED, service.cancel(PLANNER, d.id(), d.version(), "计划调整").status());
        assertEquals(List.of("create", "draw", "cancel"), service.events(PLANNER, d.id()).stream().map(e -> e.action()).toList());
    }

    @Test
    void theContributionsParse() {
        Contribution c = Contribution.load("org.smartproperty.inspection.impl", InspectionServiceImpl.class, "/META-INF/spm/inspection.contributions.properties");
        for (String role : List.of("REGULATOR", "OFFICER")) {
            for (String p : List.of("inspection:read", "inspection:plan", "inspection:record")) {
                assertTrue(c.grants().contains(new Contribution.Grant(role, p)), role + " " + p);
            }
        }
        assertTrue(c.grants().contains(new Contribution.Grant("INSPECTOR", "inspection:record")));
        assertFalse(c.grants().contains(new Contribution.Grant("INSPECTOR", "inspection:plan")));
        assertEquals(List.of("INSPECTION_ASSIGNED"), c.messageKinds().stream().map(Contribution.MessageKindDef::name).toList());
        assertEquals(Set.of("inspection-task", "inspection-library"), new HashSet<>(c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList()));
    }
}
