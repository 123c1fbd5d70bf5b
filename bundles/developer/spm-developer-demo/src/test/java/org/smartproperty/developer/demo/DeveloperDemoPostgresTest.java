package org.smartproperty.developer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.developer.Developer;
import org.smartproperty.developer.DeveloperQuery;
import org.smartproperty.developer.DeveloperService;
import org.smartproperty.developer.internal.DeveloperServiceImpl;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.internal.EstateServiceImpl;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The developer domain's demo data (issue 12 item 4) on PostgreSQL with the real estate, developer and audit
 * implementations: every developer the estates name is registered with its estates linked, the first estate's developer
 * carries the login code (never the identity simulator's company code), and a second run writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeveloperDemoPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final List<String> DEVELOPERS = List.of("珠海琴海房地产开发有限公司", "横琴琴澳置业有限公司", "珠海大横琴置业有限公司");

    EntityManagerFactory estateUnit;
    EntityManagerFactory developerUnit;
    EstateService estates;
    DeveloperService developers;
    DeveloperDemoSeeder seeder;
    DemoContext context;

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/estate.changelog.xml", "db/developer.changelog.xml")) {
            db.migrate(c);
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        AuditTrail audit = AuditTrailImpl.standalone(db.dataSource());
        estateUnit = JpaUnits.create("estate", db.dataSource(), cl);
        developerUnit = JpaUnits.create("developer", db.dataSource(), cl);
        estates = EstateServiceImpl.standalone(estateUnit, audit);
        developers = DeveloperServiceImpl.standalone(developerUnit, audit, estates, null);
        for (int i = 0; i < 7; i++) { // the estates name their developer as free text (the real-estate sync's project field)
            estates.create(new EstateInput(String.format("HQ-DEMO-%03d", i + 1), "演示小区" + i, "横琴新区环岛东路" + i + "号", "小横琴社区",
                    "440402104", new GeoPoint(113.54, 22.13), null, DEVELOPERS.get(i % DEVELOPERS.size()), null, null,
                    new BigDecimal("3.50"), null), "demo-seed");
        }
        seeder = new DeveloperDemoSeeder();
        seeder.developers = developers;
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
        developerUnit.close();
    }

    long auditRows() throws Exception {
        return Long.parseLong(db.strings("SELECT COUNT(*) FROM aud_event").get(0));
    }

    @Test
    void everyNamedDeveloperRegisteredWithItsEstatesOnceOnly() throws Exception {
        assertEquals(DEVELOPERS.size(), seeder.seedDevelopers(context));
        List<Developer> registry = developers.list(DataScope.ALL, DeveloperQuery.all(), PageRequest.of(0, 50)).items();
        assertEquals(DEVELOPERS.size(), registry.size());
        for (Estate e : context.estates()) {
            Developer d = registry.stream().filter(r -> r.name().equals(e.developer())).findFirst().orElseThrow();
            assertTrue(d.estateIds().contains(e.id()), e.name() + " linked to " + d.name());
        }
        Developer first = registry.stream().filter(r -> r.name().equals(DEVELOPERS.get(0))).findFirst().orElseThrow();
        assertEquals(DeveloperDemoSeeder.LOGIN_CREDIT_CODE, first.creditCode());
        for (Developer d : registry) {
            assertTrue(UnifiedSocialCreditCode.isValid(d.creditCode()), d.creditCode());
            assertNotEquals(DeveloperDemoSeeder.SIMULATOR_COMPANY_CODE, d.creditCode(), "the simulator's legal person is a company");
        }
        assertEquals(Set.copyOf(registry.stream().map(Developer::creditCode).toList()).size(), registry.size());

        long audit = auditRows();
        assertEquals(0, seeder.seedDevelopers(context), "idempotent");
        assertEquals(DEVELOPERS.size(), developers.list(DataScope.ALL, DeveloperQuery.all(), PageRequest.of(0, 50)).total());
        assertEquals(audit, auditRows(), "the second run writes nothing");
    }

    @Test
    void theCodesAreValidAndNotTheCompaniesDemoRange() {
        assertTrue(UnifiedSocialCreditCode.isValid(DeveloperDemoSeeder.LOGIN_CREDIT_CODE));
        for (int i = 0; i < 12; i++) {
            assertTrue(UnifiedSocialCreditCode.isValid(DeveloperDemoSeeder.creditCode(i)));
            assertTrue(DeveloperDemoSeeder.creditCode(i).startsWith("9144040044043"), "companies use 4404 2601+i");
        }
    }
}
