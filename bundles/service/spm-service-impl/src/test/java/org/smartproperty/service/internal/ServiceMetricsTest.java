package org.smartproperty.service.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.EstateInput;
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
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileAccessPolicy;
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
import org.smartproperty.service.PatrolResult;
import org.smartproperty.service.PatrolTask;
import org.smartproperty.service.PatrolTaskInput;
import org.smartproperty.service.PhotoReportInput;
import org.smartproperty.service.Repair;
import org.smartproperty.service.RepairCategory;
import org.smartproperty.service.RepairCompletion;
import org.smartproperty.service.RepairInput;

/**
 * The assessment metrics REPAIR_ON_TIME (SUP-AS-1 from SVC-REP-1/2 and SLA-2) and PATROL_CLOSURE (SUP-AS-1 from SVC-PAT-1) on
 * PostgreSQL, with the real estate, deadline, notification, security and file store implementations as in
 * {@link ServiceWorkflowsContract}: repairs and patrol tasks made through the services with a clock the test moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceMetricsTest {

    static {
        org.smartproperty.notification.MessageKinds.register(org.smartproperty.platform.contrib.Contribution.load(
                "org.smartproperty.service.impl", ServiceMetricsTest.class, "/META-INF/spm/service.contributions.properties"));
    }

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    /** Tuesday 2026-12-01 10:00 in Zhuhai: a working day. */
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    static final long COMPANY_A = 7001;
    static final long COMPANY_B = 7002;
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    final MutableClock clock = new MutableClock(START);
    RepairServiceImpl repairs;
    PatrolServiceImpl patrols;
    DeadlineTracker deadlines;
    SecurityServiceImpl security;
    EstateService estates;
    FileStoreImpl files;
    EntityManagerFactory estateUnit;
    EntityManagerFactory serviceUnit;

    long estateA;
    long estateB;
    String houseA;
    String houseB;
    SpmPrincipal ownerA;
    SpmPrincipal ownerB;
    SpmPrincipal companyUserA;
    SpmPrincipal companyUserB;

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
        AuditTrail audit = AuditTrailImpl.standalone(db.dataSource());
        files = new FileStoreImpl(db.dataSource(), Files.createTempDirectory("spm-files"));
        estateUnit = JpaUnits.create("estate", db.dataSource(), cl);
        serviceUnit = JpaUnits.create("service", db.dataSource(), cl);
        estates = EstateServiceImpl.standalone(estateUnit, audit);
        deadlines = DeadlineEngine.standalone(db.dataSource(), audit, clock);
        security = SecurityServiceImpl.standalone(db.dataSource());
        repairs = new RepairServiceImpl(serviceUnit, audit, files, deadlines, new SmsOutboxImpl(db.dataSource(), clock),
                new NotificationsImpl(db.dataSource(), clock), security, estates, clock);
        patrols = new PatrolServiceImpl(serviceUnit, audit, files, deadlines, new SmsOutboxImpl(db.dataSource(), clock),
                new NotificationsImpl(db.dataSource(), clock), security, estates, clock);
        files.addPolicy(new RepairPhotosAccess(repairs), Map.of(FileAccessPolicy.OWNER_KIND, "repair"));
        files.addPolicy(new RepairPhotosAccess(repairs), Map.of(FileAccessPolicy.OWNER_KIND, "repair-result"));
        files.addPolicy(new PatrolReportPhotosAccess(patrols), Map.of(FileAccessPolicy.OWNER_KIND, "patrol-report"));
        files.addPolicy(new PatrolTaskPhotosAccess(patrols), Map.of(FileAccessPolicy.OWNER_KIND, "patrol-task"));
        files.addPolicy(new PatrolTaskPhotosAccess(patrols), Map.of(FileAccessPolicy.OWNER_KIND, "patrol-fix"));

        estateA = estate("考核报修甲小区", COMPANY_A);
        estateB = estate("考核报修乙小区", COMPANY_B);
        Building ba = estates.createBuilding(estateA, new BuildingInput("1栋", null, 20, 0, List.of("1单元")), "clerk");
        Building bb = estates.createBuilding(estateB, new BuildingInput("1栋", null, 20, 0, List.of("1单元")), "clerk");
        House h1 = house(estateA, ba, 1, "欧阳明华");
        House h2 = house(estateB, bb, 2, "黄小红");
        houseA = h1.unitCode();
        houseB = h2.unitCode();
        ownerA = principal("owner-1", "欧阳明华", Role.OWNER, DataScope.owner(h1.owners().get(0).id()), "13912345678");
        ownerB = principal("owner-2", "黄小红", Role.OWNER, DataScope.owner(h2.owners().get(0).id()), "13912345679");
        companyUserA = principal("co-a", "甲物业客服", Role.COMPANY, DataScope.company(COMPANY_A), "13912345671");
        companyUserB = principal("co-b", "乙物业客服", Role.COMPANY, DataScope.company(COMPANY_B), null);
    }

    @AfterAll
    void tearDown() {
        for (EntityManagerFactory f : new EntityManagerFactory[] {estateUnit, serviceUnit}) {
            if (f != null) {
                f.close();
            }
        }
    }

    private int seq = 100;

    long estate(String name, Long companyId) {
        return estates.create(new EstateInput(null, name, "横琴新区环岛东路" + (seq++) + "号", "小横琴社区", "440402104",
                new GeoPoint(113.54, 22.13), null, "横琴开发有限公司", companyId, null, new BigDecimal("3.50"), null), "clerk").id();
    }

    House house(long estateId, Building b, int n, String ownerName) {
        String first17 = "44040219800101" + String.format("%03d", n);
        OwnerInput o = new OwnerInput(ownerName, IdType.CN_RESIDENT_ID, first17 + IdDocuments.cnCheckDigit(first17), "13800000" + String.format("%03d", n), null);
        return estates.createHouse(estateId, new HouseInput(String.format("440402104001GB%05dF%08d", 800 + n, n), b.id(), "1单元",
                1, "10" + n, HouseUse.RESIDENTIAL, new BigDecimal("88.50"), null, null, List.of(o)), "clerk");
    }

    /** A real account with the permissions its role has in sec_role_permission. */
    SpmPrincipal principal(String username, String name, Role role, DataScope scope, String phone) throws Exception {
        security.ensureAccount(username, name, role, "Repair@2026ok", null, scope);
        if (phone != null) {
            security.setPhone(username, phone);
        }
        long id;
        Set<String> perms = new HashSet<>();
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sec_account WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT permission FROM sec_role_permission WHERE role = ?")) {
                ps.setString(1, role.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        perms.add(rs.getString(1));
                    }
                }
            }
        }
        return new SpmPrincipal(id, username, Set.of(role), perms, scope, perms.contains("owner:view-full"), "127.0.0.1");
    }

    List<AttachmentInput> photo(String uploader) throws Exception {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, (int) (System.nanoTime() & 0xffffff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return List.of(new AttachmentInput(null, files.upload(new ByteArrayInputStream(out.toByteArray()), "现场照片.png", uploader).id()));
    }

    /** A repair requested at {@code at} by {@code owner} and completed {@code after} later by {@code company}. */
    Repair completed(SpmPrincipal owner, String unitCode, SpmPrincipal company, Instant at, Duration after) throws Exception {
        clock.set(at);
        Repair r = repairs.create(owner, new RepairInput(unitCode, null, null, RepairCategory.NORMAL, "卫生间天花板漏水", null, List.of()));
        r = repairs.accept(company, r.id(), r.version(), null);
        r = repairs.schedule(company, r.id(), r.version(), clock.instant().plus(Duration.ofHours(2)), null);
        clock.set(at.plus(after));
        return repairs.complete(company, r.id(), r.version(), new RepairCompletion("已更换防水层", photo(company.username())));
    }

    PatrolTask task(SpmPrincipal owner, long estateId, SpmPrincipal company, Instant at) throws Exception {
        clock.set(at);
        long report = patrols.report(owner, new PhotoReportInput(estateId, new BigDecimal("22.1234"), new BigDecimal("113.5321"), "2栋北侧小路",
                "小区路灯连续三晚不亮", photo(owner.username()))).id();
        return patrols.createTask(company, new PatrolTaskInput(List.of(report), null, null));
    }

    PatrolTask closed(PatrolTask t, SpmPrincipal company) throws Exception {
        PatrolTask i = patrols.inspect(company, t.id(), t.version(), new PatrolResult("路灯线路老化短路", photo(company.username())));
        return patrols.close(company, i.id(), i.version(), new PatrolResult("已更换线路", photo(company.username())));
    }

    @Test
    void shareOfRepairsCompletedInThePeriodWithinTheirTimeLimit_SUP_AS_1_SVC_REP_2_SLA_2() throws Exception {
        RepairOnTimeMetric metric = new RepairOnTimeMetric(db.dataSource(), deadlines);
        assertEquals(AssessmentMetric.REPAIR_ON_TIME, metric.name());
        assertEquals(Map.of(), metric.values(DEC_1, DEC_31), "an empty period: no value, no error");

        completed(ownerA, houseA, companyUserA, START, Duration.ofHours(3));                      // on time
        completed(ownerA, houseA, companyUserA, START.plus(Duration.ofDays(1)), Duration.ofDays(40)); // late, completed in January
        completed(ownerA, houseA, companyUserA, START.plus(Duration.ofDays(2)), Duration.ofDays(20)); // late (NORMAL: days, not weeks)
        completed(ownerB, houseB, companyUserB, START, Duration.ofHours(5));                      // on time
        clock.set(START.plus(Duration.ofDays(3)));
        repairs.create(ownerB, new RepairInput(houseB, null, null, RepairCategory.NORMAL, "水管漏水", null, List.of())); // not completed

        Map<Long, BigDecimal> dec = metric.values(DEC_1, DEC_31);
        assertEquals(new BigDecimal("50.00"), dec.get(COMPANY_A), "1 of the 2 completed in December on time");
        assertEquals(new BigDecimal("100.00"), dec.get(COMPANY_B), "the open repair does not count");
        assertEquals(Map.of(COMPANY_A, new BigDecimal("0.00")), metric.values(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)));
    }

    @Test
    void shareOfPatrolTasksCreatedInThePeriodThatAreClosed_SUP_AS_1_SVC_PAT_1() throws Exception {
        PatrolClosureMetric metric = new PatrolClosureMetric(db.dataSource());
        assertEquals(AssessmentMetric.PATROL_CLOSURE, metric.name());
        assertEquals(Map.of(), metric.values(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), "an empty period: no value, no error");

        Instant dec10 = Instant.parse("2026-12-10T02:00:00Z");
        closed(task(ownerA, estateA, companyUserA, dec10), companyUserA);
        closed(task(ownerA, estateA, companyUserA, dec10.plus(Duration.ofHours(1))), companyUserA);
        PatrolTask inspectedOnly = task(ownerA, estateA, companyUserA, dec10.plus(Duration.ofHours(2)));
        patrols.inspect(companyUserA, inspectedOnly.id(), inspectedOnly.version(), new PatrolResult("井盖松动", photo("co-a")));
        task(ownerB, estateB, companyUserB, dec10);                                                // open
        closed(task(ownerB, estateB, companyUserB, Instant.parse("2027-01-05T02:00:00Z")), companyUserB); // January

        Map<Long, BigDecimal> dec = metric.values(DEC_1, DEC_31);
        assertEquals(new BigDecimal("66.67"), dec.get(COMPANY_A), "2 of 3 closed");
        assertEquals(new BigDecimal("0.00"), dec.get(COMPANY_B));
        assertEquals(Map.of(COMPANY_B, new BigDecimal("100.00")), metric.values(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)));
        assertFalse(metric.values(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)).containsKey(COMPANY_A));
    }
}
