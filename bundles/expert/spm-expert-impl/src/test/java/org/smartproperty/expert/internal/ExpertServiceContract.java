package org.smartproperty.expert.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.expert.Admission;
import org.smartproperty.expert.Draw;
import org.smartproperty.expert.DrawEvent;
import org.smartproperty.expert.DrawInput;
import org.smartproperty.expert.DrawReplay;
import org.smartproperty.expert.DrawSeat;
import org.smartproperty.expert.Evaluation;
import org.smartproperty.expert.Expert;
import org.smartproperty.expert.ExpertInput;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.expert.ExpertQuery;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.expert.ExpertStatus;
import org.smartproperty.expert.RatingInput;
import org.smartproperty.expert.StatusChange;
import org.smartproperty.expert.Tie;
import org.smartproperty.expert.TieKind;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notification;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Behaviour of the expert domain on a real database (SUP-EX-1..4, TND-5), through the same changelog and persistence unit
 * as in Karaf; run on PostgreSQL and on the embedded engine (H2) by the subclasses. Each test draws from a specialty of its
 * own so the pools do not mix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExpertServiceContract {

    abstract TestDatabase db();

    static final Set<String> ALL_PERMS = Set.of("expert:read", "expert:manage", "expert:review", "expert:draw", "expert:confirm");
    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR), ALL_PERMS, DataScope.ALL, false, "127.0.0.1");
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T02:00:00Z"));
    ExpertServiceImpl service;
    ExpertProjectsImpl projects;
    FileStoreImpl files;
    EntityManagerFactory unit;
    final AtomicInteger seq = new AtomicInteger();

    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final AuditTrail audit = new AuditTrail() {
        @Override
        public void append(Connection sameTransaction, AuditEvent event) {
            assertNotNull(sameTransaction, "written on the service's connection");
            audited.add(event);
        }

        @Override
        public void append(AuditEvent event) {
            audited.add(event);
        }
    };

    /** What the notification domain was handed: "SMS kind phone" / "APP kind account". */
    final List<String> sent = new CopyOnWriteArrayList<>();
    final SmsOutbox sms = (c, r) -> {
        assertNotNull(c);
        sent.add("SMS " + r.kind().name() + " " + r.phone() + " seat=" + r.params().get("seat"));
        return "out-" + sent.size();
    };
    final Notifications notifications = new Notifications() {
        @Override
        public long notify(Connection c, long account, MessageKind kind, Map<String, String> params, String link) {
            assertNotNull(c);
            sent.add("APP " + kind.name() + " " + account + " seat=" + params.get("seat"));
            return sent.size();
        }

        @Override
        public Page<Notification> list(long accountId, boolean unreadOnly, PageRequest page, Locale locale) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markRead(long accountId, long notificationId) {
        }

        @Override
        public int markAllRead(long accountId) {
            return 0;
        }
    };
    /** Expert accounts: username → account id. */
    final Map<String, Long> accounts = new java.util.concurrent.ConcurrentHashMap<>();
    final AccountDirectory directory = new AccountDirectory() {
        @Override
        public Optional<Contact> contact(long accountId) {
            return Optional.empty();
        }

        @Override
        public List<Contact> accountsOf(DataScope scope) {
            return List.of();
        }

        @Override
        public List<Contact> accountsWithRole(Role role) {
            return role != Role.EXPERT ? List.of()
                    : accounts.entrySet().stream().map(e -> new Contact(e.getValue(), e.getKey(), e.getKey(), null)).toList();
        }

        @Override
        public Optional<AccountIdentity> identity(long accountId) {
            return Optional.empty();
        }
    };

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/files.changelog.xml", "db/expert.changelog.xml")) {
            db().migrate(c);
        }
        files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-files"));
        unit = JpaUnits.create(ExpertServiceImpl.UNIT, db().dataSource(), Thread.currentThread().getContextClassLoader());
        service = new ExpertServiceImpl(unit, audit, files, directory, sms, notifications, clock);
        projects = new ExpertProjectsImpl(db().dataSource(), audit, clock);
    }

    @AfterAll
    void tearDown() {
        if (unit != null) {
            unit.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    static SpmPrincipal expertUser(String account) {
        return new SpmPrincipal(3, account, Set.of(Role.EXPERT), Set.of("expert:read", "expert:apply", "expert:confirm"), DataScope.NONE, false,
                "127.0.0.1");
    }

    static SpmPrincipal developer(long developerId) {
        return new SpmPrincipal(4, "dev-" + developerId, Set.of(Role.DEVELOPER), Set.of("expert:read", "expert:draw"),
                DataScope.developer(developerId, Set.of()), false, "127.0.0.1");
    }

    static SpmPrincipal committee(long estateId) {
        return new SpmPrincipal(5, "ocm-" + estateId, Set.of(Role.COMMITTEE), Set.of("expert:read", "expert:draw"), DataScope.committee(estateId),
                false, "127.0.0.1");
    }

    Expert expert(String specialty, List<Tie> ties) {
        int n = seq.incrementAndGet();
        String account = "exp-" + specialty.toLowerCase(Locale.ROOT) + "-" + n;
        accounts.put(account, 9000L + n);
        return service.create(REGULATOR, new ExpertInput("专家" + specialty + n, "44040019800101" + String.format("%04d", n), "138" + String.format("%08d", n),
                List.of(specialty, "FINANCE"), "高级工程师", null, "某单位", account, ties));
    }

    List<Expert> pool(String specialty, int n) {
        List<Expert> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(expert(specialty, List.of()));
        }
        return out;
    }

    long project(long sourceId, String kind, long tendererId, Set<Long> bidders) {
        return Jdbc.write(db().dataSource(), c -> {
            long id = projects.record(c, new ExpertProjects.ProjectRecord("tender", sourceId, "ZB-2026-" + sourceId, "物业服务招标 " + sourceId, 11L,
                    kind, tendererId, clock.instant().plus(Duration.ofDays(3))), "tenderer");
            projects.bidders(c, "tender", sourceId, bidders, "tenderer");
            return id;
        });
    }

    Draw draw(SpmPrincipal caller, long projectId, String specialty) {
        return service.draw(caller, new DrawInput(projectId, 5, 4, 2, specialty, List.of("招标人代表"), null), ZH);
    }

    ApiException badDraw(DrawInput in) {
        ApiException e = assertThrows(ApiException.class, () -> service.draw(REGULATOR, in, ZH));
        assertEquals(400, e.status(), e.toString());
        return e;
    }

    // ------------------------------------------------------------------ pool

    @Test
    void thePoolIsListedMaskedAndAnExpertSeesOnlyItself() {
        Expert a = expert("POOLA", List.of(new Tie(501L, TieKind.EMPLOYER, LocalDate.parse("2020-01-01"), null)));
        Expert b = expert("POOLA", List.of());
        assertEquals(ExpertStatus.ACTIVE, a.status());
        assertEquals(1, a.ties().size());
        Page<Expert> page = service.list(REGULATOR, new ExpertQuery(null, null, "POOLA"), PageRequest.parse(null, null, "id", ExpertService.SORT));
        assertEquals(2, page.total());
        assertFalse(page.items().get(0).idNumber().equals(a.idNumber()), "id number masked in lists: " + page.items().get(0).idNumber());
        assertEquals(a.idNumber(), service.get(REGULATOR, a.id()).idNumber());

        SpmPrincipal self = expertUser(a.accountName());
        Page<Expert> own = service.list(self, ExpertQuery.ALL, PageRequest.parse(null, null, null, ExpertService.SORT));
        assertEquals(List.of(a.id()), own.items().stream().map(Expert::id).toList());
        assertEquals(a.id(), service.me(self).id());
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(self, b.id())).status());

        Expert suspended = service.changeStatus(REGULATOR, b.id(), new StatusChange(ExpertStatus.SUSPENDED, "休假"));
        assertEquals(ExpertStatus.SUSPENDED, suspended.status());
        service.changeStatus(REGULATOR, b.id(), new StatusChange(ExpertStatus.REMOVED, "违规"));
        assertEquals(409, assertThrows(ApiException.class, () -> service.changeStatus(REGULATOR, b.id(),
                new StatusChange(ExpertStatus.ACTIVE, "x"))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> service.changeStatus(REGULATOR, a.id(),
                new StatusChange(ExpertStatus.SUSPENDED, " "))).status());

        Expert current = service.get(REGULATOR, a.id());
        assertEquals(412, assertThrows(ApiException.class, () -> service.update(REGULATOR, a.id(), current.version() + 1,
                new ExpertInput("改名", null, "13800000000", List.of("POOLA"), null, null, null, a.accountName(), List.of()))).status());
        Expert renamed = service.update(REGULATOR, a.id(), current.version(),
                new ExpertInput("改名", null, "13800000000", List.of("POOLA"), null, null, null, a.accountName(), List.of()));
        assertEquals("改名", renamed.name());
        assertTrue(renamed.ties().isEmpty());

        ApiException bad = assertThrows(ApiException.class, () -> service.create(REGULATOR,
                new ExpertInput(" ", null, "12", List.of(), null, null, null, null, List.of(new Tie(null, null, null, null)))));
        assertEquals(400, bad.status());
        Set<String> fields = Set.copyOf(bad.errors().stream().map(f -> f.field()).toList());
        assertTrue(fields.containsAll(Set.of("name", "phone", "specialties", "ties[0].companyId", "ties[0].kind")), fields.toString());
    }

    @Test
    void anApplicationIsReturnedResubmittedAndApprovedOnTheReviewKernel() {
        SpmPrincipal applicant = expertUser("applicant-" + seq.incrementAndGet());
        Expert applied = service.apply(applicant, new ExpertInput("申请人", null, "13900000001", List.of("LAW"), "律师", null, "某律所", "someone-else", List.of()));
        assertEquals(ExpertStatus.APPLYING, applied.status());
        assertEquals(applicant.getName(), applied.accountName(), "the account is the caller's whatever the body says");
        assertEquals(409, assertThrows(ApiException.class, () -> service.apply(applicant,
                new ExpertInput("again", null, "13900000001", List.of("LAW"), null, null, null, null, List.of()))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> service.submitAdmission(applicant, applied.id(), List.of())).status());

        Admission first = service.submitAdmission(applicant, applied.id(), List.of(material(applicant.getName(), "执业证书")));
        assertEquals(ReviewState.SUBMITTED, first.status());
        assertEquals(1, first.materials().size());
        assertEquals(409, assertThrows(ApiException.class, () -> service.submitAdmission(applicant, applied.id(),
                List.of(material(applicant.getName(), "x")))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> service.decideAdmission(REGULATOR, applied.id(), first.id(), first.version(),
                ReviewAction.RETURN, " ")).status());
        Admission returned = service.decideAdmission(REGULATOR, applied.id(), first.id(), first.version(), ReviewAction.RETURN, "缺少职称证明");
        assertEquals(ReviewState.RETURNED, returned.status());
        assertEquals(ExpertStatus.APPLYING, service.get(REGULATOR, applied.id()).status());

        Admission second = service.submitAdmission(applicant, applied.id(), List.of(material(applicant.getName(), "职称证书")));
        Admission approved = service.decideAdmission(REGULATOR, applied.id(), second.id(), second.version(), ReviewAction.APPROVE, null);
        assertEquals(ReviewState.APPROVED, approved.status());
        assertEquals(ExpertStatus.ACTIVE, service.me(applicant).status());
        assertEquals(2, service.admissions(applicant, applied.id()).size());
        assertEquals(List.of(ReviewAction.SUBMIT, ReviewAction.RETURN, ReviewAction.RESUBMIT, ReviewAction.APPROVE),
                service.admissionHistory(REGULATOR, applied.id()).stream().map(h -> h.action()).toList());
        assertTrue(service.mayReadAdmission(applicant, first.id()));
        assertFalse(service.mayReadAdmission(expertUser("stranger"), first.id()));
        assertEquals(404, assertThrows(ApiException.class, () -> service.submitAdmission(expertUser("stranger"), applied.id(),
                List.of(material("stranger", "x")))).status());
    }

    AttachmentInput material(String actor, String title) {
        byte[] pdf = ("%PDF-1.4\n% " + title + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(pdf), title + ".pdf", actor).id());
    }

    // ------------------------------------------------------------------ project library, rules

    @Test
    void aProjectIsRecordedOnceBySourceAndItsBiddersFrozenByTheDraw() {
        pool("LIBR", 8);
        long id = project(7001, "DEVELOPER", 61, Set.of(801L, 802L));
        long again = project(7001, "DEVELOPER", 61, Set.of(801L, 802L, 803L));
        assertEquals(id, again, "updated by (source, sourceId)");
        assertEquals(ExpertProjects.Panel.none(), projects.panel("tender", 7001));
        assertEquals(ExpertProjects.Panel.none(), projects.panel("tender", 99999));
        var listed = service.projects(developer(61), PageRequest.parse(null, null, null, Set.of("id"))).items();
        assertTrue(listed.stream().anyMatch(p -> p.id() == id && p.bidderIds().equals(List.of(801L, 802L, 803L))), listed.toString());
        assertTrue(service.projects(developer(62), PageRequest.parse(null, null, null, Set.of("id"))).items().stream().noneMatch(p -> p.id() == id));

        assertEquals(404, assertThrows(ApiException.class, () -> draw(developer(62), id, "LIBR")).status(), "another developer's project");
        assertEquals(404, assertThrows(ApiException.class, () -> draw(committee(11), id, "LIBR")).status());
        Draw d = draw(developer(61), id, "LIBR");
        assertEquals(409, assertThrows(ApiException.class, () -> draw(REGULATOR, id, "LIBR")).status(), "one draw per project");
        ApiException frozen = assertThrows(ApiException.class, () -> Jdbc.write(db().dataSource(), c -> {
            projects.bidders(c, "tender", 7001, Set.of(1L), "tenderer");
            return null;
        }));
        assertEquals(409, frozen.status());
        assertEquals("project.drawn", frozen.code());
        assertEquals(d.id(), projects.panel("tender", 7001).drawId());
    }

    @Test
    void theDrawRulesAreCheckedWithFieldErrorsNamingThem() {
        long id = project(7002, "COMMITTEE", 12, Set.of());
        assertEquals("draw.panelMin", badDraw(new DrawInput(id, 3, 3, 2, null, List.of(), null)).errors().get(0).code());
        ApiException four = badDraw(new DrawInput(id, 4, 4, 2, null, List.of(), null));
        assertTrue(four.errors().stream().anyMatch(f -> f.field().equals("panelSize") && f.code().equals("draw.panelMin")));
        assertTrue(four.errors().stream().anyMatch(f -> f.field().equals("panelSize") && f.code().equals("draw.panelOdd")));
        assertEquals("draw.panelOdd", badDraw(new DrawInput(id, 6, 6, 2, null, List.of(), null)).errors().get(0).code());
        ApiException few = badDraw(new DrawInput(id, 5, 3, 2, null, List.of("a", "b"), null));
        assertEquals("drawnCount", few.errors().get(0).field());
        assertEquals("draw.drawnRatio", few.errors().get(0).code());
        assertEquals("draw.reservesMin", badDraw(new DrawInput(id, 5, 4, 1, null, List.of("a"), null)).errors().get(0).code());
        assertEquals("draw.representatives", badDraw(new DrawInput(id, 5, 4, 2, null, List.of(), null)).errors().get(0).code());
        assertEquals("draw.confirmHours", badDraw(new DrawInput(id, 5, 5, 2, null, List.of(), 0)).errors().get(0).code());
        // local variant: 4/5 drawn
        assertTrue(service.configure(5, "4/5", 2, 24, 3, 60));
        try {
            assertEquals("draw.drawnRatio", badDraw(new DrawInput(id, 7, 5, 2, null, List.of("a", "b"), null)).errors().get(0).code());
        } finally {
            assertTrue(service.configure(5, "2/3", 2, 24, 3, 60));
        }
        assertFalse(service.configure(5, "3/2", 2, 24, 3, 60));
        assertFalse(service.configure(5, "x", 2, 24, 3, 60));
        pool("RULEX", 3);
        ApiException few2 = assertThrows(ApiException.class, () -> service.draw(REGULATOR, new DrawInput(id, 5, 5, 2, "RULEX", List.of(), null), ZH));
        assertEquals(409, few2.status());
        assertEquals("draw.notEnoughExperts", few2.code());
    }

    // ------------------------------------------------------------------ the draw (SUP-EX-3, TND-5)

    @Test
    void expertsWithAnInterestInABidderAreLeftOutAndTheDrawReplays() {
        List<Expert> clean = pool("CONF", 7);
        LocalDate evaluation = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(3)), ExpertServiceImpl.ZONE);
        Expert employee = expert("CONF", List.of(new Tie(901L, TieKind.EMPLOYER, LocalDate.parse("2019-01-01"), null)));
        Expert recentFormer = expert("CONF", List.of(new Tie(902L, TieKind.FORMER_EMPLOYER, null, evaluation.minusYears(1))));
        Expert relative = expert("CONF", List.of(new Tie(901L, TieKind.RELATIVE, null, null)));
        Expert oldFormer = expert("CONF", List.of(new Tie(902L, TieKind.FORMER_EMPLOYER, null, evaluation.minusYears(4))));
        Expert endedEmployer = expert("CONF", List.of(new Tie(901L, TieKind.EMPLOYER, null, evaluation.minusDays(10))));
        Expert otherCompany = expert("CONF", List.of(new Tie(999L, TieKind.EMPLOYER, null, null)));
        Expert suspended = expert("CONF", List.of());
        service.changeStatus(REGULATOR, suspended.id(), new StatusChange(ExpertStatus.SUSPENDED, "休假"));
        long id = project(7003, "DEVELOPER", 63, Set.of(901L, 902L));

        Draw d = draw(REGULATOR, id, "CONF");
        assertEquals(Draw.METHOD, d.method());
        assertEquals(32, d.seed().length());
        assertEquals(7 + 3, d.eligible(), "7 clean + old former employer + ended employer + other company");
        Set<Long> excluded = Set.of(employee.id(), recentFormer.id(), relative.id(), suspended.id());
        List<Long> taken = new ArrayList<>();
        d.seats().stream().filter(s -> !s.representative()).forEach(s -> taken.add(s.expertId()));
        d.reserves().forEach(s -> taken.add(s.expertId()));
        assertEquals(6, taken.size());
        assertTrue(taken.stream().noneMatch(excluded::contains), taken.toString());
        assertEquals(5, d.seats().size());
        assertTrue(d.seats().get(4).representative());
        assertEquals("招标人代表", d.seats().get(4).name());
        assertFalse(d.complete());

        // the order is the SHA-256 order of seed and ids over the eligible experts
        List<Long> eligible = new ArrayList<>(clean.stream().map(Expert::id).toList());
        eligible.addAll(List.of(oldFormer.id(), endedEmployer.id(), otherCompany.id()));
        List<Long> expected = eligible.stream().sorted(java.util.Comparator.comparing((Long e) -> ExpertDraw.hash(d.seed() + ":expert:" + e))
                .thenComparing(e -> e)).limit(6).toList();
        assertEquals(expected, taken);

        DrawReplay replay = service.replay(REGULATOR, d.id(), ZH);
        assertTrue(replay.matches());
        assertEquals(d.seed(), replay.seed());
        assertEquals(expected.subList(0, 4), replay.drawn().stream().map(DrawSeat::expertId).toList());
        assertEquals(expected.subList(4, 6), replay.reserves().stream().map(DrawSeat::expertId).toList());

        // library edits after the draw change neither the draw nor its replay
        service.changeStatus(REGULATOR, expected.get(0), new StatusChange(ExpertStatus.SUSPENDED, "事后停用"));
        assertTrue(service.replay(REGULATOR, d.id(), ZH).matches());

        assertTrue(audited.stream().anyMatch(a -> a.action().equals("expert-draw.create") && a.summary().contains(d.seed())));
        long drawnNotices = sent.stream().filter(s -> s.startsWith("SMS EXPERT_DRAWN")).count();
        assertTrue(drawnNotices >= 4, sent.toString());
    }

    @Test
    void namesAreMaskedUntilPublishedAndThePanelIsUnmaskedForTheTenderService() {
        pool("MASK", 6);
        long id = project(7004, "DEVELOPER", 64, Set.of());
        Draw full = draw(developer(64), id, "MASK");
        // the tenderer who drew sees masked seats
        Draw forDeveloper = service.getDraw(developer(64), full.id(), ZH);
        DrawSeat s1 = forDeveloper.seats().get(0);
        assertTrue(s1.masked());
        assertNull(s1.expertId());
        assertNull(s1.accountName());
        assertEquals("专家 1", s1.name());
        assertEquals("Expert 2", service.getDraw(developer(64), full.id(), Locale.ENGLISH).seats().get(1).name());
        assertTrue(service.getDraw(developer(64), full.id(), ZH).reserves().stream().allMatch(r -> r.masked() && r.expertId() == null));
        assertTrue(service.replay(developer(64), full.id(), ZH).drawn().stream().allMatch(DrawSeat::masked));
        assertTrue(service.events(developer(64), full.id(), ZH).stream().allMatch(e -> e.expertId() == null));
        assertEquals(404, assertThrows(ApiException.class, () -> service.getDraw(developer(65), full.id(), ZH)).status());

        // the regulator sees every name
        Draw forRegulator = service.getDraw(REGULATOR, full.id(), ZH);
        assertTrue(forRegulator.seats().stream().noneMatch(DrawSeat::masked));
        DrawSeat seat2 = forRegulator.seats().get(1);
        assertNotNull(seat2.expertId());

        // the expert on seat 2 sees only itself
        SpmPrincipal onSeat2 = expertUser(seat2.accountName());
        Draw forExpert = service.getDraw(onSeat2, full.id(), ZH);
        assertFalse(forExpert.seats().get(1).masked());
        assertEquals(seat2.name(), forExpert.seats().get(1).name());
        assertTrue(forExpert.seats().get(0).masked());
        assertEquals(404, assertThrows(ApiException.class, () -> service.getDraw(expertUser("nobody"), full.id(), ZH)).status());

        // panel(): unmasked, not complete until every seat confirms
        ExpertProjects.Panel panel = projects.panel("tender", 7004);
        assertEquals(full.id(), panel.drawId());
        assertEquals(5, panel.size());
        assertFalse(panel.complete());
        assertEquals(seat2.expertId(), panel.seats().get(1).expertId());
        assertEquals(seat2.accountName(), panel.seats().get(1).accountName());
        assertTrue(panel.seats().get(4).representative());

        for (int s = 1; s <= 4; s++) {
            DrawSeat holder = service.getDraw(REGULATOR, full.id(), ZH).seats().get(s - 1);
            DrawSeat confirmed = service.confirm(expertUser(holder.accountName()), full.id(), s, ZH);
            assertEquals("CONFIRMED", confirmed.status());
        }
        assertEquals(403, assertThrows(ApiException.class, () -> service.confirm(onSeat2, full.id(), 1, ZH)).status());
        assertEquals(409, assertThrows(ApiException.class, () -> service.confirm(onSeat2, full.id(), 2, ZH)).status());
        assertTrue(projects.panel("tender", 7004).complete());
        assertTrue(service.getDraw(REGULATOR, full.id(), ZH).complete());

        Jdbc.write(db().dataSource(), c -> {
            projects.published(c, "tender", 7004, "tenderer");
            projects.published(c, "tender", 7004, "tenderer"); // idempotent
            return null;
        });
        Draw after = service.getDraw(developer(64), full.id(), ZH);
        assertTrue(after.published());
        assertTrue(after.seats().stream().noneMatch(DrawSeat::masked));
        assertEquals(seat2.name(), after.seats().get(1).name());
        assertTrue(service.events(developer(64), full.id(), ZH).stream().anyMatch(e -> e.kind().equals("PUBLISHED")));

        // each seated expert has the evaluation in its history; the regulator rates it
        List<Evaluation> history = service.evaluations(REGULATOR, seat2.expertId());
        assertEquals(1, history.size());
        assertEquals(id, history.get(0).projectId());
        assertEquals(400, assertThrows(ApiException.class, () -> service.rate(REGULATOR, seat2.expertId(), history.get(0).id(),
                new RatingInput(6, null))).status());
        service.rate(REGULATOR, seat2.expertId(), history.get(0).id(), new RatingInput(4, "认真"));
        Expert rated = service.get(REGULATOR, seat2.expertId());
        assertEquals(0, new java.math.BigDecimal("4.00").compareTo(rated.rating()));
        assertEquals(1, rated.ratingCount());
    }

    @Test
    void aDeclineOrATimeoutGivesTheSeatToTheNextReserveThenBeyondThenLeavesItOpen() {
        pool("SWAP", 7);
        long id = project(7005, "COMMITTEE", 15, Set.of());
        Draw d = service.draw(committee(15), new DrawInput(id, 5, 4, 2, "SWAP", List.of("业委会代表"), 24), ZH);
        Draw seen = service.getDraw(REGULATOR, d.id(), ZH);
        DrawSeat seat1 = seen.seats().get(0);
        DrawSeat reserve1 = seen.reserves().get(0);
        DrawSeat reserve2 = seen.reserves().get(1);

        assertEquals(400, assertThrows(ApiException.class, () -> service.decline(expertUser(seat1.accountName()), d.id(), 1, " ", ZH)).status());
        sent.clear();
        DrawSeat now1 = service.decline(expertUser(seat1.accountName()), d.id(), 1, "出差", ZH);
        assertEquals("PENDING", now1.status());
        Draw afterDecline = service.getDraw(REGULATOR, d.id(), ZH);
        assertEquals(reserve1.expertId(), afterDecline.seats().get(0).expertId());
        assertEquals("RESERVE", afterDecline.seats().get(0).origin());
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("APP EXPERT_REPLACED " + accounts.get(reserve1.accountName()) + " seat=1")), sent.toString());
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("SMS EXPERT_REPLACED")), sent.toString());
        List<String> kinds = service.events(REGULATOR, d.id(), ZH).stream().map(DrawEvent::kind).toList();
        assertTrue(kinds.containsAll(List.of("DRAWN", "RESERVE", "DECLINED", "REPLACED")), kinds.toString());
        List<DrawSeat> confirmations = service.confirmations(REGULATOR, d.id(), ZH);
        assertTrue(confirmations.stream().anyMatch(c -> c.seat() == 1 && "DECLINED".equals(c.status()) && "出差".equals(c.reason())));

        // the regulator records a decline for the expert on seat 2: the second reserve
        service.decline(REGULATOR, d.id(), 2, "电话告知不能参加", ZH);
        assertEquals(reserve2.expertId(), service.getDraw(REGULATOR, d.id(), ZH).seats().get(1).expertId());

        // seat 3 times out: nothing before the deadline, the last eligible expert (supplementary) after it
        assertEquals(0, service.expireConfirmations());
        clock.advance(Duration.ofHours(25));
        int expired = service.expireConfirmations();
        assertEquals(4, expired, "seats 1..4 were all pending for more than 24 h");
        Draw afterTimeout = service.getDraw(REGULATOR, d.id(), ZH);
        assertEquals(1, afterTimeout.seats().stream().filter(s -> "SUPPLEMENTARY".equals(s.origin())).count());
        assertEquals(3, afterTimeout.openSeats(), "7 eligible: 4 drawn + 2 reserves + 1 beyond, then none");
        List<String> after = service.events(REGULATOR, d.id(), ZH).stream().map(DrawEvent::kind).toList();
        assertTrue(after.containsAll(List.of("TIMED_OUT", "SUPPLEMENTARY", "SEAT_OPEN")), after.toString());
        assertFalse(projects.panel("tender", 7005).complete());
        assertTrue(projects.panel("tender", 7005).seats().stream().anyMatch(s -> !s.representative() && s.expertId() == null));
        assertTrue(service.replay(REGULATOR, d.id(), ZH).matches(), "the replacements do not change the original draw");
        assertNotEquals(seat1.expertId(), afterTimeout.seats().get(0).expertId());
    }

    @Test
    void theContributionsParse() {
        Contribution c = Contribution.load("org.smartproperty.expert.impl", ExpertServiceImpl.class, "/META-INF/spm/expert.contributions.properties");
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "expert:manage")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("EXPERT", "expert:confirm")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("DEVELOPER", "expert:draw")), c.grants().toString());
        assertEquals(List.of("EXPERT_DRAWN", "EXPERT_REPLACED"), c.messageKinds().stream().map(Contribution.MessageKindDef::name).toList());
        assertEquals(Set.of("expert", "expert-project", "expert-draw"), Set.copyOf(c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList()));
    }
}
