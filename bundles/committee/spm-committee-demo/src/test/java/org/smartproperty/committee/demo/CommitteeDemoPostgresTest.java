package org.smartproperty.committee.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.committee.Committee;
import org.smartproperty.committee.CommitteeQuery;
import org.smartproperty.committee.CommitteeService;
import org.smartproperty.committee.internal.CommitteeServiceImpl;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.internal.EstateServiceImpl;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The committee domain's demo data (issue 11 item 2) on PostgreSQL with the real estate, committee, file store and audit
 * implementations: a committee for every other demo estate with 5–9 members who own a house there, filings approved,
 * pending, returned and not yet filed, and a second run adds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeDemoPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final int ESTATES = 8;

    EntityManagerFactory estateUnit;
    EntityManagerFactory committeeUnit;
    CommitteeService committees;
    CommitteeDemoSeeder seeder;
    DemoContext context;
    final Map<String, DemoContext.Owner> owners = new HashMap<>();

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/estate.changelog.xml", "db/committee.changelog.xml", "db/files.changelog.xml", "db/security.changelog.xml",
                "db/notification.changelog.xml")) {
            db.migrate(c);
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        AuditTrail audit = AuditTrailImpl.standalone(db.dataSource());
        FileStoreImpl files = new FileStoreImpl(db.dataSource(), Files.createTempDirectory("spm-files"));
        estateUnit = JpaUnits.create("estate", db.dataSource(), cl);
        committeeUnit = JpaUnits.create("committee", db.dataSource(), cl);
        EstateService estates = EstateServiceImpl.standalone(estateUnit, audit);
        committees = CommitteeServiceImpl.standalone(committeeUnit, audit, estates, files);
        int n = 0;
        for (int i = 0; i < ESTATES; i++) { // each with 10 sold houses of one owner each
            Estate e = estates.create(new EstateInput(String.format("HQ-DEMO-%03d", i + 1), "演示小区" + i, "横琴新区环岛东路" + i + "号",
                    "小横琴社区", "440402104", new GeoPoint(113.54, 22.13), null, "横琴开发有限公司", null, null, new BigDecimal("3.50"), null),
                    "demo-seed");
            Building b = estates.createBuilding(e.id(), new BuildingInput("1栋", null, 20, 0, List.of("1单元")), "demo-seed");
            for (int h = 0; h < 10; h++, n++) {
                String first17 = "44040219800101" + String.format("%03d", n);
                String name = "业主" + n;
                String phone = "1380000" + String.format("%04d", n);
                String unit = String.format("440402104001GB%05dF%08d", 100 + i, h + 1);
                estates.createHouse(e.id(), new HouseInput(unit, b.id(), "1单元", 1 + h, "10" + h, HouseUse.RESIDENTIAL,
                        new BigDecimal("88.50"), null, HouseStatus.SOLD, List.of(new OwnerInput(name, IdType.CN_RESIDENT_ID,
                                first17 + IdDocuments.cnCheckDigit(first17), phone, null))), "demo-seed");
                owners.put(unit, new DemoContext.Owner(name, phone));
            }
        }
        seeder = new CommitteeDemoSeeder();
        seeder.committees = committees;
        seeder.estates = estates;
        seeder.files = files;
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
                return Clock.systemUTC();
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
                return Optional.ofNullable(owners.get(unitCode));
            }

            @Override
            public Optional<OwnerHouse> demoOwnerHouse() {
                return Optional.empty();
            }
        };
    }

    @AfterAll
    void tearDown() {
        estateUnit.close();
        committeeUnit.close();
    }

    long auditRows() throws Exception {
        return Long.parseLong(db.strings("SELECT COUNT(*) FROM aud_event").get(0));
    }

    @Test
    void committeesForHalfTheEstatesWithMembersAndFilingsInEveryStateOnceOnly() throws Exception {
        assertEquals(ESTATES / 2, seeder.seedCommittees(context));
        List<Committee> all = committees.list(DataScope.ALL, new CommitteeQuery(null, null), PageRequest.of(0, 50)).items();
        assertEquals(ESTATES / 2, all.size(), "every other estate");
        Set<Long> estates = new HashSet<>();
        for (Committee c : all) {
            estates.add(c.estateId());
            int members = c.members().size();
            assertTrue(members >= 5 && members <= 11 && members % 2 == 1, c.name() + ": " + members + " members (OC-1)");
        }
        assertEquals(ESTATES / 2, estates.size(), "one committee per estate");
        // the filing plans in turn: approved, pending, returned, not filed
        assertEquals(List.of("APPROVED", "SUBMITTED", "RETURNED", "null"), all.stream().sorted(Comparator.comparing(Committee::id))
                .map(c -> String.valueOf(c.filingStatus())).toList());
        long audit = auditRows();
        assertEquals(0, seeder.seedCommittees(context), "idempotent");
        assertEquals(audit, auditRows(), "the second run writes nothing");
    }
}
