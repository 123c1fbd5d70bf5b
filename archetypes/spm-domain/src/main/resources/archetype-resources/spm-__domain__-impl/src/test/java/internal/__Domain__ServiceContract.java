package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ${package}.${Domain};
import ${package}.${Domain}Input;
import ${package}.${Domain}Service;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Behaviour of the ${domain} domain on a real database, through the same changelog and persistence unit as in Karaf;
 * run on PostgreSQL and on the embedded engine (H2) by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ${Domain}ServiceContract {

    abstract TestDatabase db();

    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR),
            Set.of("${domain}:read", "${domain}:write"), DataScope.ALL, false, "127.0.0.1");

    ${Domain}ServiceImpl service;
    EntityManagerFactory unit;

    /** The audit trail is another component: here it records what the service hands it, on its own connection. */
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final AuditTrail audit = new AuditTrail() {
        @Override
        public void append(java.sql.Connection sameTransaction, AuditEvent event) {
            assertNotNull(sameTransaction, "written on the service's connection");
            audited.add(event);
        }

        @Override
        public void append(AuditEvent event) {
            audited.add(event);
        }
    };

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/${domain}.changelog.xml");
        unit = JpaUnits.create(${Domain}ServiceImpl.UNIT, db().dataSource(), Thread.currentThread().getContextClassLoader());
        service = new ${Domain}ServiceImpl(unit, audit);
    }

    @AfterAll
    void tearDown() {
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    void createdIsListedAndAudited() {
        ${Domain} made = service.create(REGULATOR, new ${Domain}Input("  first  "));
        assertNotNull(made.id());
        assertEquals("first", made.title());
        assertEquals("regulator", made.createdBy());
        assertNotNull(made.createdAt());

        Page<${Domain}> page = service.list(REGULATOR, PageRequest.parse(null, null, "-id", ${Domain}Service.SORT));
        assertTrue(page.items().stream().anyMatch(x -> x.id().equals(made.id()) && x.title().equals("first")), page.toString());
        assertTrue(page.total() >= 1);

        AuditEvent event = audited.stream().filter(a -> a.action().equals("${domain}.create")).reduce((a, b) -> b).orElseThrow();
        assertEquals("${domain}", event.objectType());
        assertEquals(String.valueOf(made.id()), event.objectId());
        assertEquals("{\"title\":\"first\"}", event.summary());
    }

    @Test
    void aBlankTitleIs400WithTheField() {
        ApiException e = assertThrows(ApiException.class, () -> service.create(REGULATOR, new ${Domain}Input(" ")));
        assertEquals(400, e.status());
        assertEquals("title", e.errors().get(0).field());
    }

    @Test
    void aTitleTakenIs409() {
        service.create(REGULATOR, new ${Domain}Input("twice"));
        ApiException e = assertThrows(ApiException.class, () -> service.create(REGULATOR, new ${Domain}Input("twice")));
        assertEquals(409, e.status());
        assertEquals("title.duplicate", e.code());
    }

    @Test
    void aConfigurationOutOfRangeIsRefused() {
        assertFalse(service.configure(0));
        assertTrue(service.configure(3));
        ApiException e = assertThrows(ApiException.class, () -> service.create(REGULATOR, new ${Domain}Input("ab")));
        assertEquals("title.tooShort", e.errors().get(0).code());
        assertTrue(service.configure(1));
    }

    @Test
    void theContributionsParseAndGrantTheRegulator() {
        Contribution c = Contribution.load("${package}.impl", ${Domain}ServiceImpl.class, "/META-INF/spm/${domain}.contributions.properties");
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "${domain}:read")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "${domain}:write")), c.grants().toString());
        assertEquals(List.of("${domain.toUpperCase()}_CREATED"), c.messageKinds().stream().map(Contribution.MessageKindDef::name).toList());
        assertEquals(List.of("${domain}"), c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList());
    }
}
