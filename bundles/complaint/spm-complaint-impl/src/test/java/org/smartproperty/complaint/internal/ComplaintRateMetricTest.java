package org.smartproperty.complaint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.company.internal.CompanyServiceImpl;
import org.smartproperty.complaint.ComplaintCategory;
import org.smartproperty.complaint.ComplaintChannel;
import org.smartproperty.complaint.ComplaintInput;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.internal.EstateServiceImpl;
import org.smartproperty.notification.internal.NotificationsImpl;
import org.smartproperty.notification.internal.SmsOutboxImpl;
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
 * The assessment metric COMPLAINT_RATE (SUP-AS-1 computed from SVC-CMP-1 complaints) on PostgreSQL, with the real estate,
 * company, deadline, notification, security and file store implementations as in {@link ComplaintServiceContract}: complaints
 * registered against a company in the period (Asia/Shanghai days) per 1,000 houses of its estates (through the estate API),
 * a company without houses has no value, complaints to the regulator count for nobody.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintRateMetricTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    /** Tuesday 2026-12-01 10:00 in Zhuhai. */
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");

    final MutableClock clock = new MutableClock(START);
    ComplaintServiceImpl service;
    EstateService estates;
    CompanyService companies;
    SecurityServiceImpl security;
    final List<EntityManagerFactory> units = new ArrayList<>();

    long companyA;
    long companyB;
    long companyC;
    long estateA;
    long estateA2;
    long estateB;
    SpmPrincipal regulator;

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
        AuditTrail audit = AuditTrailImpl.standalone(db.dataSource());
        FileStoreImpl files = new FileStoreImpl(db.dataSource(), Files.createTempDirectory("spm-files"));
        EntityManagerFactory estateUnit = JpaUnits.create("estate", db.dataSource(), cl);
        EntityManagerFactory companyUnit = JpaUnits.create("company", db.dataSource(), cl);
        EntityManagerFactory complaintUnit = JpaUnits.create("complaint", db.dataSource(), cl);
        units.addAll(List.of(estateUnit, companyUnit, complaintUnit));
        estates = EstateServiceImpl.standalone(estateUnit, audit);
        companies = CompanyServiceImpl.standalone(companyUnit, audit, files);
        security = SecurityServiceImpl.standalone(db.dataSource());
        service = new ComplaintServiceImpl(complaintUnit, audit, files, DeadlineEngine.standalone(db.dataSource(), audit, clock),
                new SmsOutboxImpl(db.dataSource(), clock), new NotificationsImpl(db.dataSource(), clock), security, estates, companies, clock);

        companyA = companies.create(company("横琴甲物业服务有限公司"), "regulator").id();
        companyB = companies.create(company("横琴乙物业服务有限公司"), "regulator").id();
        companyC = companies.create(company("横琴丙物业服务有限公司"), "regulator").id();
        // company A: 3 + 1 houses in two estates, company B: 2 houses, company C: an estate without houses
        estateA = estate("考核甲小区", companyA, 3);
        estateA2 = estate("考核甲二小区", companyA, 1);
        estateB = estate("考核乙小区", companyB, 2);
        estate("考核丙小区", companyC, 0);
        regulator = principal("reg-1", "监管领导", Role.REGULATOR, DataScope.ALL);
    }

    @AfterAll
    void tearDown() {
        units.forEach(EntityManagerFactory::close);
    }

    private int seq = 1000;

    CompanyInput company(String name) {
        String body = Integer.toString(10000000 + seq++);
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        return new CompanyInput(name, first17 + UnifiedSocialCreditCode.checkChar(first17), "张三明", "一级", "ZH-WY-001", "李经理",
                "13812345678", "横琴新区宝华路6号", null);
    }

    long estate(String name, long companyId, int houses) {
        long id = estates.create(new EstateInput(null, name, "横琴新区环岛东路" + (seq++) + "号", "小横琴社区", "440402104",
                new GeoPoint(113.54, 22.13), null, "横琴开发有限公司", companyId, null, new BigDecimal("3.50"), null), "clerk").id();
        if (houses > 0) {
            Building b = estates.createBuilding(id, new BuildingInput("1栋", null, 20, 0, List.of("1单元")), "clerk");
            List<HouseInput> in = new ArrayList<>();
            for (int i = 0; i < houses; i++) {
                in.add(new HouseInput(String.format("440402104001GB%05dF%08d", seq++, i + 1), b.id(), "1单元", 1, "10" + (i + 1),
                        HouseUse.RESIDENTIAL, new BigDecimal("88.50"), null, null, List.of()));
            }
            estates.createHouses(id, in, "clerk");
        }
        return id;
    }

    /** A real account with the permissions its role has in sec_role_permission. */
    SpmPrincipal principal(String username, String name, Role role, DataScope scope) throws Exception {
        security.ensureAccount(username, name, role, "Complaint@2026ok", null, scope);
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

    /** A complaint registered by the regulator for a caller at {@code at}. */
    void registered(Instant at, long estateId, Long companyId) {
        clock.set(at);
        service.create(regulator, new ComplaintInput(ComplaintChannel.HOTLINE_12345, ComplaintCategory.COMPLAINT, estateId, companyId,
                "欧阳明华", "13912345678", "电梯长期故障无人维修", "3 栋 1 单元电梯停运两周，物业一直未修复。", List.of()));
    }

    @Test
    void complaintsPerThousandHousesOfTheCompanysEstatesInThePeriod_SUP_AS_1_SVC_CMP_1() {
        ComplaintRateMetric metric = new ComplaintRateMetric(db.dataSource(), estates);
        assertEquals(AssessmentMetric.COMPLAINT_RATE, metric.name());
        assertEquals(Map.of(companyA, new BigDecimal("0.00"), companyB, new BigDecimal("0.00")),
                metric.values(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)), "no complaint yet: 0 where there are houses");

        registered(START, estateA, companyA);
        registered(START.plusSeconds(3600), estateA2, companyA);
        registered(START.plusSeconds(7200), estateB, companyB);
        registered(START.plusSeconds(7300), estateB, null); // addressed to the regulator: nobody's
        registered(Instant.parse("2026-12-31T16:30:00Z"), estateA, companyA); // 2027-01-01 00:30 in Zhuhai: outside December

        Map<Long, BigDecimal> v = metric.values(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        assertEquals(new BigDecimal("500.00"), v.get(companyA), "2 complaints on 4 houses");
        assertEquals(new BigDecimal("500.00"), v.get(companyB), "1 complaint on 2 houses, the one to the regulator left out");
        assertFalse(v.containsKey(companyC), "no houses: no value");
        assertEquals(2, v.size());
        assertEquals(new BigDecimal("250.00"), metric.values(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)).get(companyA));
        assertTrue(metric.values(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)).values().stream()
                .allMatch(x -> x.signum() == 0), "an empty period: no error, 0 per company with houses");
    }
}
