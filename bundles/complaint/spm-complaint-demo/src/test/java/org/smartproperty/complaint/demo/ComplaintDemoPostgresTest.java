package org.smartproperty.complaint.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.company.internal.CompanyServiceImpl;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintQuery;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.complaint.ComplaintStatus;
import org.smartproperty.complaint.internal.ComplaintServiceImpl;
import org.smartproperty.deadline.DeadlineQuery;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.MonitorState;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.GeoPoint;
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

/**
 * The complaint domain's demo data (issue 11 item 2) on PostgreSQL with the real estate, company, deadline,
 * notification, security and complaint implementations over one schema and the system clock: every status, about a
 * year of history, open complaints near and past their deadline, the audit chain untouched, and a second run adds
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintDemoPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final String PASSWORD = "Demo@2026spm";

    EntityManagerFactory estateUnit;
    EntityManagerFactory companyUnit;
    EntityManagerFactory complaintUnit;
    EstateService estates;
    ComplaintService complaints;
    DeadlineTracker deadlines;
    SecurityServiceImpl security;
    ComplaintDemoSeeder seeder;
    DemoContext context;

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/estate.changelog.xml", "db/company.changelog.xml", "db/files.changelog.xml",
                "db/notification.changelog.xml", "db/deadline.changelog.xml", "db/complaint.changelog.xml")) {
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
        companyUnit = JpaUnits.create("company", db.dataSource(), cl);
        complaintUnit = JpaUnits.create("complaint", db.dataSource(), cl);
        estates = EstateServiceImpl.standalone(estateUnit, audit);
        CompanyService companies = CompanyServiceImpl.standalone(companyUnit, audit, files);
        deadlines = DeadlineEngine.standalone(db.dataSource(), audit, clock);
        security = SecurityServiceImpl.standalone(db.dataSource());
        complaints = ComplaintServiceImpl.standalone(complaintUnit, audit, files, deadlines, new SmsOutboxImpl(db.dataSource(), clock),
                new NotificationsImpl(db.dataSource(), clock), security, estates, companies, clock);
        // four demo estates of two companies, and the demo accounts the seeder files and handles as
        List<Estate> demo = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long company = companies.create(new CompanyInput("横琴演示物业" + (i % 2) + "有限公司" + i, creditCode(i), "张三明", "一级", "ZH-WY-00" + i,
                    "李经理", "13812345678", "横琴新区宝华路6号", null), "demo-seed").id();
            demo.add(estates.create(new EstateInput(String.format("HQ-DEMO-%03d", i + 1), "演示小区" + i, "横琴新区环岛东路" + i + "号", "小横琴社区",
                    "440402104", new GeoPoint(113.54, 22.13), null, "横琴开发有限公司", company, null, new BigDecimal("3.50"), null), "demo-seed"));
        }
        security.ensureAccount("demo-regulator", "演示账号 REGULATOR", Role.REGULATOR, PASSWORD, null, DataScope.ALL);
        security.ensureAccount("demo-officer", "演示账号 OFFICER", Role.OFFICER, PASSWORD, null, DataScope.ALL);
        security.ensureAccount("demo-owner", "演示账号 OWNER", Role.OWNER, PASSWORD, null, DataScope.owner(9001));
        security.ensureAccount("demo-committee", "演示账号 COMMITTEE", Role.COMMITTEE, PASSWORD, null, DataScope.committee(demo.get(0).id()));
        security.setPhone("demo-owner", "13800001010");
        security.setPhone("demo-officer", "13800001002");
        seeder = new ComplaintDemoSeeder();
        seeder.complaints = complaints;
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
                        .sorted(java.util.Comparator.comparing(Estate::projectCode)).toList();
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
                return Optional.of(new OwnerHouse(9001, "440402104001GB00001F00010001"));
            }
        };
    }

    @AfterAll
    void tearDown() {
        for (EntityManagerFactory f : new EntityManagerFactory[] {estateUnit, companyUnit, complaintUnit}) {
            if (f != null) {
                f.close();
            }
        }
    }

    static String creditCode(int i) {
        String body = Integer.toString(20000000 + i);
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        return first17 + UnifiedSocialCreditCode.checkChar(first17);
    }

    SpmPrincipal regulator() {
        return new SpmPrincipal(security.accountsWithRole(Role.REGULATOR).get(0).accountId(), "demo-regulator", Set.of(Role.REGULATOR),
                Set.of("complaint:read"), DataScope.ALL, false, "127.0.0.1");
    }

    long auditRows() throws Exception {
        return Long.parseLong(db.strings("SELECT COUNT(*) FROM aud_event").get(0));
    }

    @Test
    void aYearOfComplaintsInEveryStatusSomeNearAndSomePastTheirDeadlineOnceOnly() throws Exception {
        int created = seeder.seedComplaints(context);
        assertEquals(4 * 3 + 6, created);
        List<Complaint> all = complaints.list(regulator(), ComplaintQuery.all(), PageRequest.of(0, 200)).items();
        assertEquals(created, all.size());
        Set<ComplaintStatus> statuses = EnumSet.noneOf(ComplaintStatus.class);
        all.forEach(c -> statuses.add(c.status()));
        assertEquals(EnumSet.allOf(ComplaintStatus.class), statuses, "every status");
        Instant oldest = all.stream().map(Complaint::registeredAt).min(Instant::compareTo).orElseThrow();
        Instant newest = all.stream().map(Complaint::registeredAt).max(Instant::compareTo).orElseThrow();
        assertTrue(Duration.between(oldest, newest).toDays() >= 300, oldest + " … " + newest);
        assertTrue(Duration.between(oldest, Instant.now()).toDays() <= 366, "within the year: " + oldest);
        // the timeline moved with the complaint: no event before the complaint, none left at seeding time for an old one
        assertEquals(List.of("0"), db.strings("SELECT COUNT(*) FROM cpl_event e JOIN cpl_complaint c ON c.id = e.complaint_id "
                + "WHERE e.event_at < c.created_at - INTERVAL '1 second' OR e.event_at > c.updated_at + INTERVAL '1 second'"));
        for (Complaint c : all) {
            if (c.status() == ComplaintStatus.CLOSED || c.status() == ComplaintStatus.REJECTED) {
                assertTrue(c.registeredAt().isBefore(Instant.now().minus(Duration.ofDays(13))), c.number() + " finished " + c.registeredAt());
            }
        }
        assertTrue(deadlines.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.OVERDUE, "complaint", null), PageRequest.of(0, 1)).total() >= 1,
                "some open complaints are overdue");
        assertTrue(deadlines.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.NEAR, "complaint", null), PageRequest.of(0, 1)).total() >= 1,
                () -> "some are near their deadline: " + deadlines.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.ALL, "complaint", null),
                        PageRequest.of(0, 100)).items().stream().map(d -> d.category() + " " + d.state() + " " + d.startedAt() + " warn " + d.warnAt()
                        + " due " + d.dueAt()).toList());
        // idempotent: the second run adds nothing, not even audit rows
        long audit = auditRows();
        assertEquals(0, seeder.seedComplaints(context));
        assertEquals(created, complaints.list(regulator(), ComplaintQuery.all(), PageRequest.of(0, 1)).total());
        assertEquals(audit, auditRows());
    }
}
