package org.smartproperty.company.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
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
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.Filing;
import org.smartproperty.company.FilingStatus;
import org.smartproperty.company.internal.CompanyServiceImpl;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.internal.EstateServiceImpl;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The company domain's demo data (issue 11 item 2) on PostgreSQL with the real estate, company, file store and audit
 * implementations: every estate's managing company in the registry and the estate pointed at it, filings approved,
 * pending and returned, and a second run adds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyDemoPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final List<String> NAMES = List.of("横琴琴澳物业服务有限公司", "珠海华琴物业管理有限公司", "横琴新区城市服务有限公司", "珠海海湾物业服务有限公司",
            "横琴粤澳物业管理有限公司");

    EntityManagerFactory estateUnit;
    EntityManagerFactory companyUnit;
    EstateService estates;
    CompanyService companies;
    CompanyDemoSeeder seeder;
    DemoContext context;

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/estate.changelog.xml", "db/company.changelog.xml", "db/files.changelog.xml")) {
            db.migrate(c);
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        AuditTrail audit = AuditTrailImpl.standalone(db.dataSource());
        FileStoreImpl files = new FileStoreImpl(db.dataSource(), Files.createTempDirectory("spm-files"));
        estateUnit = JpaUnits.create("estate", db.dataSource(), cl);
        companyUnit = JpaUnits.create("company", db.dataSource(), cl);
        estates = EstateServiceImpl.standalone(estateUnit, audit);
        companies = CompanyServiceImpl.standalone(companyUnit, audit, files);
        for (int i = 0; i < 8; i++) { // the estates name their company; the registry does not know it yet
            estates.create(new EstateInput(String.format("HQ-DEMO-%03d", i + 1), "演示小区" + i, "横琴新区环岛东路" + i + "号", "小横琴社区",
                    "440402104", new GeoPoint(113.54, 22.13), null, "横琴开发有限公司", null, NAMES.get(i % NAMES.size()),
                    new BigDecimal("3.50"), null), "demo-seed");
        }
        seeder = new CompanyDemoSeeder();
        seeder.companies = companies;
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
                return NAMES;
            }

            @Override
            public Optional<Owner> owner(String unitCode) {
                return Optional.empty();
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
        companyUnit.close();
    }

    long auditRows() throws Exception {
        return Long.parseLong(db.strings("SELECT COUNT(*) FROM aud_event").get(0));
    }

    @Test
    void everyEstatesCompanyRegisteredWithFilingsApprovedPendingAndReturnedOnceOnly() throws Exception {
        assertEquals(NAMES.size(), seeder.seedCompanies(context));
        List<Company> registry = companies.list(DataScope.ALL, new CompanyQuery(null, null), PageRequest.of(0, 50)).items();
        assertEquals(NAMES.size(), registry.size());
        for (Estate e : context.estates()) {
            assertNotNull(e.companyId(), e.name() + " points at the registry");
            Company c = registry.stream().filter(r -> r.id() == e.companyId()).findFirst().orElseThrow();
            assertEquals(e.companyName(), c.name());
        }
        Set<FilingStatus> latest = EnumSet.noneOf(FilingStatus.class);
        for (Company c : registry) {
            List<Filing> filings = companies.filings(DataScope.ALL, c.id());
            assertTrue(!filings.isEmpty(), c.name() + " filed");
            latest.add(filings.stream().max(Comparator.comparing(Filing::id)).orElseThrow().status());
        }
        assertEquals(EnumSet.allOf(FilingStatus.class), latest, "approved, pending and returned");
        long audit = auditRows();
        assertEquals(0, seeder.seedCompanies(context), "idempotent");
        assertEquals(NAMES.size(), companies.list(DataScope.ALL, new CompanyQuery(null, null), PageRequest.of(0, 50)).total());
        assertEquals(audit, auditRows(), "the second run writes nothing");
    }
}
