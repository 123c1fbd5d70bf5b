package org.smartproperty.developer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.developer.Developer;
import org.smartproperty.developer.DeveloperInput;
import org.smartproperty.developer.DeveloperQuery;
import org.smartproperty.developer.DeveloperService;
import org.smartproperty.developer.DeveloperStatus;
import org.smartproperty.developer.EstateMatch;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.Binding;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.ScopeChanges;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The developer registry (issue 12 item 4, DEV-1) on a real database, through the same changelog and persistence unit
 * as in Karaf, with the estate registry as {@link FakeEstates}; run on PostgreSQL and on the embedded engine (H2) by
 * the subclasses. Also the {@link DeveloperScopeBinder} on the same schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeveloperServiceContract {

    abstract TestDatabase db();

    static final String REGULATOR = "regulator";
    private static int next = 0;

    DeveloperServiceImpl service;
    EntityManagerFactory unit;
    final FakeEstates estates = new FakeEstates();

    /** The audit trail is another component: here it records what the service hands it. */
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final AuditTrail audit = new AuditTrail() {
        @Override
        public void append(Connection sameTransaction, AuditEvent event) {
            assertNotNull(sameTransaction, "written on the service's connection");
            audited.add(event);
        }

        @Override
        public void append(AuditEvent event) {
            throw new AssertionError("audit outside the transaction: " + event);
        }
    };
    /** The security bundle's ScopeChanges: counts the calls, each on the service's connection. */
    final AtomicInteger scopeChanges = new AtomicInteger();
    final ScopeChanges changes = c -> {
        assertNotNull(c, "on the service's connection");
        scopeChanges.incrementAndGet();
    };

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/developer.changelog.xml");
        unit = JpaUnits.create(DeveloperServiceImpl.UNIT, db().dataSource(), Thread.currentThread().getContextClassLoader());
        service = new DeveloperServiceImpl(unit, audit, estates, changes);
    }

    @AfterAll
    void tearDown() {
        if (unit != null) {
            unit.close();
        }
    }

    /** A fresh valid credit code (Zhuhai, enterprise) with both check characters computed. */
    static synchronized String code() {
        String body = "5501" + String.format("%04d", ++next);
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        return first17 + UnifiedSocialCreditCode.checkChar(first17);
    }

    static DeveloperInput input(String name, String code, List<Long> estateIds) {
        return new DeveloperInput(name, code, "张建华", "李经理", "0756-8881234", "横琴粤澳深度合作区环岛东路1号", estateIds);
    }

    private static long estateSeq = 1000;

    synchronized long estate(String developerText) {
        return estates.add(++estateSeq, developerText).id();
    }

    // ------------------------------------------------------------ registration and matching (DEV-1)

    @Test
    void registeringLinksTheEstatesWhoseDeveloperTextIsTheName_DEV_1() {
        long a = estate("琴海房地产开发有限公司");
        long b = estate(" 琴海房地产开发有限公司 ");
        long other = estate("另一家置业有限公司");
        long none = estate(null);
        int changesBefore = scopeChanges.get();

        Developer d = service.create(input(" 琴海房地产开发有限公司 ", code().toLowerCase(), null), REGULATOR);

        assertEquals("琴海房地产开发有限公司", d.name());
        assertEquals(UnifiedSocialCreditCode.normalize(d.creditCode()), d.creditCode());
        assertEquals(DeveloperStatus.ACTIVE, d.status());
        assertEquals(List.of(a, b), d.estateIds());
        assertTrue(!d.estateIds().contains(other) && !d.estateIds().contains(none));
        assertEquals(changesBefore + 1, scopeChanges.get(), "a new developer binds a login: scopes changed in the transaction");
        AuditEvent e = last("developer.create");
        assertEquals("developer", e.objectType());
        assertEquals(String.valueOf(d.id()), e.objectId());
        assertTrue(e.summary().contains("\"estates\":[" + a + "," + b + "]"), e.summary());

        Developer read = service.get(DataScope.ALL, d.id());
        assertEquals(List.of(d.id(), d.name(), d.creditCode(), d.estateIds(), d.version()),
                List.of(read.id(), read.name(), read.creditCode(), read.estateIds(), read.version()));
    }

    @Test
    void matchLinksNewEstatesAndReportsThoseAnotherDeveloperHolds_DEV_1() {
        String name = "横琴琴澳置业有限公司";
        long first = estate(name);
        Developer d = service.create(input(name, code(), null), REGULATOR);
        assertEquals(List.of(first), d.estateIds());

        long later = estate(name);
        long held = estate(name);
        service.create(input("别的开发商", code(), List.of(held)), REGULATOR);
        int changesBefore = scopeChanges.get();

        EstateMatch m = service.matchEstates(d.id(), REGULATOR);
        assertEquals(List.of(later), m.linked());
        assertEquals(List.of(held), m.linkedElsewhere());
        assertEquals(List.of(first, later), m.developer().estateIds());
        assertTrue(m.developer().version() > d.version(), "the ETag covers the estates");
        assertEquals(changesBefore + 1, scopeChanges.get());
        assertTrue(last("developer.matchEstates").summary().contains("\"linked\":[" + later + "]"));

        EstateMatch again = service.matchEstates(d.id(), REGULATOR);
        assertEquals(List.of(), again.linked());
        assertEquals(m.developer().version(), again.developer().version(), "nothing new: no write");
        assertEquals(changesBefore + 1, scopeChanges.get(), "nothing new: no scope change");
    }

    @Test
    void theEstateRegistryIsReadPageByPage() {
        String name = "分页开发有限公司";
        List<Long> many = new java.util.ArrayList<>();
        for (int i = 0; i < 230; i++) {
            many.add(estate(i % 2 == 0 ? name : "x"));
        }
        int calls = estates.listCalls;
        Developer d = service.create(input(name, code(), null), REGULATOR);
        assertEquals(many.stream().filter(id -> name.equals(estates.estates.get(id).developer())).toList(), d.estateIds());
        assertTrue(estates.listCalls - calls >= 2, "more than one page of estates");
    }

    @Test
    void invalidInputIs400WithEveryFieldAtOnce() {
        ApiException e = assertThrows(ApiException.class, () -> service.create(
                new DeveloperInput(" ", "91440400MA4W3K7B98", null, null, "abc", null, List.of(0L)), REGULATOR));
        assertEquals(400, e.status());
        assertEquals(List.of("name", "creditCode", "legalRepresentative", "phone", "estateIds[0]"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals("creditCode.check", e.errors().get(1).code());

        ApiException missing = assertThrows(ApiException.class, () -> service.create(input("x", null, null), REGULATOR));
        assertEquals("creditCode.required", missing.errors().get(0).code());
    }

    @Test
    void aTakenCreditCodeIs409() {
        String code = code();
        service.create(input("第一家", code, null), REGULATOR);
        ApiException e = assertThrows(ApiException.class, () -> service.create(input("第二家", " " + code.toLowerCase() + " ", null), REGULATOR));
        assertEquals(409, e.status());
        assertEquals("creditCode.duplicate", e.code());
    }

    @Test
    void listedEstatesMustExistAndBeFree() {
        ApiException unknown = assertThrows(ApiException.class, () -> service.create(input("甲", code(), List.of(987654L)), REGULATOR));
        assertEquals(400, unknown.status());
        assertEquals("estateIds[0]", unknown.errors().get(0).field());
        assertEquals("estate.unknown", unknown.errors().get(0).code());

        long e = estate("乙方");
        service.create(input("乙方", code(), null), REGULATOR);
        String code = code();
        ApiException taken = assertThrows(ApiException.class, () -> service.create(input("丙", code, List.of(e)), REGULATOR));
        assertEquals(409, taken.status());
        assertEquals("estate.linkedElsewhere", taken.code());
        assertEquals(0, service.list(DataScope.ALL, new DeveloperQuery(null, code, null), PageRequest.of(0, 5)).total(), "nothing half-written");
    }

    @Test
    void withoutTheEstateRegistryWritesAre503AndNothingIsWritten() {
        String code = code();
        service.estates(null);
        try {
            ApiException e = assertThrows(ApiException.class, () -> service.create(input("丁", code, null), REGULATOR));
            assertEquals(503, e.status());
        } finally {
            service.estates(estates);
        }
        assertEquals(0, service.list(DataScope.ALL, new DeveloperQuery(null, code, null), PageRequest.of(0, 5)).total());
    }

    // ------------------------------------------------------------ update, revoke

    @Test
    void updateNeedsTheCurrentVersionAndReplacesTheEstates() {
        long a = estate("戊");
        long b = estate("其他");
        Developer d = service.create(input("戊", code(), null), REGULATOR);
        assertEquals(List.of(a), d.estateIds());

        ApiException stale = assertThrows(ApiException.class, () -> service.update(d.id(), d.version() + 7, input("戊", d.creditCode(), null), REGULATOR));
        assertEquals(412, stale.status());

        int changesBefore = scopeChanges.get();
        Developer u = service.update(d.id(), d.version(), new DeveloperInput("戊公司", d.creditCode(), "王五", null, null, null, List.of(b)), REGULATOR);
        assertEquals("戊公司", u.name());
        assertEquals("王五", u.legalRepresentative());
        assertNull(u.contact());
        assertEquals(List.of(b), u.estateIds());
        assertTrue(u.version() > d.version());
        assertEquals(changesBefore + 1, scopeChanges.get());
        assertTrue(last("developer.update").summary().contains("\"before\":[\"戊\""), last("developer.update").summary());

        Developer kept = service.update(u.id(), u.version(), input("戊公司", u.creditCode(), null), REGULATOR);
        assertEquals(List.of(b), kept.estateIds(), "estateIds null keeps the links");
    }

    @Test
    void revokeNeedsAReasonIsFinalAndChangesTheScopes() {
        Developer d = service.create(input("己", code(), null), REGULATOR);
        ApiException noReason = assertThrows(ApiException.class, () -> service.revoke(d.id(), d.version(), " ", REGULATOR));
        assertEquals(400, noReason.status());
        assertEquals("reason.required", noReason.errors().get(0).code());

        int changesBefore = scopeChanges.get();
        Developer r = service.revoke(d.id(), d.version(), "营业执照已吊销", REGULATOR);
        assertEquals(DeveloperStatus.REVOKED, r.status());
        assertEquals("营业执照已吊销", r.revokedReason());
        assertEquals(changesBefore + 1, scopeChanges.get(), "sessions of the developer follow at once");
        assertTrue(last("developer.revoke").summary().contains("营业执照已吊销"));

        assertEquals(409, assertThrows(ApiException.class, () -> service.revoke(r.id(), r.version(), "again", REGULATOR)).status());
        assertEquals(409, assertThrows(ApiException.class, () -> service.update(r.id(), r.version(), input("己", r.creditCode(), null), REGULATOR)).status());
        assertEquals(409, assertThrows(ApiException.class, () -> service.matchEstates(r.id(), REGULATOR)).status());
        assertEquals(1, service.list(DataScope.ALL, new DeveloperQuery("己", null, DeveloperStatus.REVOKED), PageRequest.of(0, 5)).total());
    }

    // ------------------------------------------------------------ data scope

    @Test
    void aDeveloperSeesOnlyItselfOthersNothing_DEV_1() {
        Developer mine = service.create(input("庚", code(), null), REGULATOR);
        Developer other = service.create(input("辛", code(), null), REGULATOR);
        DataScope own = DataScope.developer(mine.id(), Set.of());

        assertEquals(mine.id(), service.get(own, mine.id()).id());
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(own, other.id())).status());
        Page<Developer> seen = service.list(own, DeveloperQuery.all(), PageRequest.of(0, 50));
        assertEquals(List.of(mine.id()), seen.items().stream().map(Developer::id).toList());
        assertEquals(1, seen.total());

        for (DataScope s : List.of(DataScope.NONE, DataScope.company(mine.id()), DataScope.committee(1), DataScope.owner(mine.id()))) {
            assertEquals(404, assertThrows(ApiException.class, () -> service.get(s, mine.id())).status(), s.toString());
            assertEquals(0, service.list(s, DeveloperQuery.all(), PageRequest.of(0, 50)).total(), s.toString());
        }
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(null, mine.id())).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(DataScope.ALL, 99_999_999L)).status());
        assertTrue(service.list(DataScope.ALL, DeveloperQuery.all(), PageRequest.of(0, 200)).total() >= 2);
    }

    @Test
    void listFiltersAndSorts() {
        Developer a = service.create(input("Sort A Developer Ltd", code(), null), REGULATOR);
        Developer b = service.create(input("Sort B Developer Ltd", code(), null), REGULATOR);
        Page<Developer> p = service.list(DataScope.ALL, new DeveloperQuery("sort ", null, DeveloperStatus.ACTIVE),
                PageRequest.parse("0", "10", "-name", DeveloperService.SORT));
        assertEquals(List.of(b.id(), a.id()), p.items().stream().map(Developer::id).toList());
        assertEquals(List.of(a.id()), service.list(DataScope.ALL, new DeveloperQuery(null, a.creditCode().toLowerCase(), null),
                PageRequest.of(0, 10)).items().stream().map(Developer::id).toList());
    }

    // ------------------------------------------------------------ the scope binder (issue 12)

    @Test
    void aLegalPersonWithTheCodeOfAnActiveDeveloperActsAsIt_DEV_1() throws Exception {
        long e1 = estate("壬开发");
        long e2 = estate("壬开发");
        Developer d = service.create(input("壬开发", code(), null), REGULATOR);

        List<Binding> got = bind(new AccountIdentity(7, "gd-tyrz", null, null, d.creditCode()));
        assertEquals(1, got.size());
        Binding b = got.get(0);
        assertEquals("developer:" + d.id(), b.key());
        assertEquals(Role.DEVELOPER, b.role());
        assertEquals(DataScope.developer(d.id(), Set.of(e1, e2)), b.scope());
        assertEquals(d.id(), b.scope().developerId());
        assertEquals(Set.of(), b.permissions());
        assertEquals("壬开发", b.label());

        assertEquals(got, bind(new AccountIdentity(7, "gd-tyrz", null, null, d.creditCode().toLowerCase())), "codes compare normalised");
    }

    @Test
    void aRevokedDeveloperAnOtherCodeOrANaturalPersonBindNothing() throws Exception {
        Developer d = service.create(input("癸开发", code(), null), REGULATOR);
        assertEquals(1, bind(new AccountIdentity(8, "gd-tyrz", null, null, d.creditCode())).size());

        assertEquals(List.of(), bind(new AccountIdentity(8, "gd-tyrz", null, null, code())), "a code no developer has");
        assertEquals(List.of(), bind(new AccountIdentity(8, "gd-tyrz", "111", "440402199001011234", null)), "a natural person");
        assertEquals(List.of(), bind(new AccountIdentity(8, "gd-tyrz", null, null, "not a code")));

        service.revoke(d.id(), d.version(), "撤销", REGULATOR);
        assertEquals(List.of(), bind(new AccountIdentity(8, "gd-tyrz", null, null, d.creditCode())), "revoked: no binding");
    }

    private List<Binding> bind(AccountIdentity identity) throws Exception {
        try (Connection c = db().dataSource().getConnection()) {
            return new DeveloperScopeBinder().bindings(c, identity);
        }
    }

    // ------------------------------------------------------------ contributions

    @Test
    void theContributionsGrantTheRolesOfIssue12Item4() {
        Contribution c = Contribution.load("org.smartproperty.developer.impl", DeveloperServiceImpl.class, "/META-INF/spm/developer.contributions.properties");
        Set<Contribution.Grant> expected = Set.of(
                new Contribution.Grant("REGULATOR", "developer:read"), new Contribution.Grant("REGULATOR", "developer:write"),
                new Contribution.Grant("OFFICER", "developer:read"), new Contribution.Grant("OFFICER", "developer:write"),
                new Contribution.Grant("INSPECTOR", "developer:read"), new Contribution.Grant("DEVELOPER", "developer:read"));
        assertEquals(expected, Set.copyOf(c.grants()));
        assertEquals(List.of(), c.messageKinds());
        assertEquals(List.of("developer"), c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList());
    }

    private AuditEvent last(String action) {
        return audited.stream().filter(a -> a.action().equals(action)).reduce((a, b) -> b).orElseThrow();
    }
}
