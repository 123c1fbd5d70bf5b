package org.smartproperty.vote.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.estate.VotingRegister;
import org.smartproperty.estate.internal.EstateServiceImpl;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.vote.Channel;
import org.smartproperty.vote.Choice;
import org.smartproperty.vote.Comparison;
import org.smartproperty.vote.Fraction;
import org.smartproperty.vote.MatterCategory;
import org.smartproperty.vote.Outcome;
import org.smartproperty.vote.RuleInput;
import org.smartproperty.vote.Views;
import org.smartproperty.vote.Vote;
import org.smartproperty.vote.VoteInput;
import org.smartproperty.vote.VoteQuery;
import org.smartproperty.vote.VoteResult;
import org.smartproperty.vote.VoteRule;
import org.smartproperty.vote.VoteStatus;

/**
 * Owners' votes on a real database with the real estate register (est_verified_ownership through
 * {@code EstateService.votingRegister}), file store and audit trail; notices are stand-ins. Time moves by a {@link MutableClock}
 * and the job's work ({@code tick}). Run on PostgreSQL and H2 by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VoteServiceContract {

    abstract TestDatabase db();

    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR),
            Set.of("vote:read", "vote:supervise", "vote:settings", "vote:rules"), DataScope.ALL, false, "127.0.0.1");

    VoteServiceImpl service;
    EntityManagerFactory unit;
    EntityManagerFactory estateUnit;
    FileStoreImpl files;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T02:00:00Z"));
    final List<String> notices = new CopyOnWriteArrayList<>();
    final AtomicLong ids = new AtomicLong(10_000);

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/files.changelog.xml", "db/estate.changelog.xml", "db/vote.changelog.xml")) {
            db().migrate(c);
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        AuditTrail audit = AuditTrailImpl.standalone(db().dataSource());
        files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-files"));
        unit = JpaUnits.create(VoteServiceImpl.UNIT, db().dataSource(), cl);
        estateUnit = JpaUnits.create("estate", db().dataSource(), cl);
        AccountDirectory directory = proxy(AccountDirectory.class, (m, a) -> switch (m) {
            case "accountsOf" -> {
                DataScope s = (DataScope) a[0];
                yield List.of(new AccountDirectory.Contact(500_000 + s.ownerId(), "owner-" + s.ownerId(), "业主", "13812345678"));
            }
            case "accountsWithRole" -> List.of();
            case "contact", "identity" -> Optional.empty();
            default -> throw new UnsupportedOperationException(m);
        });
        service = new VoteServiceImpl(unit, audit, files, directory);
        service.estates = EstateServiceImpl.standalone(estateUnit, audit);
        service.clock = clock;
        service.notifications = proxy(Notifications.class, (m, a) -> {
            notices.add("notify:" + a[1] + ":" + a[2]);
            return 1L;
        });
        service.sms = proxy(SmsOutbox.class, (m, a) -> {
            notices.add("sms:" + a[1]);
            return "out";
        });
    }

    interface Handler {
        Object handle(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Handler h) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.getName().equals("toString") ? type.getSimpleName() : m.getName().equals("hashCode") ? 1 : false;
            }
            return h.handle(m.getName(), a);
        });
    }

    @AfterAll
    void tearDown() {
        for (EntityManagerFactory u : new EntityManagerFactory[] {unit, estateUnit}) {
            if (u != null) {
                u.close();
            }
        }
    }

    // ------------------------------------------------------------------ the register (SQL on est_*: the estate domain's own tables)

    /** An estate in the register: owners' houses with verified titles, unsold and unverified houses. */
    final class Register {
        final long estateId = ids.incrementAndGet();
        final long companyId = ids.incrementAndGet();
        final long buildingId = ids.incrementAndGet();

        Register() throws Exception {
            sql("INSERT INTO est_estate (id, name, address, community, admin_code, company_id, company_name, status, version, created_at, created_by,"
                    + " updated_at, updated_by) VALUES (" + estateId + ", '投票测试小区" + estateId + "', '横琴', '横琴', '440404', " + companyId
                    + ", '测试物业', 'ACTIVE', 1, CURRENT_TIMESTAMP, 't', CURRENT_TIMESTAMP, 't')");
            sql("INSERT INTO est_building (id, estate_id, number, floors_above, floors_below, version, created_at, created_by, updated_at, updated_by)"
                    + " VALUES (" + buildingId + ", " + estateId + ", '1', 30, 0, 1, CURRENT_TIMESTAMP, 't', CURRENT_TIMESTAMP, 't')");
        }

        long house(String area, String status) throws Exception {
            long id = ids.incrementAndGet();
            sql("INSERT INTO est_house (id, estate_id, building_id, unit_code, floor_no, room_no, house_use, measured_area, status, version, created_at,"
                    + " created_by, updated_at, updated_by) VALUES (" + id + ", " + estateId + ", " + buildingId + ", 'U" + id + "', 1, '" + id
                    + "', 'RESIDENTIAL', " + area + ", '" + status + "', 1, CURRENT_TIMESTAMP, 't', CURRENT_TIMESTAMP, 't')");
            return id;
        }

        /** An owner holding verified titles to new houses of these areas; @return the owner id */
        long owner(String... areas) throws Exception {
            long owner = ids.incrementAndGet();
            sql("INSERT INTO est_owner (id, name, id_type, id_number, version, created_at, created_by, updated_at, updated_by) VALUES (" + owner
                    + ", '业主" + owner + "', 'CN_RESIDENT_ID', 'N" + owner + "', 1, CURRENT_TIMESTAMP, 't', CURRENT_TIMESTAMP, 't')");
            for (String a : areas) {
                long h = house(a, "SOLD");
                sql("INSERT INTO est_house_owner (id, house_id, owner_id, created_at) VALUES (" + ids.incrementAndGet() + ", " + h + ", " + owner
                        + ", CURRENT_TIMESTAMP)");
                sql("INSERT INTO est_title_verification (id, house_id, owner_id, verified_at, result, exclusive_area, certificate_no, registry_source,"
                        + " verified_by) VALUES (" + ids.incrementAndGet() + ", " + h + ", " + owner + ", CURRENT_TIMESTAMP, 'HELD', " + a + ", 'C" + h
                        + "', 'TEST', 't')");
            }
            return owner;
        }

        SpmPrincipal committee() {
            return new SpmPrincipal(2, "committee-" + estateId, Set.of(Role.COMMITTEE), Set.of("vote:read", "vote:manage", "vote:paper", "vote:settings"),
                    DataScope.committee(estateId), false, "127.0.0.1");
        }

        SpmPrincipal company() {
            return new SpmPrincipal(3, "company-" + companyId, Set.of(Role.COMPANY), Set.of("vote:read", "vote:manage"), DataScope.company(companyId),
                    false, "127.0.0.1");
        }
    }

    static SpmPrincipal owner(long ownerId) {
        return new SpmPrincipal(ownerId, "owner-" + ownerId, Set.of(Role.OWNER), Set.of("vote:read", "vote:cast"), DataScope.owner(ownerId), false,
                "127.0.0.1");
    }

    void sql(String s) throws Exception {
        try (Connection c = db().dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(s);
        }
    }

    VoteInput input(Register r, String title, boolean change, MatterCategory... categories) {
        List<VoteInput.MatterInput> ms = new ArrayList<>();
        for (MatterCategory c : categories) {
            ms.add(new VoteInput.MatterInput("事项 " + c.name(), null, c.name()));
        }
        Instant start = clock.instant().plus(Duration.ofDays(16));
        return new VoteInput(r.estateId, title, "说明", start, start.plus(Duration.ofDays(7)), change, ms);
    }

    /** Created by the committee, noticed, and opened by the clock's job. */
    Vote opened(Register r, VoteInput in) {
        Vote v = service.create(r.committee(), in);
        v = service.notice(r.committee(), v.id(), v.version());
        clock.set(in.startsAt().plusSeconds(60));
        service.tick();
        return service.get(REGULATOR, v.id());
    }

    void closeNow(Vote v) {
        clock.set(v.endsAt().plusSeconds(1));
        service.tick();
    }

    static Views.BallotInput ballot(Vote v, Choice... choices) {
        List<Views.ChoiceInput> out = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] != null) {
                out.add(new Views.ChoiceInput(v.matters().get(i).id(), choices[i].name()));
            }
        }
        return new Views.BallotInput(out);
    }

    static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    static String code(Runnable r) {
        try {
            r.run();
            return null;
        } catch (ApiException e) {
            return e.errors() == null || e.errors().isEmpty() ? e.code() : e.errors().get(0).field() + ":" + e.errors().get(0).code();
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theRegisterGivesVerifiedTitlesAndUnsoldHouses_VOTE_1_VOTE_5() throws Exception {
        Register r = new Register();
        long o1 = r.owner("50.00", "30.00");
        r.house("10.00", "UNSOLD");
        r.house("20.00", "SOLD"); // an owner not verified
        VotingRegister reg = service.estates.votingRegister(r.estateId);
        assertEquals(3, reg.titles().size());
        assertEquals(2, reg.titles().stream().filter(t -> Long.valueOf(o1).equals(t.ownerId())).count());
        assertEquals(new BigDecimal("10.00"), reg.titles().stream().filter(VotingRegister.Title::unsold).findFirst().orElseThrow().exclusiveArea());
        assertEquals(1, reg.unverifiedHouses());
    }

    /**
     * The scenario: notice → open (electorate frozen) → ballots (a changed one, a paper one) → close (tally) → publish,
     * with a 3/4 matter passing, a matter failing the quorum on heads while passing it on area (exactly 2/3 of the area), and a
     * majority matter failing on area; the stored result equals the recomputation; public views and receipts.
     */
    @Test
    void fromNoticeToPublishedResult_VOTE_2_3_4_6_8_DIS_4() throws Exception {
        Register r = new Register();
        long o1 = r.owner("50.00", "30.00"); // one head, 80.00 (2/3 of 120.00)
        List<Long> small = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            small.add(r.owner("5.00"));
        }
        r.house("10.00", "UNSOLD"); // one head by EACH_HOUSE_ONE_HEAD (VOTE-5)
        r.house("33.00", "SOLD"); // unverified: not in the electorate
        VoteInput in = input(r, "三项表决", true, MatterCategory.FUND_RAISE, MatterCategory.COVENANT, MatterCategory.OTHER);

        Vote draft = service.create(r.committee(), in);
        assertEquals(VoteStatus.DRAFT, draft.status());
        assertEquals(3, draft.matters().size());
        assertEquals(new Fraction(3, 4, Comparison.GE), draft.matters().get(0).rule().pass());
        assertEquals(new Fraction(1, 2, Comparison.GT), draft.matters().get(1).rule().pass());
        assertEquals(404, status(() -> service.get(owner(o1), draft.id())), "an owner never sees a draft");

        // VOTE-8: a start less than 15 days after the notice is refused
        VoteInput soon = new VoteInput(r.estateId, "太快", null, clock.instant().plus(Duration.ofDays(14)), clock.instant().plus(Duration.ofDays(20)),
                false, in.matters());
        Vote quick = service.create(r.committee(), soon);
        assertEquals("startsAt:vote.noticeTooShort", code(() -> service.notice(r.committee(), quick.id(), quick.version())));

        notices.clear();
        Vote noticed = service.notice(r.committee(), draft.id(), draft.version());
        assertEquals(VoteStatus.NOTICED, noticed.status());
        assertEquals(7, notices.stream().filter(n -> n.startsWith("notify:")).count(), "in-app notice to each verified owner's account");
        assertEquals(7, notices.stream().filter(n -> n.startsWith("sms:")).count());
        assertEquals(409, status(() -> service.cast(owner(o1), draft.id(), ballot(noticed, Choice.AGREE))), "not open yet");

        clock.set(in.startsAt().plusSeconds(1));
        assertTrue(service.tick() >= 1);
        Vote open = service.get(REGULATOR, draft.id());
        assertEquals(VoteStatus.OPEN, open.status());
        assertEquals(8, open.electorHeads());
        assertEquals("120.00", open.electorArea());
        Views.ElectorPage electorate = service.electorate(r.committee(), open.id(), null, null, PageRequest.of(0, 50));
        assertEquals(1, electorate.unverifiedHouses());
        assertEquals(2, electorate.items().stream().filter(e -> e.key().equals("O" + o1)).findFirst().orElseThrow().units().size());

        // ballots: O1 on all three; O2 changes its ballot; O3, O4 online; O5 on paper; O6 disagrees/abstains; O7 does not vote
        Views.CastResult first = service.cast(owner(o1), open.id(), ballot(open, Choice.AGREE, Choice.AGREE, Choice.DISAGREE));
        assertEquals(3, first.receipts().size());
        assertEquals(64, first.receipts().get(0).receipt().length());
        Views.CastResult before = service.cast(owner(small.get(0)), open.id(), ballot(open, Choice.DISAGREE, null, Choice.AGREE));
        Views.CastResult changed = service.cast(owner(small.get(0)), open.id(), ballot(open, Choice.AGREE));
        assertTrue(changed.receipts().get(0).changed());
        for (int i = 1; i <= 2; i++) {
            service.cast(owner(small.get(i)), open.id(), ballot(open, Choice.AGREE, null, Choice.AGREE));
        }
        String fileId = files.upload(new ByteArrayInputStream("%PDF-1.4\n% paper ballot\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)), "ballot.pdf",
                r.committee().getName()).id();
        assertEquals("scan:vote.scanRequired", code(() -> service.castPaper(r.committee(), open.id(),
                new Views.PaperBallotInput("O" + small.get(3), List.of(new Views.ChoiceInput(open.matters().get(0).id(), "AGREE")), List.of()))));
        Views.CastResult paper = service.castPaper(r.committee(), open.id(), new Views.PaperBallotInput("O" + small.get(3),
                ballot(open, Choice.AGREE, null, Choice.AGREE).choices(), List.of(new AttachmentInput("扫描件", fileId))));
        assertEquals(Channel.PAPER, paper.receipts().get(0).channel());
        service.cast(owner(small.get(4)), open.id(), ballot(open, Choice.DISAGREE, null, Choice.ABSTAIN));
        // not an elector; bad input
        assertEquals("problem.notFound", code(() -> service.cast(owner(999_999), open.id(), ballot(open, Choice.AGREE))), "no house here: 404");
        assertEquals("choices[0].choice:vote.choiceUnknown", code(() -> service.cast(owner(o1), open.id(),
                new Views.BallotInput(List.of(new Views.ChoiceInput(open.matters().get(0).id(), "MAYBE"))))));
        assertEquals("choices[0].matterId:vote.matterUnknown", code(() -> service.cast(owner(o1), open.id(),
                new Views.BallotInput(List.of(new Views.ChoiceInput(1L, "AGREE"))))));

        Views.MyBallot mine = service.myBallot(owner(small.get(0)), open.id());
        assertEquals(2, mine.ballots().size());
        assertTrue(mine.canChange());
        assertEquals(6, service.get(REGULATOR, open.id()).participatingHeads());
        List<Views.BallotRow> papers = service.ballots(r.committee(), open.id(), null, Channel.PAPER, PageRequest.of(0, 10)).items();
        assertEquals(2, papers.size(), "one paper ballot sheet, two matters");
        assertTrue(papers.stream().allMatch(b -> b.scan().size() == 1 && b.electorKey().equals("O" + small.get(3))), papers.toString());

        closeNow(open);
        assertEquals("vote.notOpen", code(() -> service.cast(owner(small.get(5)), open.id(), ballot(open, Choice.AGREE))), "nothing after the deadline");
        Vote closed = service.get(REGULATOR, open.id());
        assertEquals(VoteStatus.CLOSED, closed.status());
        VoteResult result = service.result(r.committee(), closed.id());
        VoteResult.MatterResult m1 = result.matters().get(0);
        VoteResult.MatterResult m2 = result.matters().get(1);
        VoteResult.MatterResult m3 = result.matters().get(2);
        assertEquals(Outcome.PASSED, m1.outcome(), m1.toString());
        assertEquals(5, m1.agree().heads());
        assertEquals("100.00", m1.agree().area());
        assertEquals(6, m1.participating().heads());
        assertTrue(m2.quorumArea().met(), "80.00 of 120.00 is exactly 2/3 (≥)");
        assertEquals("0.6667", m2.quorumArea().ratio());
        assertFalse(m2.quorumHeads().met(), "1 of 8 heads");
        assertEquals(Outcome.NO_QUORUM, m2.outcome());
        assertTrue(m3.quorumMet());
        assertTrue(m3.passHeads().met(), "4 of 6 heads");
        assertFalse(m3.passArea().met(), "20.00 of 105.00");
        assertEquals(Outcome.FAILED, m3.outcome());
        assertEquals(1, m3.abstain().heads());
        assertEquals(0, m1.deemed().heads(), "the estate allows no deemed votes");

        Views.Verification check = service.verify(REGULATOR, closed.id());
        assertTrue(check.matches(), check.toString());
        assertEquals("vote.noResult", code(() -> service.result(owner(o1), closed.id())), "an owner sees the result once published");

        // receipts (public, no names): the changed ballot's first receipt is superseded, the new one counted
        Views.ReceiptCheck old = service.checkReceipt(before.receipts().get(0).receipt());
        assertFalse(old.counted());
        assertTrue(old.superseded());
        assertTrue(service.checkReceipt(changed.receipts().get(0).receipt()).counted());
        assertEquals(400, status(() -> service.checkReceipt("abc")));
        assertEquals(404, status(() -> service.checkReceipt("0".repeat(64))));

        assertNull(service.publicGet(closed.id()).result());
        Vote published = service.publish(r.committee(), closed.id(), closed.version());
        assertEquals(VoteStatus.PUBLISHED, published.status());
        assertEquals(Outcome.NO_QUORUM, service.publicGet(closed.id()).result().matters().get(1).outcome());
        assertEquals(Outcome.PASSED, service.result(owner(o1), closed.id()).matters().get(0).outcome());
        assertTrue(service.publicList(r.estateId, PageRequest.of(0, 10)).items().stream().anyMatch(p -> p.id() == closed.id() && p.participatingHeads() == 6));
        assertEquals(List.of("create", "notice", "open", "close", "publish"),
                service.events(REGULATOR, closed.id()).stream().map(Views.Event::action).toList());
    }

    @Test
    void aBallotIsFinalUnlessTheVoteAllowsChanges_VOTE_6() throws Exception {
        Register r = new Register();
        long o1 = r.owner("60.00");
        r.owner("40.00");
        Vote v = opened(r, input(r, "不可改票", false, MatterCategory.OTHER));
        service.cast(owner(o1), v.id(), ballot(v, Choice.AGREE));
        assertEquals("vote.ballotFinal", code(() -> service.cast(owner(o1), v.id(), ballot(v, Choice.DISAGREE))));
        assertFalse(service.myBallot(owner(o1), v.id()).canChange());
    }

    /** VOTE-7: deemed votes only where the estate's rules allow them, frozen when the vote opens, shown apart. */
    @Test
    void deemedVotesWhereTheEstateAllowsThem_VOTE_7() throws Exception {
        Register r = new Register();
        List<Long> os = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            os.add(r.owner("25.00"));
        }
        assertEquals("basis:vote.basisRequired", code(() -> service.updateSetting(r.committee(), r.estateId, 0, new Views.SettingInput(true, null))));
        Views.Setting s = service.updateSetting(r.committee(), r.estateId, 0, new Views.SettingInput(true, "议事规则第18条"));
        assertEquals(412, status(() -> service.updateSetting(r.committee(), r.estateId, 0, new Views.SettingInput(false, null))));
        assertTrue(service.setting(r.committee(), r.estateId).deemedAllowed());
        Vote v = opened(r, input(r, "视为同意", false, MatterCategory.OTHER));
        assertTrue(v.deemedAllowed());
        service.updateSetting(r.committee(), r.estateId, s.version(), new Views.SettingInput(false, null)); // frozen: changes nothing now
        for (int i = 0; i < 3; i++) {
            service.cast(owner(os.get(i)), v.id(), ballot(v, i < 2 ? Choice.AGREE : Choice.DISAGREE));
        }
        closeNow(v);
        VoteResult.MatterResult m = service.result(REGULATOR, v.id()).matters().get(0);
        assertEquals(2, m.agree().heads(), "real ballots apart");
        assertEquals(1, m.deemed().heads());
        assertEquals("25.00", m.deemed().area());
        assertEquals(Choice.AGREE, m.deemed().side());
        assertEquals(Outcome.PASSED, m.outcome());
    }

    @Test
    void scopesOfCompanyOwnerAndRegulator_COS_4_OCS_6_SVC_VOTE_2() throws Exception {
        Register a = new Register();
        Register b = new Register();
        long ownerA = a.owner("80.00");
        long ownerB = b.owner("80.00");
        Vote byCompany = service.create(a.company(), input(a, "企业发起", false, MatterCategory.PROPERTY_SERVICE));
        assertEquals("COMPANY", byCompany.initiatorKind());
        assertEquals("estateId:vote.estateOutOfScope", code(() -> service.create(a.company(), input(b, "别家小区", false, MatterCategory.OTHER))));
        assertEquals("estateId:vote.estateOutOfScope", code(() -> service.create(a.committee(), input(b, "别家小区", false, MatterCategory.OTHER))));
        Vote inB = service.create(b.committee(), input(b, "B小区", false, MatterCategory.OTHER));
        assertEquals(404, status(() -> service.get(a.company(), inB.id())));
        assertEquals(404, status(() -> service.get(a.committee(), inB.id())));
        assertTrue(service.list(a.company(), new VoteQuery(null, null, null), PageRequest.of(0, 200)).items().stream().allMatch(v -> v.estateId() == a.estateId));
        assertEquals("vote.notInitiator", code(() -> service.notice(a.committee(), byCompany.id(), byCompany.version())),
                "the committee does not notice the company's vote");
        assertEquals(200, status(() -> service.get(REGULATOR, inB.id())));
        Vote noticed = service.notice(b.committee(), inB.id(), inB.version());
        assertEquals(200, status(() -> service.get(owner(ownerB), inB.id())));
        assertEquals(404, status(() -> service.get(owner(ownerA), inB.id())), "an owner of another estate");
        assertEquals(404, status(() -> service.cast(owner(ownerA), inB.id(), new Views.BallotInput(List.of(new Views.ChoiceInput(1L, "AGREE"))))));
        assertEquals(403, status(() -> service.events(owner(ownerB), inB.id())));
        Vote suspended = service.suspend(REGULATOR, noticed.id(), noticed.version(), "核查");
        assertEquals(VoteStatus.SUSPENDED, suspended.status());
        assertEquals(VoteStatus.NOTICED, suspended.suspendedFrom());
        assertEquals("reason:vote.reasonRequired", code(() -> service.resume(REGULATOR, suspended.id(), suspended.version(), " ")));
        assertEquals(412, status(() -> service.resume(REGULATOR, suspended.id(), suspended.version() - 1, "好")));
        assertEquals(VoteStatus.NOTICED, service.resume(REGULATOR, suspended.id(), suspended.version(), "核查完毕").status());
    }

    @Test
    void badInputIs400WithEveryField() throws Exception {
        Register r = new Register();
        ApiException e = assertThrows(ApiException.class, () -> service.create(r.committee(),
                new VoteInput(null, " ", null, Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), false,
                        List.of(new VoteInput.MatterInput("x", null, "NOPE")))));
        assertEquals(400, e.status());
        List<String> fields = e.errors().stream().map(f -> f.field()).toList();
        assertTrue(fields.containsAll(List.of("estateId", "title", "endsAt", "matters[0].category")), fields.toString());
    }

    @Test
    void rulesAreDataNeverLaxerThanTheLaw_VOTE_3_VOTE_4() {
        List<VoteRule> rules = service.rules();
        assertEquals(9, rules.size());
        VoteRule rebuild = rules.stream().filter(x -> x.category() == MatterCategory.REBUILD).findFirst().orElseThrow();
        assertEquals("pass:vote.rule.belowLaw", code(() -> service.updateRule(REGULATOR, MatterCategory.REBUILD, rebuild.version(),
                new RuleInput(MatterCategory.QUORUM, new Fraction(2, 3, Comparison.GE)))));
        VoteRule stricter = service.updateRule(REGULATOR, MatterCategory.REBUILD, rebuild.version(), new RuleInput(MatterCategory.QUORUM,
                new Fraction(4, 5, Comparison.GE)));
        assertNotEquals(rebuild.version(), stricter.version());
        service.updateRule(REGULATOR, MatterCategory.REBUILD, stricter.version(), new RuleInput(MatterCategory.QUORUM, MatterCategory.THREE_QUARTERS));
    }

    /** VOTE-6 under load: many owners cast at once through the service; none lost, none twice; changes keep one counted ballot. */
    @Test
    void concurrentBallotsNoneLostNoneTwice_VOTE_6() throws Exception {
        Register r = new Register();
        List<Long> owners = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            owners.add(r.owner("88.00"));
        }
        Vote v = opened(r, input(r, "并发", true, MatterCategory.OTHER, MatterCategory.FUND_USE));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (long o : owners) {
                // the same owner twice at once: the elector's row lock orders them, the second changes the first (allowed here)
                fs.add(pool.submit(() -> service.cast(owner(o), v.id(), ballot(v, Choice.DISAGREE, Choice.AGREE))));
                fs.add(pool.submit(() -> service.cast(owner(o), v.id(), ballot(v, Choice.AGREE, Choice.DISAGREE))));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        closeNow(v);
        VoteResult res = service.result(REGULATOR, v.id());
        VoteResult.MatterResult m0 = res.matters().get(0);
        assertEquals(200, m0.participating().heads(), "one counted ballot per owner and matter");
        assertEquals(200, m0.agree().heads() + m0.disagree().heads());
        assertEquals(m0.agree().heads(), res.matters().get(1).disagree().heads(), "each owner's two matters come from the same request");
        long rows;
        try (Connection c = db().dataSource().getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM vot_ballot WHERE vote_id = " + v.id())) {
            rs.next();
            rows = rs.getLong(1);
        }
        assertEquals(800, rows, "every request's ballots are kept: 400 counted, 400 superseded");
        assertTrue(service.verify(REGULATOR, v.id()).matches());
    }

    @Test
    void theContributionsParse() {
        Contribution c = Contribution.load("org.smartproperty.vote.impl", VoteServiceImpl.class, "/META-INF/spm/vote.contributions.properties");
        assertTrue(c.grants().contains(new Contribution.Grant("OWNER", "vote:cast")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "vote:supervise")));
        assertEquals(Set.of("VOTE_NOTICE", "VOTE_RESULT", "VOTE_SUSPENDED", "VOTE_OPEN"),
                Set.copyOf(c.messageKinds().stream().map(Contribution.MessageKindDef::name).toList()));
        assertEquals(List.of("vote"), c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList());
        assertFalse(service.configure(14, "EACH_HOUSE_ONE_HEAD", 60), "VOTE-8: fewer than 15 days refused");
        assertEquals(15, service.noticeDays);
        assertTrue(service.configure(20, "DEVELOPER_ONE_HEAD", 60));
        assertTrue(service.configure(15, "EACH_HOUSE_ONE_HEAD", 60));
        assertNotNull(Map.of());
    }
}
