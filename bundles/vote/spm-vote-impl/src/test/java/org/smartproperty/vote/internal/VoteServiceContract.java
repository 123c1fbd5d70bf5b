package org.smartproperty.vote.internal;

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
import org.smartproperty.vote.Vote;
import org.smartproperty.vote.VoteInput;
import org.smartproperty.vote.VoteService;
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
 * Behaviour of the vote domain on a real database, through the same changelog and persistence unit as in Karaf;
 * run on PostgreSQL and on the embedded engine (H2) by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VoteServiceContract {

    abstract TestDatabase db();

    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR),
            Set.of("vote:read", "vote:write"), DataScope.ALL, false, "127.0.0.1");

    VoteServiceImpl service;
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
        db().migrate("db/vote.changelog.xml");
        unit = JpaUnits.create(VoteServiceImpl.UNIT, db().dataSource(), Thread.currentThread().getContextClassLoader());
        service = new VoteServiceImpl(unit, audit);
    }

    @AfterAll
    void tearDown() {
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    void createdIsListedAndAudited() {
        Vote made = service.create(REGULATOR, new VoteInput("  first  "));
        assertNotNull(made.id());
        assertEquals("first", made.title());
        assertEquals("regulator", made.createdBy());
        assertNotNull(made.createdAt());

        Page<Vote> page = service.list(REGULATOR, PageRequest.parse(null, null, "-id", VoteService.SORT));
        assertTrue(page.items().stream().anyMatch(x -> x.id().equals(made.id()) && x.title().equals("first")), page.toString());
        assertTrue(page.total() >= 1);

        AuditEvent event = audited.stream().filter(a -> a.action().equals("vote.create")).reduce((a, b) -> b).orElseThrow();
        assertEquals("vote", event.objectType());
        assertEquals(String.valueOf(made.id()), event.objectId());
        assertEquals("{\"title\":\"first\"}", event.summary());
    }

    @Test
    void aBlankTitleIs400WithTheField() {
        ApiException e = assertThrows(ApiException.class, () -> service.create(REGULATOR, new VoteInput(" ")));
        assertEquals(400, e.status());
        assertEquals("title", e.errors().get(0).field());
    }

    @Test
    void aTitleTakenIs409() {
        service.create(REGULATOR, new VoteInput("twice"));
        ApiException e = assertThrows(ApiException.class, () -> service.create(REGULATOR, new VoteInput("twice")));
        assertEquals(409, e.status());
        assertEquals("title.duplicate", e.code());
    }

    @Test
    void aConfigurationOutOfRangeIsRefused() {
        assertFalse(service.configure(0));
        assertTrue(service.configure(3));
        ApiException e = assertThrows(ApiException.class, () -> service.create(REGULATOR, new VoteInput("ab")));
        assertEquals("title.tooShort", e.errors().get(0).code());
        assertTrue(service.configure(1));
    }

    @Test
    void theContributionsParseAndGrantTheRegulator() {
        Contribution c = Contribution.load("org.smartproperty.vote.impl", VoteServiceImpl.class, "/META-INF/spm/vote.contributions.properties");
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "vote:read")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "vote:write")), c.grants().toString());
        assertEquals(List.of("VOTE_CREATED"), c.messageKinds().stream().map(Contribution.MessageKindDef::name).toList());
        assertEquals(List.of("vote"), c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList());
    }
}
