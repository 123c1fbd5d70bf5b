package org.smartproperty.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.deadline.DeadlineQuery;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.MonitorState;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.internal.EstateServiceImpl;
import org.smartproperty.notification.internal.NotificationsImpl;
import org.smartproperty.notification.internal.SmsOutboxImpl;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.security.internal.SecurityServiceImpl;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.service.PatrolQuery;
import org.smartproperty.service.PatrolService;
import org.smartproperty.service.PatrolStatus;
import org.smartproperty.service.PatrolTask;
import org.smartproperty.service.Repair;
import org.smartproperty.service.RepairQuery;
import org.smartproperty.service.RepairService;
import org.smartproperty.service.RepairStatus;
import org.smartproperty.service.internal.PatrolServiceImpl;
import org.smartproperty.service.internal.RepairServiceImpl;

/**
 * The service domain's demo data (issue 11 item 2) on PostgreSQL with the real estate, deadline, notification,
 * security, file store and repair/patrol implementations and the system clock: repairs and patrol tasks in every
 * status over about a year, some near and some past their deadline, the audit chain untouched, a second run adds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceDemoPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final long COMPANY = 7001;

    EntityManagerFactory estateUnit;
    EntityManagerFactory serviceUnit;
    RepairService repairs;
    PatrolService patrols;
    DeadlineTracker deadlines;
    SecurityServiceImpl security;
    ServiceDemoSeeder seeder;
    DemoContext context;

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/estate.changelog.xml", "db/files.changelog.xml",
                "db/notification.changelog.xml", "db/deadline.changelog.xml", "db/service.changelog.xml")) {
            db.migrate(c);
        }
        for (org.smartproperty.platform.contrib.Contribution contribution : org.smartproperty.platform.testsupport.StandInContributions.onClassPath()) {
            org.smartproperty.platform.security.internal.ContributedGrants.seed(db.dataSource(), contribution, Instant.now());
            org.smartproperty.deadline.internal.ContributedTimeLimits.seed(db.dataSource(), contribution, Instant.now());
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        Clock clock = Clock.systemUTC();
        AuditTrail audit = AuditTrailImpl.standalone(db.dataSource());
        FileStoreImpl files = new FileStoreImpl(db.dataSource(), Files.createTempDirectory("spm-files"));
        estateUnit = JpaUnits.create("estate", db.dataSource(), cl);
        serviceUnit = JpaUnits.create("service", db.dataSource(), cl);
        EstateService estates = EstateServiceImpl.standalone(estateUnit, audit);
        deadlines = DeadlineEngine.standalone(db.dataSource(), audit, clock);
        security = SecurityServiceImpl.standalone(db.dataSource());
        repairs = RepairServiceImpl.standalone(serviceUnit, audit, files, deadlines, new SmsOutboxImpl(db.dataSource(), clock),
                new NotificationsImpl(db.dataSource(), clock), security, estates, clock);
        patrols = PatrolServiceImpl.standalone(serviceUnit, audit, files, deadlines, new SmsOutboxImpl(db.dataSource(), clock),
                new NotificationsImpl(db.dataSource(), clock), security, estates, clock);
        Estate first = estates.create(new EstateInput("HQ-DEMO-001", "澳门新街坊", "横琴新区环岛东路1号", "小横琴社区", "440402104",
                new GeoPoint(113.54, 22.13), null, "横琴开发有限公司", COMPANY, null, new BigDecimal("3.50"), null), "demo-seed");
        Building b = estates.createBuilding(first.id(), new BuildingInput("1栋", null, 20, 0, List.of("1单元")), "demo-seed");
        String first17 = "44040219800101001";
        House house = estates.createHouse(first.id(), new HouseInput("440402104001GB00801F00000001", b.id(), "1单元", 1, "101",
                HouseUse.RESIDENTIAL, new BigDecimal("88.50"), null, null, List.of(new OwnerInput("欧阳明华", IdType.CN_RESIDENT_ID,
                        first17 + IdDocuments.cnCheckDigit(first17), "13800000001", null))), "demo-seed");
        long ownerId = house.owners().get(0).id();
        account("demo-regulator", Role.REGULATOR, DataScope.ALL, "13800001001");
        account("demo-owner", Role.OWNER, DataScope.owner(ownerId), "13800001010");
        account("demo-committee", Role.COMMITTEE, DataScope.committee(first.id()), "+85360001009");
        account("demo-company", Role.COMPANY, DataScope.company(COMPANY), "13800001008");
        seeder = new ServiceDemoSeeder();
        seeder.repairs = repairs;
        seeder.patrols = patrols;
        seeder.files = files;
        seeder.directory = security;
        seeder.deadlines = deadlines;
        seeder.dataSource = db.dataSource();
        context = new DemoContext() {
            @Override
            public String actor() {
                return "demo-seed";
            }

            @Override
            public boolean running() {
                return true;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public List<Estate> estates() {
                return estates.list(DataScope.ALL, EstateQuery.all(), PageRequest.of(0, 50)).items().stream()
                        .sorted(Comparator.comparing(Estate::projectCode)).toList();
            }

            @Override
            public List<String> propertyCompanies() {
                return List.of();
            }

            @Override
            public Optional<Owner> owner(String unitCode) {
                return Optional.empty();
            }

            @Override
            public Optional<OwnerHouse> demoOwnerHouse() {
                return Optional.of(new OwnerHouse(ownerId, house.unitCode()));
            }
        };
    }

    void account(String name, Role role, DataScope scope, String phone) {
        security.ensureAccount(name, "演示账号 " + role, role, "Demo@2026spm", null, scope);
        security.setPhone(name, phone);
    }

    @AfterAll
    void tearDown() {
        estateUnit.close();
        serviceUnit.close();
    }

    SpmPrincipal regulator() {
        return new SpmPrincipal(security.accountsWithRole(Role.REGULATOR).get(0).accountId(), "demo-regulator", Set.of(Role.REGULATOR),
                Set.of("repair:read", "patrol:read"), DataScope.ALL, false, "127.0.0.1");
    }

    long auditRows() throws Exception {
        return Long.parseLong(db.strings("SELECT COUNT(*) FROM aud_event").get(0));
    }

    @Test
    void aYearOfRepairsAndPatrolsInEveryStatusSomeNearAndSomePastTheirDeadlineOnceOnly() throws Exception {
        int created = seeder.seedCases(context);
        List<Repair> all = repairs.list(regulator(), RepairQuery.all(), PageRequest.of(0, 100)).items();
        List<PatrolTask> tasks = patrols.tasks(regulator(), PatrolQuery.all(), PageRequest.of(0, 100)).items();
        int reports = (int) patrols.reports(regulator(), PatrolQuery.all(), PageRequest.of(0, 1)).total();
        assertEquals(all.size() + reports, created);
        EnumSet<RepairStatus> repairStatuses = EnumSet.noneOf(RepairStatus.class);
        all.forEach(r -> repairStatuses.add(r.status()));
        assertEquals(EnumSet.allOf(RepairStatus.class), repairStatuses, "every repair status");
        EnumSet<PatrolStatus> taskStatuses = EnumSet.noneOf(PatrolStatus.class);
        tasks.forEach(t -> taskStatuses.add(t.status()));
        assertEquals(EnumSet.allOf(PatrolStatus.class), taskStatuses, "every patrol task status");
        List<Instant> times = new ArrayList<>();
        all.forEach(r -> times.add(r.requestedAt()));
        tasks.forEach(t -> times.add(t.createdAt()));
        Instant oldest = times.stream().min(Instant::compareTo).orElseThrow();
        Instant newest = times.stream().max(Instant::compareTo).orElseThrow();
        assertTrue(Duration.between(oldest, newest).toDays() >= 300, oldest + " … " + newest);
        assertEquals(List.of("0"), db.strings("SELECT COUNT(*) FROM svc_repair_event e JOIN svc_repair r ON r.id = e.repair_id "
                + "WHERE e.event_at < r.created_at - INTERVAL '1 second' OR e.event_at > r.updated_at + INTERVAL '1 second'"), "timelines moved with their repair");
        for (String domain : List.of("repair", "patrol")) {
            assertTrue(deadlines.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.OVERDUE, domain, null), PageRequest.of(0, 1)).total() >= 1,
                    domain + ": some open ones overdue");
            assertTrue(deadlines.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.NEAR, domain, null), PageRequest.of(0, 1)).total() >= 1,
                    domain + ": some near their deadline");
        }
        long audit = auditRows();
        assertEquals(0, seeder.seedCases(context), "idempotent");
        assertEquals(all.size(), repairs.list(regulator(), RepairQuery.all(), PageRequest.of(0, 1)).total());
        assertEquals(audit, auditRows(), "the second run writes nothing");
    }
}
