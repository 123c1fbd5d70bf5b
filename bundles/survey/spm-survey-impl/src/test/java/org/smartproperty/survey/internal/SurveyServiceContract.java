package org.smartproperty.survey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.VotingRegister;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.survey.AnswerInput;
import org.smartproperty.survey.AnswerInput.Answer;
import org.smartproperty.survey.MySurvey;
import org.smartproperty.survey.PublicSatisfaction;
import org.smartproperty.survey.Question;
import org.smartproperty.survey.QuestionKind;
import org.smartproperty.survey.Survey;
import org.smartproperty.survey.SurveyInput;
import org.smartproperty.survey.SurveyInput.QuestionInput;
import org.smartproperty.survey.SurveyQuery;
import org.smartproperty.survey.SurveyResults;
import org.smartproperty.survey.SurveyService;
import org.smartproperty.survey.SurveyStatus;
import org.smartproperty.survey.SurveySubject;

/**
 * Behaviour of the survey domain on a real database, through the same changelog and persistence unit as in Karaf; run on
 * PostgreSQL and on the embedded engine (H2) by the subclasses. The estate register, the account directory and the in-app
 * notifications are doubles: estates 1 (company 10), 2 and 3 (company 20), 4 (no company); owners 101, 102 verified in
 * estate 1, 201 verified in estate 2, 301 owning a house in estate 3 without a verified title.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SurveyServiceContract {

    abstract TestDatabase db();

    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR),
            Set.of("survey:read", "survey:manage"), DataScope.ALL, false, "127.0.0.1");

    static SpmPrincipal owner(long ownerId) {
        return new SpmPrincipal(1000 + ownerId, "owner" + ownerId, Set.of(Role.OWNER), Set.of("survey:answer"), DataScope.owner(ownerId), false, "127.0.0.1");
    }

    static SpmPrincipal committee(long estateId) {
        return new SpmPrincipal(2000 + estateId, "committee" + estateId, Set.of(Role.COMMITTEE), Set.of("survey:read", "survey:answer"),
                DataScope.committee(estateId), false, "127.0.0.1");
    }

    static SpmPrincipal company(long companyId) {
        return new SpmPrincipal(3000 + companyId, "company" + companyId, Set.of(Role.COMPANY), Set.of("survey:read"), DataScope.company(companyId),
                false, "127.0.0.1");
    }

    SurveyServiceImpl service;
    EntityManagerFactory unit;
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final List<String> notified = new CopyOnWriteArrayList<>();
    final List<org.smartproperty.credit.CreditSignal> signals = new CopyOnWriteArrayList<>();
    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

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

    static Estate estate(long id, Long companyId) {
        return new Estate(id, "P" + id, "小区" + id, "addr", null, null, null, null, null, companyId, companyId == null ? null : "企业" + companyId,
                null, null, EstateStatus.ACTIVE, 1, 10, 1, Instant.EPOCH, Instant.EPOCH);
    }

    static final Map<Long, Estate> ESTATES = Map.of(1L, estate(1, 10L), 2L, estate(2, 20L), 3L, estate(3, 20L), 4L, estate(4, null));
    /** estate → verified owners. */
    static final Map<Long, List<Long>> VERIFIED = Map.of(1L, List.of(101L, 102L), 2L, List.of(201L), 3L, List.of(), 4L, List.of(401L));
    /** owner → estates where it owns a house (scope). */
    static final Map<Long, List<Long>> OWNS = Map.of(101L, List.of(1L), 102L, List.of(1L), 201L, List.of(2L), 301L, List.of(3L), 401L, List.of(4L));

    EstateService estates() {
        return new EstateService() {
            @Override
            public Page<Estate> list(DataScope scope, org.smartproperty.estate.EstateQuery query, PageRequest page) {
                List<Estate> out = new ArrayList<>();
                if (page.page() > 0) {
                    return new Page<>(out, page.page(), page.size(), 0);
                }
                if (scope.kind() == DataScope.Kind.OWNER) {
                    OWNS.getOrDefault(scope.ownerId(), List.of()).forEach(id -> out.add(ESTATES.get(id)));
                } else {
                    ESTATES.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(out::add);
                }
                return new Page<>(out, 0, page.size(), out.size());
            }

            @Override
            public Estate get(DataScope scope, long id) {
                Estate e = ESTATES.get(id);
                if (e == null) {
                    throw ApiException.notFound("objects.estate", id);
                }
                return e;
            }

            @Override
            public VotingRegister votingRegister(long estateId) {
                List<VotingRegister.Title> t = new ArrayList<>();
                long house = estateId * 100;
                for (long o : VERIFIED.getOrDefault(estateId, List.of())) {
                    t.add(new VotingRegister.Title(house++, "U" + house, o, BigDecimal.TEN, false));
                }
                t.add(new VotingRegister.Title(house, "U" + house, null, BigDecimal.TEN, true)); // an unsold house counts nobody
                return new VotingRegister(estateId, t, 0);
            }

            // the rest is not used by the survey domain
            @Override public Estate create(org.smartproperty.estate.EstateInput input, String actor) { throw new UnsupportedOperationException(); }
            @Override public Estate update(long id, long v, org.smartproperty.estate.EstateInput input, String actor) { throw new UnsupportedOperationException(); }
            @Override public Estate archive(long id, long v, String actor) { throw new UnsupportedOperationException(); }
            @Override public List<org.smartproperty.estate.Building> buildings(DataScope scope, long estateId) { throw new UnsupportedOperationException(); }
            @Override public org.smartproperty.estate.Building createBuilding(long estateId, org.smartproperty.estate.BuildingInput in, String actor) { throw new UnsupportedOperationException(); }
            @Override public Page<org.smartproperty.estate.House> houses(DataScope scope, long estateId, org.smartproperty.estate.HouseQuery q, PageRequest page) { throw new UnsupportedOperationException(); }
            @Override public org.smartproperty.estate.House createHouse(long estateId, org.smartproperty.estate.HouseInput input, String actor) { throw new UnsupportedOperationException(); }
            @Override public int createHouses(long estateId, List<org.smartproperty.estate.HouseInput> inputs, String actor) { throw new UnsupportedOperationException(); }
            @Override public org.smartproperty.estate.House house(DataScope scope, String unitCode) { throw new UnsupportedOperationException(); }
            @Override public org.smartproperty.estate.House houseUnmasked(DataScope scope, String unitCode, String actor) { throw new UnsupportedOperationException(); }
            @Override public org.smartproperty.estate.House addOwner(String unitCode, org.smartproperty.estate.OwnerInput owner, String actor) { throw new UnsupportedOperationException(); }
        };
    }

    /** Accounts: owner n → account 1000 + n, committee of estate e → 2000 + e, company c → 3000 + c. */
    final AccountDirectory directory = (AccountDirectory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AccountDirectory.class},
            (proxy, method, args) -> {
                if (method.getName().equals("accountsOf")) {
                    DataScope s = (DataScope) args[0];
                    long id = switch (s.kind()) {
                        case OWNER -> 1000 + s.ownerId();
                        case COMMITTEE -> 2000 + s.estateIds().iterator().next();
                        case COMPANY -> 3000 + s.companyId();
                        default -> -1;
                    };
                    return id < 0 ? List.of() : List.of(new AccountDirectory.Contact(id, "a" + id, "A" + id, null));
                }
                if (method.getName().equals("toString")) {
                    return "directory";
                }
                throw new UnsupportedOperationException(method.getName());
            });

    final Notifications inbox = (Notifications) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Notifications.class},
            (proxy, method, args) -> {
                if (method.getName().equals("notify")) {
                    assertNotNull(args[0], "on the service's connection");
                    notified.add(args[1] + ":" + ((MessageKind) args[2]).name());
                    return 1L;
                }
                if (method.getName().equals("toString")) {
                    return "inbox";
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/survey.changelog.xml");
        unit = JpaUnits.create(SurveyServiceImpl.UNIT, db().dataSource(), Thread.currentThread().getContextClassLoader());
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
        service = new SurveyServiceImpl(unit, audit, estates(), null, inbox, directory, clock);
        service.creditSignals((connection, signal) -> {
            assertNotNull(connection, "written on the service's connection");
            signals.add(signal);
        });
    }

    @AfterAll
    void tearDown() {
        if (unit != null) {
            unit.close();
        }
    }

    static List<QuestionInput> questions() {
        return List.of(new QuestionInput(QuestionKind.SCORE, "总体满意度", null, null, true),
                new QuestionInput(QuestionKind.SINGLE, "保洁", List.of("好", "一般", "差"), null, true),
                new QuestionInput(QuestionKind.MULTIPLE, "需要改进", List.of("安保", "绿化", "维修"), null, false),
                new QuestionInput(QuestionKind.TEXT, "意见", null, null, false));
    }

    static SurveyInput input(String title, SurveySubject subject, List<Long> estateIds) {
        return new SurveyInput(title, "说明", subject, TODAY.minusDays(10), TODAY.plusDays(10), false, estateIds, null, questions());
    }

    static AnswerInput answers(Survey s, int score, String text) {
        List<Question> q = s.questions();
        return new AnswerInput(null, List.of(new Answer(q.get(0).id(), score, null, null), new Answer(q.get(1).id(), null, List.of(0), null),
                new Answer(q.get(2).id(), null, List.of(0, 2), null), new Answer(q.get(3).id(), null, null, text)));
    }

    @Test
    void aQuestionnaireWithoutItsPartsIs400WithEveryField_SVC_SAT_1() {
        ApiException e = assertThrows(ApiException.class, () -> service.create(REGULATOR,
                new SurveyInput(" ", null, null, null, null, false, List.of(), null, List.of())));
        assertEquals(400, e.status());
        Set<String> fields = e.errors().stream().map(f -> f.field()).collect(Collectors.toSet());
        assertEquals(Set.of("title", "subject", "periodFrom", "periodTo", "estateIds", "questions"), fields);

        ApiException q = assertThrows(ApiException.class, () -> service.create(REGULATOR, new SurveyInput("q", null, SurveySubject.COMPANY,
                TODAY, TODAY.minusDays(1), false, List.of(1L, 99L), null, List.of(new QuestionInput(QuestionKind.SINGLE, "x", List.of("only"), "A1", true)))));
        Set<String> qf = q.errors().stream().map(f -> f.field()).collect(Collectors.toSet());
        assertEquals(Set.of("periodTo", "estateIds[1]", "questions[0].options", "questions[0].indicatorCode"), qf);
    }

    @Test
    void onlyTheRegulatorBuildsSurveys() {
        ApiException e = assertThrows(ApiException.class, () -> service.create(company(10), input("x", SurveySubject.COMPANY, List.of(1L))));
        assertEquals(403, e.status());
    }

    @Test
    void aSurveyIsOpenedAnsweredOnceClosedRankedAndPublished_SVC_SAT_2_OWN_6_OCS_9_ANA_5() throws Exception {
        Survey draft = service.create(REGULATOR, input("物业服务满意度 2026Q4", SurveySubject.COMPANY, List.of(1L, 2L, 3L, 4L)));
        assertEquals(SurveyStatus.DRAFT, draft.status());
        assertEquals(4, draft.questions().size());
        assertEquals(List.of("好", "一般", "差"), draft.questions().get(1).options());
        assertEquals(409, assertThrows(ApiException.class, () -> service.create(REGULATOR, input("物业服务满意度 2026Q4", SurveySubject.COMPANY,
                List.of(1L)))).status());
        // a company sees no draft; an owner cannot answer a draft
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(company(10), draft.id())).status());
        assertEquals(412, assertThrows(ApiException.class, () -> service.open(REGULATOR, draft.id(), draft.version() + 1)).status());

        notified.clear();
        Survey open = service.open(REGULATOR, draft.id(), draft.version());
        assertEquals(SurveyStatus.OPEN, open.status());
        // estate 4 has no company: not targeted by a company survey
        assertEquals(List.of(1L, 2L, 3L), open.targets().stream().map(Survey.Target::estateId).toList());
        assertTrue(notified.containsAll(List.of("1101:SURVEY_OPENED", "1102:SURVEY_OPENED", "1201:SURVEY_OPENED", "2001:SURVEY_EVALUATE",
                "2003:SURVEY_EVALUATE")), notified.toString());
        assertFalse(notified.contains("1301:SURVEY_OPENED"), "an owner without a verified title is not invited");
        assertEquals(409, assertThrows(ApiException.class, () -> service.update(REGULATOR, open.id(), open.version(),
                input("x", SurveySubject.COMPANY, List.of(1L)))).status());

        // OWN-6: verified owners see it and answer once
        List<MySurvey> mine = service.mine(owner(101));
        MySurvey m = mine.stream().filter(x -> x.survey().id().equals(open.id())).findFirst().orElseThrow();
        assertFalse(m.answered());
        assertEquals(List.of(1L), m.estateIds());
        service.answer(owner(101), open.id(), answers(open, 5, "保安很好，张三"));
        assertTrue(service.mine(owner(101)).stream().filter(x -> x.survey().id().equals(open.id())).findFirst().orElseThrow().answered());
        ApiException twice = assertThrows(ApiException.class, () -> service.answer(owner(101), open.id(), answers(open, 1, null)));
        assertEquals(409, twice.status());
        assertEquals("answer.already", twice.code());
        service.answer(owner(102), open.id(), answers(open, 3, null));
        service.answer(owner(201), open.id(), answers(open, 4, null));
        // an owner without a verified title in a targeted estate, and an owner of an estate not targeted: 404
        assertEquals(404, assertThrows(ApiException.class, () -> service.answer(owner(301), open.id(), answers(open, 5, null))).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.answer(owner(401), open.id(), answers(open, 5, null))).status());
        assertTrue(service.mine(owner(301)).stream().noneMatch(x -> x.survey().id().equals(open.id())));
        // invalid answers: every field at once
        ApiException bad = assertThrows(ApiException.class, () -> service.answer(owner(102), open.id(), new AnswerInput(null, List.of(
                new Answer(open.questions().get(0).id(), 6, null, null), new Answer(open.questions().get(1).id(), null, List.of(0, 1), null)))));
        assertEquals(400, bad.status());
        assertEquals(Set.of("answers[0].score", "answers[1].choices"), bad.errors().stream().map(f -> f.field()).collect(Collectors.toSet()));

        // OCS-9: the committee evaluates its company once
        service.answer(committee(1), open.id(), answers(open, 2, "委员会意见"));
        assertEquals(409, assertThrows(ApiException.class, () -> service.answer(committee(1), open.id(), answers(open, 2, null))).status());

        // results: the regulator while OPEN, the others once CLOSED
        assertEquals(409, assertThrows(ApiException.class, () -> service.results(company(10), open.id())).status());
        SurveyResults live = service.results(REGULATOR, open.id());
        assertEquals(2, live.rows().size());

        Survey current = service.get(REGULATOR, open.id());
        assertEquals(4, current.respondents());
        Survey closed = service.close(REGULATOR, current.id(), current.version());
        assertEquals(SurveyStatus.CLOSED, closed.status());
        assertEquals(409, assertThrows(ApiException.class, () -> service.answer(owner(102), open.id(), answers(open, 3, null))).status());

        SurveyResults all = service.results(REGULATOR, closed.id());
        SurveyResults.Row c10 = all.rows().stream().filter(r -> r.subjectId() == 10).findFirst().orElseThrow();
        SurveyResults.Row c20 = all.rows().stream().filter(r -> r.subjectId() == 20).findFirst().orElseThrow();
        // company 10: owners scored 5 and 3 → mean 4 → 75; 2 of 2 verified owners; the committee scored 2 → 25
        assertEquals(new BigDecimal("75.00"), c10.score());
        assertEquals(new BigDecimal("100.00"), c10.responseRate());
        assertEquals(new BigDecimal("25.00"), c10.committeeScore());
        assertEquals(1, c10.committeeResponses());
        assertEquals(1, c10.rank());
        // company 20: estates 2 and 3, one of one verified owner scored 4 → 75 as well: a tie shares rank 1
        assertEquals(new BigDecimal("75.00"), c20.score());
        assertEquals(1, c20.rank());
        assertEquals(2, c20.estates());
        SurveyResults.QuestionStat text = all.questions().get(3);
        assertTrue(text.texts().contains("保安很好，张三"), "the regulator reads the free texts");
        assertEquals(List.of(4L, 0L, 0L), all.questions().get(1).optionCounts());

        // scopes: a company its own row and no texts; a committee its estate; an owner none
        SurveyResults own = service.results(company(10), closed.id());
        assertEquals(List.of(10L), own.rows().stream().map(SurveyResults.Row::subjectId).toList());
        assertNull(own.questions().get(3).texts(), "the evaluated party never sees free texts");
        assertEquals(3, own.questions().get(0).answers(), "its estates' answers only");
        SurveyResults com = service.results(committee(2), closed.id());
        assertEquals(1, com.rows().size());
        assertEquals(20L, com.rows().get(0).subjectId());
        assertEquals(1, com.rows().get(0).estates());
        assertEquals(404, assertThrows(ApiException.class, () -> service.results(owner(101), closed.id())).status());
        assertTrue(service.list(company(10), null, PageRequest.of(0, 50)).items().stream().anyMatch(s -> s.id().equals(closed.id())));

        // anonymity: the answers carry no respondent
        try (Connection c = db().dataSource().getConnection()) {
            Set<String> cols = new HashSet<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, null, null, null)) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase();
                    if (table.equals("svy_response") || table.equals("svy_answer")) {
                        cols.add(rs.getString("COLUMN_NAME").toLowerCase());
                    }
                }
            }
            assertEquals(Set.of("id", "survey_id", "estate_id", "respondent_kind", "response_id", "question_id", "score", "choices", "text"), cols);
        }
        assertTrue(audited.stream().filter(a -> a.action().equals("survey.answer")).noneMatch(a -> a.summary().contains("保安")));

        // SATISFACTION: company 10 → 75, company 20 → 75 (owners only)
        Map<Long, BigDecimal> metric = new SatisfactionMetric(db().dataSource()).values(TODAY.minusDays(30), TODAY);
        assertEquals(new BigDecimal("75.00"), metric.get(10L));
        assertEquals(new BigDecimal("75.00"), metric.get(20L));
        assertTrue(new SatisfactionMetric(db().dataSource()).values(TODAY.plusDays(30), TODAY.plusDays(60)).isEmpty());

        // publish: public results and ranking (MAP-11)
        assertNull(service.publicResults(1).company());
        notified.clear();
        Survey published = service.publish(REGULATOR, closed.id(), closed.version());
        assertEquals(SurveyStatus.PUBLISHED, published.status());
        assertTrue(notified.containsAll(List.of("3010:SURVEY_PUBLISHED", "3020:SURVEY_PUBLISHED")), notified.toString());
        PublicSatisfaction p = service.publicResults(1);
        assertEquals(10L, p.company().subjectId());
        assertEquals(new BigDecimal("75.00"), p.company().score());
        assertEquals(2, p.company().ranked());
        assertEquals(List.of(published.id()), p.history().stream().map(PublicSatisfaction.Entry::surveyId).toList());
        PublicSatisfaction.Ranking ranking = service.publicRanking(SurveySubject.COMPANY);
        assertEquals(published.id(), ranking.surveyId());
        assertEquals(2, ranking.rows().size());
    }

    @Test
    void aCommitteeSurveyIsAnsweredByOwnersOnly_OCS_9() {
        Survey s = service.create(REGULATOR, new SurveyInput("业委会履职评价", null, SurveySubject.COMMITTEE, TODAY.minusDays(1), TODAY.plusDays(1),
                true, null, null, List.of(new QuestionInput(QuestionKind.SCORE, "履职", null, null, true))));
        Survey open = service.open(REGULATOR, s.id(), s.version());
        assertEquals(4, open.targets().size(), "every active estate");
        ApiException e = assertThrows(ApiException.class, () -> service.answer(committee(1), open.id(),
                new AnswerInput(null, List.of(new Answer(open.questions().get(0).id(), 3, null, null)))));
        assertEquals(409, e.status());
        assertEquals("answer.committeeSubject", e.code());
        assertTrue(service.mine(committee(1)).stream().noneMatch(x -> x.survey().id().equals(open.id())));
        service.answer(owner(401), open.id(), new AnswerInput(null, List.of(new Answer(open.questions().get(0).id(), 5, null, null))));
        Survey cur = service.get(REGULATOR, open.id());
        service.close(REGULATOR, cur.id(), cur.version());
        SurveyResults r = service.results(committee(4), open.id());
        assertEquals(List.of(4L), r.rows().stream().map(SurveyResults.Row::subjectId).toList());
        assertEquals(new BigDecimal("100.00"), r.rows().get(0).score());
        assertEquals(1, r.rows().get(0).rank());
    }

    @Test
    void aLowScoreWithEnoughRespondentsIsACreditSignalWhenPublished_SVC_SAT_2_CRD_2() {
        Survey s = service.create(REGULATOR, new SurveyInput("低分调查", null, SurveySubject.COMPANY, TODAY.minusDays(100), TODAY.minusDays(90),
                false, List.of(2L), null, List.of(new QuestionInput(QuestionKind.SCORE, "总体", null, null, true))));
        Survey open = service.open(REGULATOR, s.id(), s.version());
        service.answer(owner(201), open.id(), new AnswerInput(null, List.of(new Answer(open.questions().get(0).id(), 2, null, null))));
        Survey cur = service.get(REGULATOR, open.id());
        Survey closed = service.close(REGULATOR, cur.id(), cur.version());
        service.creditMinRespondents(1);
        try {
            service.publish(REGULATOR, closed.id(), closed.version());
        } finally {
            service.creditMinRespondents(3);
        }
        org.smartproperty.credit.CreditSignal sig = signals.stream().filter(x -> x.key().equals("survey:" + open.id() + ":20")).findFirst().orElseThrow();
        assertEquals("SURVEY", sig.source());
        assertEquals("below60", sig.condition());
        assertEquals(20L, sig.companyId());
        assertEquals("低分调查", sig.reference());
    }

    @Test
    void theJobClosesSurveysWhosePeriodEnded() {
        Survey s = service.create(REGULATOR, new SurveyInput("过期调查", null, SurveySubject.COMPANY, TODAY.minusDays(20), TODAY.minusDays(1),
                false, List.of(1L), null, List.of(new QuestionInput(QuestionKind.SCORE, "总体", null, null, true))));
        service.open(REGULATOR, s.id(), s.version());
        assertTrue(service.closeDue() >= 1);
        assertEquals(SurveyStatus.CLOSED, service.get(REGULATOR, s.id()).status());
    }

    @Test
    void theListFiltersAndPages() {
        Page<Survey> page = service.list(REGULATOR, new SurveyQuery(SurveyStatus.DRAFT, null), PageRequest.parse(null, null, "-id", SurveyService.SORT));
        assertTrue(page.items().stream().allMatch(x -> x.status() == SurveyStatus.DRAFT));
        assertTrue(service.list(owner(101), null, PageRequest.of(0, 10)).items().isEmpty());
    }

    @Test
    void aConfigurationOutOfRangeIsRefused() {
        assertFalse(service.configure(0));
        assertTrue(service.configure(3));
        ApiException e = assertThrows(ApiException.class, () -> service.create(REGULATOR, input("ab", SurveySubject.COMPANY, List.of(1L))));
        assertEquals("title.tooShort", e.errors().get(0).code());
        assertTrue(service.configure(1));
    }

    @Test
    void theContributionsParseAndGrantTheRoles() {
        Contribution c = Contribution.load("org.smartproperty.survey.impl", SurveyServiceImpl.class, "/META-INF/spm/survey.contributions.properties");
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "survey:manage")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("OWNER", "survey:answer")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("COMMITTEE", "survey:answer")), c.grants().toString());
        assertEquals(Set.of("SURVEY_OPENED", "SURVEY_EVALUATE", "SURVEY_PUBLISHED"),
                c.messageKinds().stream().map(Contribution.MessageKindDef::name).collect(Collectors.toSet()));
        assertEquals(List.of("survey"), c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList());
    }
}
