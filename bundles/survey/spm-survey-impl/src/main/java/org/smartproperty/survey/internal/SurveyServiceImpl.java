package org.smartproperty.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.assessment.AssessmentService;
import org.smartproperty.assessment.Indicator;
import org.smartproperty.assessment.IndicatorSet;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.VotingRegister;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.SortOrder;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.survey.AnswerInput;
import org.smartproperty.survey.MySurvey;
import org.smartproperty.survey.PublicSatisfaction;
import org.smartproperty.survey.Question;
import org.smartproperty.survey.QuestionKind;
import org.smartproperty.survey.Survey;
import org.smartproperty.survey.SurveyInput;
import org.smartproperty.survey.SurveyMessages;
import org.smartproperty.survey.SurveyQuery;
import org.smartproperty.survey.SurveyResults;
import org.smartproperty.survey.SurveyService;
import org.smartproperty.survey.SurveyStatus;
import org.smartproperty.survey.SurveySubject;

/**
 * {@link SurveyService} on JPA (persistence unit {@code survey}, tables {@code svy_*}). Starts once the Liquibase extender has
 * applied {@code db/survey.changelog.xml}; registered under its API interface and the bundle-private {@link SurveyInternals}.
 *
 * <p>Anonymity (OWN-6, OCS-9): who answered is one row of {@code svy_respondent} (survey, respondent key
 * {@code owner:<ownerId>} or {@code committee:<estateId>}, day) whose primary key makes an answer once-only; the answers
 * ({@code svy_response}, {@code svy_answer}) carry the estate and the respondent kind only. Verified owners are those of
 * {@link EstateService#votingRegister} (the view {@code est_verified_ownership}, OWN-2), read through the estate API.
 */
@Component(service = {SurveyService.class, SurveyInternals.class}, configurationPid = "org.smartproperty.survey",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SurveyConfig.class)
public class SurveyServiceImpl implements SurveyService, SurveyInternals {

    static final String UNIT = "survey";
    /** The audit object kind (auditKind.survey in the contributions). */
    static final String AUDIT_KIND = "survey";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final MessageKind SURVEY_OPENED = MessageKind.of("SURVEY_OPENED");
    static final MessageKind SURVEY_EVALUATE = MessageKind.of("SURVEY_EVALUATE");
    static final MessageKind SURVEY_PUBLISHED = MessageKind.of("SURVEY_PUBLISHED");
    private static final Logger LOG = LoggerFactory.getLogger(SurveyServiceImpl.class);
    private static final org.smartproperty.platform.Messages T = SurveyMessages.TEXTS;

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.survey.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference
    private AccountDirectory directory;

    // other domains' services: dynamic, so updating their impl bundles does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EstateService estates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AssessmentService assessment;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CreditSignals creditSignals;

    private volatile int titleMinLength = 1;
    /** Owner respondents a company's row needs before a low score becomes a credit signal. */
    private volatile int creditMinRespondents = 3;
    private EntityManagerFactory emf;
    private Transactions tx;
    private Clock clock = Clock.system(ZONE);

    public SurveyServiceImpl() {
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit. */
    SurveyServiceImpl(EntityManagerFactory emf, AuditTrail audit, EstateService estates, AssessmentService assessment,
                      Notifications notifications, AccountDirectory directory, Clock clock) {
        this.emf = emf;
        this.audit = audit;
        this.estates = estates;
        this.assessment = assessment;
        this.notifications = notifications;
        this.directory = directory;
        this.clock = clock;
        this.tx = new Transactions(emf, UNIT);
    }

    /** Outside OSGi (tests): the credit domain's signal outbox. */
    void creditSignals(CreditSignals signals) {
        this.creditSignals = signals;
    }

    @Activate
    void activate(SurveyConfig config) {
        configure(config.title_minLength());
        creditMinRespondents = Math.max(1, config.credit_minRespondents());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
    }

    @Modified
    void modified(SurveyConfig config) {
        configure(config.title_minLength());
        creditMinRespondents = Math.max(1, config.credit_minRespondents());
    }

    /** Sets the owner respondents a low score needs before it is a credit signal (at least 1). */
    void creditMinRespondents(int n) {
        creditMinRespondents = Math.max(1, n);
    }

    /** Applies a configuration; a value out of range is refused and logged, the one in force stays. @return whether applied */
    boolean configure(int minLength) {
        if (minLength < 1 || minLength > Survey.TITLE_MAX) {
            LOG.error("title.minLength {} is outside 1..{}; {} stays", minLength, Survey.TITLE_MAX, titleMinLength);
            return false;
        }
        titleMinLength = minLength;
        return true;
    }

    @Deactivate
    void deactivate() {
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Page<Survey> list(SpmPrincipal caller, SurveyQuery query, PageRequest page) {
        DataScope s = scope(caller);
        return tx.read(em -> {
            Map<String, Object> params = new HashMap<>();
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            if (query != null && query.status() != null) {
                where.append(" AND e.status = :status");
                params.put("status", query.status().name());
            }
            if (query != null && query.subject() != null) {
                where.append(" AND e.subject = :subject");
                params.put("subject", query.subject().name());
            }
            if (!s.all()) {
                List<Long> ids = visibleIds(em, s);
                if (ids.isEmpty()) {
                    return new Page<>(List.of(), page.page(), page.size(), 0);
                }
                where.append(" AND e.status <> 'DRAFT' AND e.id IN :ids");
                params.put("ids", ids);
            }
            Jpql.Rows<SurveyEntity> found = Jpql.page(em, SurveyEntity.class, "e", where.toString(), params, page);
            List<Survey> items = found.rows().stream().map(e -> toDto(em, e, false)).toList();
            return new Page<>(items, page.page(), page.size(), found.total());
        });
    }

    @Override
    public Survey get(SpmPrincipal caller, long id) {
        return tx.read(em -> toDto(em, visible(em, caller, id), true));
    }

    /** Ids of the surveys a COMPANY (its COMPANY surveys) or a COMMITTEE (those targeting its estate) may see. */
    @SuppressWarnings("unchecked")
    private static List<Long> visibleIds(EntityManager em, DataScope s) {
        List<Object> rows;
        if (s.kind() == DataScope.Kind.COMPANY && s.companyId() != null) {
            rows = em.createNativeQuery("SELECT DISTINCT t.survey_id FROM svy_target t JOIN svy_survey s ON s.id = t.survey_id"
                    + " WHERE s.subject = 'COMPANY' AND t.company_id = ?").setParameter(1, s.companyId()).getResultList();
        } else if (s.kind() == DataScope.Kind.COMMITTEE && !s.estateIds().isEmpty()) {
            rows = em.createNativeQuery("SELECT DISTINCT t.survey_id FROM svy_target t WHERE t.estate_id IN ("
                    + s.estateIds().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")").getResultList();
        } else {
            return List.of();
        }
        return rows.stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** The survey when the caller may see it (regulator: any; company/committee: non-DRAFT ones of theirs; owner: OPEN targeting it), 404 otherwise. */
    private SurveyEntity visible(EntityManager em, SpmPrincipal caller, long id) {
        SurveyEntity e = em.find(SurveyEntity.class, id);
        DataScope s = scope(caller);
        if (e == null) {
            throw ApiException.notFound("objects.survey", id);
        }
        if (s.all()) {
            return e;
        }
        if (s.kind() == DataScope.Kind.OWNER) {
            if (e.status.equals("OPEN") && !ownerEstates(em, caller, e.id).isEmpty()) {
                return e;
            }
            throw ApiException.notFound("objects.survey", id);
        }
        if (e.status.equals("DRAFT") || !visibleIds(em, s).contains(e.id)) {
            throw ApiException.notFound("objects.survey", id);
        }
        return e;
    }

    private static DataScope scope(SpmPrincipal caller) {
        return caller == null || caller.scope() == null ? DataScope.NONE : caller.scope();
    }

    // ------------------------------------------------------------------ writes by the regulator (SVC-SAT-1)

    private static void requireManager(SpmPrincipal caller) {
        if (!scope(caller).all() || !caller.can("survey:manage")) {
            throw new ApiException(403, "survey.manager", T, null);
        }
    }

    @Override
    public Survey create(SpmPrincipal caller, SurveyInput input) {
        requireManager(caller);
        Checked in = check(caller, input);
        return tx.write(em -> {
            titleFree(em, in.title, null);
            SurveyEntity e = new SurveyEntity();
            e.status = SurveyStatus.DRAFT.name();
            fill(e, in);
            e.touchedBy(caller.getName());
            em.persist(e);
            em.flush();
            writeQuestions(em, e.id, in.questions);
            audit(em, caller.getName(), "survey.create", e.id, AuditEvent.summary("title", in.title, "subject", in.subject.name(),
                    "questions", in.questions.size()));
            return toDto(em, e, true);
        });
    }

    @Override
    public Survey update(SpmPrincipal caller, long id, long version, SurveyInput input) {
        requireManager(caller);
        Checked in = check(caller, input);
        return tx.write(em -> {
            SurveyEntity e = find(em, id);
            requireVersion(e, version);
            requireStatus(e, SurveyStatus.DRAFT, "survey.notDraft");
            titleFree(em, in.title, e.id);
            fill(e, in);
            e.touchedBy(caller.getName());
            em.createQuery("DELETE FROM QuestionEntity q WHERE q.surveyId = :s").setParameter("s", e.id).executeUpdate();
            writeQuestions(em, e.id, in.questions);
            em.flush();
            audit(em, caller.getName(), "survey.update", e.id, AuditEvent.summary("title", in.title, "questions", in.questions.size()));
            return toDto(em, e, true);
        });
    }

    @Override
    public Survey open(SpmPrincipal caller, long id, long version) {
        requireManager(caller);
        return tx.write(em -> {
            SurveyEntity e = find(em, id);
            requireVersion(e, version);
            requireStatus(e, SurveyStatus.DRAFT, "survey.notDraft");
            EstateService est = ApiException.requireAvailable(estates, "estate");
            Notifications inbox = ApiException.requireAvailable(notifications, "notification");
            List<Estate> targets = new ArrayList<>();
            if (e.allEstates) {
                targets.addAll(activeEstates(est));
            } else {
                for (long estateId : ids(e.estateIds)) {
                    try {
                        targets.add(est.get(DataScope.ALL, estateId));
                    } catch (ApiException gone) {
                        if (gone.status() != 404) {
                            throw gone;
                        }
                        LOG.warn("survey {}: estate {} no longer exists, not targeted", e.id, estateId);
                    }
                }
            }
            if (e.subject.equals("COMPANY")) {
                targets.removeIf(x -> x.companyId() == null);
            }
            if (targets.isEmpty()) {
                throw ApiException.conflict(T, "survey.noTargets");
            }
            int notified = 0;
            Map<String, String> params = Map.of("title", e.title, "periodTo", String.valueOf(e.periodTo));
            for (Estate t : targets) {
                em.createNativeQuery("INSERT INTO svy_target (survey_id, estate_id, estate_name, company_id, company_name) VALUES (?, ?, ?, CAST(? AS BIGINT), CAST(? AS VARCHAR(200)))")
                        .setParameter(1, e.id).setParameter(2, t.id()).setParameter(3, t.name()).setParameter(4, t.companyId())
                        .setParameter(5, t.companyName()).executeUpdate();
                // in-app notices: the estate's verified owners (their accounts from the directory), and its committee for a company survey
                Set<Long> accounts = new LinkedHashSet<>();
                for (long owner : verifiedOwners(est.votingRegister(t.id()))) {
                    directory.accountsOf(DataScope.owner(owner)).forEach(a -> accounts.add(a.accountId()));
                }
                for (long account : accounts) {
                    inbox.notify(em.unwrap(java.sql.Connection.class), account, SURVEY_OPENED, params, "/me/surveys");
                    notified++;
                }
                if (e.subject.equals("COMPANY")) {
                    for (AccountDirectory.Contact c : directory.accountsOf(DataScope.committee(t.id()))) {
                        inbox.notify(em.unwrap(java.sql.Connection.class), c.accountId(), SURVEY_EVALUATE, params, "/survey/answer/" + e.id);
                        notified++;
                    }
                }
            }
            e.status = SurveyStatus.OPEN.name();
            e.touchedBy(caller.getName());
            em.flush();
            audit(em, caller.getName(), "survey.open", e.id, AuditEvent.summary("targets", targets.size(), "notified", notified));
            return toDto(em, e, true);
        });
    }

    @Override
    public Survey close(SpmPrincipal caller, long id, long version) {
        requireManager(caller);
        return tx.write(em -> {
            SurveyEntity e = find(em, id);
            requireVersion(e, version);
            requireStatus(e, SurveyStatus.OPEN, "survey.notOpen");
            closeNow(em, e, caller.getName());
            return toDto(em, e, true);
        });
    }

    /** OPEN → CLOSED: the eligible (verified) owners of every target counted now (SVC-SAT-2 response rate). */
    private void closeNow(EntityManager em, SurveyEntity e, String actor) {
        EstateService est = ApiException.requireAvailable(estates, "estate");
        long eligible = 0;
        for (SurveyResultsCalc.Target t : SurveyResultsCalc.targets(em, e.id)) {
            int n = verifiedOwners(est.votingRegister(t.estateId())).size();
            eligible += n;
            em.createNativeQuery("UPDATE svy_target SET eligible = ? WHERE survey_id = ? AND estate_id = ?")
                    .setParameter(1, n).setParameter(2, e.id).setParameter(3, t.estateId()).executeUpdate();
        }
        e.status = SurveyStatus.CLOSED.name();
        e.touchedBy(actor);
        em.flush();
        audit(em, actor, "survey.close", e.id, AuditEvent.summary("eligible", eligible, "respondents", respondents(em, e.id)));
    }

    @Override
    public Survey publish(SpmPrincipal caller, long id, long version) {
        requireManager(caller);
        return tx.write(em -> {
            SurveyEntity e = find(em, id);
            requireVersion(e, version);
            requireStatus(e, SurveyStatus.CLOSED, "survey.notClosed");
            Notifications inbox = ApiException.requireAvailable(notifications, "notification");
            Map<String, String> params = Map.of("title", e.title);
            Set<Long> accounts = new LinkedHashSet<>();
            for (SurveyResultsCalc.Target t : SurveyResultsCalc.targets(em, e.id)) {
                if (e.subject.equals("COMPANY") && t.companyId() != null) {
                    directory.accountsOf(DataScope.company(t.companyId())).forEach(a -> accounts.add(a.accountId()));
                }
                directory.accountsOf(DataScope.committee(t.estateId())).forEach(a -> accounts.add(a.accountId()));
            }
            for (long account : accounts) {
                inbox.notify(em.unwrap(java.sql.Connection.class), account, SURVEY_PUBLISHED, params, "/survey/surveys/" + e.id);
            }
            int signals = creditSignals(em, e);
            e.status = SurveyStatus.PUBLISHED.name();
            e.touchedBy(caller.getName());
            em.flush();
            audit(em, caller.getName(), "survey.publish", e.id, AuditEvent.summary("notified", accounts.size(), "creditSignals", signals));
            return toDto(em, e, true);
        });
    }

    /**
     * CRD-2 feed: in the publishing transaction, one credit signal {@code SURVEY/below60} per company of a COMPANY survey whose
     * owners scored it under 60 with at least {@code credit.minRespondents} owner respondents (key {@code survey:<id>:<companyId>},
     * reference = the title); the credit rule table ({@code SURVEY_BELOW60}) turns it into a record. 503 while the credit
     * domain is away and there is a signal to write. @return signals written
     */
    private int creditSignals(EntityManager em, SurveyEntity e) {
        if (!e.subject.equals(SurveySubject.COMPANY.name())) {
            return 0;
        }
        List<SurveyResults.Row> low = SurveyResultsCalc.results(em, e, DataScope.ALL, x -> 0).rows().stream()
                .filter(r -> r.score() != null && r.score().compareTo(java.math.BigDecimal.valueOf(60)) < 0 && r.respondents() >= creditMinRespondents)
                .toList();
        if (low.isEmpty()) {
            return 0;
        }
        CreditSignals outbox = ApiException.requireAvailable(creditSignals, "credit");
        for (SurveyResults.Row r : low) {
            outbox.emit(em.unwrap(java.sql.Connection.class), new CreditSignal("SURVEY", "below60", r.subjectId(),
                    "survey:" + e.id + ":" + r.subjectId(), today(), e.title));
        }
        return low.size();
    }

    @Override
    public int closeDue() {
        LocalDate today = today();
        List<Long> due = tx.read(em -> em.createQuery("SELECT e.id FROM SurveyEntity e WHERE e.status = 'OPEN' AND e.periodTo < :d ORDER BY e.id",
                Long.class).setParameter("d", today).getResultList());
        int closed = 0;
        for (long id : due) {
            try {
                tx.write(em -> {
                    SurveyEntity e = find(em, id);
                    if (e.status.equals("OPEN")) {
                        closeNow(em, e, "system");
                    }
                    return null;
                });
                closed++;
            } catch (ApiException e) {
                LOG.warn("survey {} not closed at the end of its period: {}", id, e.getMessage());
            }
        }
        return closed;
    }

    // ------------------------------------------------------------------ answers (OWN-6, OCS-9)

    @Override
    public List<MySurvey> mine(SpmPrincipal caller) {
        DataScope s = scope(caller);
        if (s.kind() != DataScope.Kind.OWNER && s.kind() != DataScope.Kind.COMMITTEE) {
            return List.of();
        }
        return tx.read(em -> {
            List<SurveyEntity> open = em.createQuery("SELECT e FROM SurveyEntity e WHERE e.status = 'OPEN' ORDER BY e.periodTo, e.id", SurveyEntity.class)
                    .getResultList();
            List<MySurvey> out = new ArrayList<>();
            for (SurveyEntity e : open) {
                List<Long> where;
                String key;
                if (s.kind() == DataScope.Kind.OWNER) {
                    where = ownerEstates(em, caller, e.id);
                    key = "owner:" + s.ownerId();
                } else {
                    if (!e.subject.equals("COMPANY")) {
                        continue;
                    }
                    Set<Long> targeted = new HashSet<>(SurveyResultsCalc.targetIds(em, e.id));
                    where = s.estateIds().stream().filter(targeted::contains).sorted().toList();
                    key = where.isEmpty() ? null : "committee:" + where.get(0);
                }
                if (!where.isEmpty()) {
                    out.add(new MySurvey(toDto(em, e, true), answered(em, e.id, key), where));
                }
            }
            return out;
        });
    }

    /** The caller's (an owner's) targeted estates of the survey where it holds a verified title now. */
    private List<Long> ownerEstates(EntityManager em, SpmPrincipal caller, long surveyId) {
        DataScope s = scope(caller);
        if (s.kind() != DataScope.Kind.OWNER || s.ownerId() == null) {
            return List.of();
        }
        EstateService est = ApiException.requireAvailable(estates, "estate");
        List<Long> targeted = SurveyResultsCalc.targetIds(em, surveyId);
        if (targeted.isEmpty()) {
            return List.of();
        }
        // the estates in the owner's scope (a real-name owner: of the verified houses), then the register confirms the title
        Set<Long> inScope = new HashSet<>();
        for (int p = 0; ; p++) {
            Page<Estate> page = est.list(s, new EstateQuery(null, null, null, null, null), new PageRequest(p, PageRequest.MAX_SIZE, BY_ID));
            page.items().forEach(x -> inScope.add(x.id()));
            if (page.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        List<Long> out = new ArrayList<>();
        for (long estateId : targeted) {
            if (inScope.contains(estateId) && verifiedOwners(est.votingRegister(estateId)).contains(s.ownerId())) {
                out.add(estateId);
            }
        }
        return out;
    }

    @Override
    public void answer(SpmPrincipal caller, long id, AnswerInput input) {
        DataScope s = scope(caller);
        if (s.kind() != DataScope.Kind.OWNER && s.kind() != DataScope.Kind.COMMITTEE) {
            throw new ApiException(403, "answer.respondent", T, null);
        }
        tx.write(em -> {
            SurveyEntity e = em.find(SurveyEntity.class, id);
            if (e == null || e.status.equals("DRAFT")) {
                throw ApiException.notFound("objects.survey", id);
            }
            List<Long> where;
            String key;
            String kind;
            if (s.kind() == DataScope.Kind.OWNER) {
                where = ownerEstates(em, caller, e.id);
                key = "owner:" + s.ownerId();
                kind = "OWNER";
            } else {
                Set<Long> targeted = new HashSet<>(SurveyResultsCalc.targetIds(em, e.id));
                where = s.estateIds().stream().filter(targeted::contains).sorted().toList();
                key = where.isEmpty() ? null : "committee:" + where.get(0);
                kind = "COMMITTEE";
            }
            if (where.isEmpty()) {
                throw ApiException.notFound("objects.survey", id); // owners of another estate, committees not targeted
            }
            if (kind.equals("COMMITTEE") && !e.subject.equals("COMPANY")) {
                throw ApiException.conflict(T, "answer.committeeSubject");
            }
            if (!e.status.equals("OPEN")) {
                throw ApiException.conflict(T, "survey.notOpen");
            }
            List<QuestionEntity> questions = questions(em, e.id);
            Validation v = new Validation(T);
            Long estateId = input == null ? null : input.estateId();
            if (estateId == null && where.size() == 1) {
                estateId = where.get(0);
            } else if (estateId == null) {
                v.required("estateId", null);
            } else if (!where.contains(estateId)) {
                v.error("estateId", "answer.estate", estateId);
            }
            List<Object[]> rows = checkAnswers(v, questions, input == null ? null : input.answers());
            v.throwIfInvalid();
            if (answered(em, e.id, key)) {
                throw ApiException.conflict(T, "answer.already");
            }
            em.createNativeQuery("INSERT INTO svy_respondent (survey_id, respondent_key, answered_on) VALUES (?, ?, ?)")
                    .setParameter(1, e.id).setParameter(2, key).setParameter(3, java.sql.Date.valueOf(today())).executeUpdate();
            ResponseEntity r = new ResponseEntity();
            r.surveyId = e.id;
            r.estateId = estateId;
            r.respondentKind = kind;
            em.persist(r);
            em.flush();
            for (Object[] a : rows) {
                em.createNativeQuery("INSERT INTO svy_answer (response_id, question_id, score, choices, text) VALUES (?, ?, CAST(? AS INTEGER), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(1000)))")
                        .setParameter(1, r.id).setParameter(2, a[0]).setParameter(3, a[1]).setParameter(4, a[2]).setParameter(5, a[3])
                        .executeUpdate();
            }
            // the audit row says that the caller answered, never what (the answers carry no respondent)
            audit(em, caller.getName(), "survey.answer", e.id, AuditEvent.summary("respondentKind", kind));
            return null;
        });
    }

    /** Validates the answers against the questions (all field errors); returns rows {questionId, score, choices, text}. */
    static List<Object[]> checkAnswers(Validation v, List<QuestionEntity> questions, List<AnswerInput.Answer> answers) {
        Map<Long, QuestionEntity> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id, q));
        Map<Long, Object[]> out = new LinkedHashMap<>();
        List<AnswerInput.Answer> list = answers == null ? List.of() : answers;
        if (list.size() > questions.size()) {
            v.error("answers", "answer.tooMany", questions.size());
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            AnswerInput.Answer a = list.get(i);
            String f = "answers[" + i + "]";
            QuestionEntity q = a == null || a.questionId() == null ? null : byId.get(a.questionId());
            if (q == null) {
                v.error(f + ".questionId", "answer.question");
                continue;
            }
            if (out.containsKey(q.id)) {
                v.error(f + ".questionId", "answer.twice");
                continue;
            }
            QuestionKind kind = QuestionKind.valueOf(q.kind);
            int options = options(q.options).size();
            switch (kind) {
                case SCORE -> {
                    if (a.score() == null) {
                        if (q.required) {
                            v.required(f + ".score", null);
                        }
                    } else if (a.score() < 1 || a.score() > 5) {
                        v.error(f + ".score", "answer.score");
                    } else {
                        out.put(q.id, new Object[] {q.id, a.score(), null, null});
                    }
                }
                case SINGLE, MULTIPLE -> {
                    List<Integer> c = a.choices() == null ? List.of() : a.choices();
                    if (c.isEmpty()) {
                        if (q.required) {
                            v.required(f + ".choices", null);
                        }
                    } else if (kind == QuestionKind.SINGLE && c.size() != 1) {
                        v.error(f + ".choices", "answer.single");
                    } else if (c.stream().anyMatch(x -> x == null || x < 0 || x >= options) || new HashSet<>(c).size() != c.size()) {
                        v.error(f + ".choices", "answer.choice", options);
                    } else {
                        out.put(q.id, new Object[] {q.id, null, c.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")), null});
                    }
                }
                case TEXT -> {
                    String t = a.text() == null ? null : a.text().strip();
                    if (t == null || t.isEmpty()) {
                        if (q.required) {
                            v.required(f + ".text", null);
                        }
                    } else if (v.maxLength(f + ".text", t, Question.ANSWER_MAX)) {
                        out.put(q.id, new Object[] {q.id, null, null, t});
                    }
                }
                default -> throw new IllegalStateException(q.kind);
            }
        }
        for (QuestionEntity q : questions) {
            if (q.required && !out.containsKey(q.id) && list.stream().noneMatch(a -> a != null && Objects.equals(a.questionId(), q.id))) {
                v.error("answers", "answer.missing", q.ordinal);
            }
        }
        return new ArrayList<>(out.values());
    }

    private static boolean answered(EntityManager em, long surveyId, String key) {
        if (key == null) {
            return false;
        }
        return !em.createNativeQuery("SELECT 1 FROM svy_respondent WHERE survey_id = ? AND respondent_key = ?")
                .setParameter(1, surveyId).setParameter(2, key).getResultList().isEmpty();
    }

    private static long respondents(EntityManager em, long surveyId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM svy_respondent WHERE survey_id = ?").setParameter(1, surveyId)
                .getSingleResult()).longValue();
    }

    // ------------------------------------------------------------------ results (SVC-SAT-2, ANA-5, MAP-11)

    @Override
    public SurveyResults results(SpmPrincipal caller, long id) {
        DataScope s = scope(caller);
        return tx.read(em -> {
            SurveyEntity e = visible(em, caller, id);
            if (s.kind() == DataScope.Kind.OWNER) {
                throw ApiException.notFound("objects.survey", id);
            }
            if (e.status.equals("DRAFT") || (!s.all() && e.status.equals("OPEN"))) {
                throw ApiException.conflict(T, "results.notYet");
            }
            return SurveyResultsCalc.results(em, e, s, live(e));
        });
    }

    /** Eligible owners of an estate while the survey is OPEN (stored at close). */
    private java.util.function.LongToIntFunction live(SurveyEntity e) {
        EstateService est = estates;
        return estateId -> est == null ? 0 : verifiedOwners(est.votingRegister(estateId)).size();
    }

    @Override
    public PublicSatisfaction publicResults(long estateId) {
        return tx.read(em -> {
            PublicSatisfaction.Entry company = null;
            PublicSatisfaction.Entry committee = null;
            List<PublicSatisfaction.Entry> history = new ArrayList<>();
            List<SurveyEntity> published = em.createQuery("SELECT e FROM SurveyEntity e WHERE e.status = 'PUBLISHED'"
                    + " ORDER BY e.periodTo DESC, e.id DESC", SurveyEntity.class).getResultList();
            for (SurveyEntity e : published) {
                if (history.size() >= PublicSatisfaction.HISTORY_MAX) {
                    break;
                }
                List<SurveyResultsCalc.Target> targets = SurveyResultsCalc.targets(em, e.id);
                SurveyResultsCalc.Target t = targets.stream().filter(x -> x.estateId() == estateId).findFirst().orElse(null);
                if (t == null) {
                    continue;
                }
                boolean bySubjectCompany = e.subject.equals(SurveySubject.COMPANY.name());
                Long subjectId = bySubjectCompany ? t.companyId() : Long.valueOf(estateId);
                SurveyResults r = SurveyResultsCalc.results(em, e, DataScope.ALL, x -> 0);
                PublicSatisfaction.Entry entry = r.rows().stream().filter(x -> Objects.equals(x.subjectId(), subjectId)).findFirst()
                        .map(x -> entry(e, x, r.rows())).orElse(null);
                if (entry == null) {
                    continue;
                }
                history.add(entry);
                if (bySubjectCompany && company == null) {
                    company = entry;
                } else if (!bySubjectCompany && committee == null) {
                    committee = entry;
                }
            }
            return new PublicSatisfaction(company, committee, history);
        });
    }

    @Override
    public PublicSatisfaction.Ranking publicRanking(SurveySubject subject) {
        SurveySubject sub = subject == null ? SurveySubject.COMPANY : subject;
        return tx.read(em -> {
            List<SurveyEntity> latest = em.createQuery("SELECT e FROM SurveyEntity e WHERE e.status = 'PUBLISHED' AND e.subject = :s"
                    + " ORDER BY e.periodTo DESC, e.id DESC", SurveyEntity.class).setParameter("s", sub.name()).setMaxResults(1).getResultList();
            if (latest.isEmpty()) {
                return new PublicSatisfaction.Ranking(null, null, null, null, sub, List.of());
            }
            SurveyEntity e = latest.get(0);
            SurveyResults r = SurveyResultsCalc.results(em, e, DataScope.ALL, x -> 0);
            List<PublicSatisfaction.Entry> rows = r.rows().stream().filter(x -> x.rank() != null)
                    .map(x -> entry(e, x, r.rows())).toList();
            return new PublicSatisfaction.Ranking(e.id, e.title, e.periodFrom, e.periodTo, sub, rows);
        });
    }

    private static PublicSatisfaction.Entry entry(SurveyEntity e, SurveyResults.Row x, List<SurveyResults.Row> all) {
        int ranked = (int) all.stream().filter(r -> r.rank() != null).count();
        return new PublicSatisfaction.Entry(e.id, e.title, e.periodFrom, e.periodTo, SurveySubject.valueOf(e.subject), x.subjectId(), x.name(),
                x.score(), x.responseRate(), x.rank(), ranked);
    }

    // ------------------------------------------------------------------ helpers

    private static final List<SortOrder> BY_ID = List.of(new SortOrder("id", true));

    static List<Estate> activeEstates(EstateService est) {
        List<Estate> out = new ArrayList<>();
        EstateQuery active = new EstateQuery(null, null, null, EstateStatus.ACTIVE, null);
        for (int p = 0; ; p++) {
            Page<Estate> page = est.list(DataScope.ALL, active, new PageRequest(p, PageRequest.MAX_SIZE, BY_ID));
            out.addAll(page.items());
            if (page.items().isEmpty() || out.size() >= page.total()) {
                return out;
            }
        }
    }

    /** Distinct verified owners of a register (unsold houses have no owner). */
    static Set<Long> verifiedOwners(VotingRegister register) {
        Set<Long> out = new HashSet<>();
        for (VotingRegister.Title t : register.titles()) {
            if (t.ownerId() != null && !t.unsold()) {
                out.add(t.ownerId());
            }
        }
        return out;
    }

    private static SurveyEntity find(EntityManager em, long id) {
        SurveyEntity e = em.find(SurveyEntity.class, id);
        if (e == null) {
            throw ApiException.notFound("objects.survey", id);
        }
        return e;
    }

    private static void requireVersion(SurveyEntity e, long version) {
        if (e.getVersion() != version) {
            throw ApiException.stale(e.getVersion());
        }
    }

    private static void requireStatus(SurveyEntity e, SurveyStatus wanted, String code) {
        if (!e.status.equals(wanted.name())) {
            throw ApiException.conflict(T, code, e.status);
        }
    }

    private static void titleFree(EntityManager em, String title, Long self) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(e) FROM SurveyEntity e WHERE e.title = :t" + (self == null ? "" : " AND e.id <> :self"), Long.class)
                .setParameter("t", title);
        if (self != null) {
            q.setParameter("self", self);
        }
        if (q.getSingleResult() > 0) {
            throw ApiException.conflict(T, "title.duplicate", title);
        }
    }

    /** A validated input. */
    private record Checked(String title, String description, SurveySubject subject, LocalDate from, LocalDate to, boolean all,
                           List<Long> estateIds, Long setId, List<SurveyInput.QuestionInput> questions) {
    }

    private Checked check(SpmPrincipal caller, SurveyInput input) {
        Validation v = new Validation(T);
        if (input == null) {
            v.required("title", null);
            v.throwIfInvalid();
        }
        String title = input.title() == null ? null : input.title().strip();
        if (v.required("title", title) && v.maxLength("title", title, Survey.TITLE_MAX) && title.length() < titleMinLength) {
            v.error("title", "title.tooShort", titleMinLength);
        }
        String description = input.description() == null || input.description().isBlank() ? null : input.description().strip();
        v.maxLength("description", description, Survey.DESCRIPTION_MAX);
        v.required("subject", input.subject());
        boolean hasFrom = v.required("periodFrom", input.periodFrom());
        if (v.required("periodTo", input.periodTo()) && hasFrom && input.periodTo().isBefore(input.periodFrom())) {
            v.error("periodTo", "period.order");
        }
        boolean all = Boolean.TRUE.equals(input.allEstates());
        List<Long> estateIds = input.estateIds() == null ? List.of() : input.estateIds().stream().filter(Objects::nonNull).distinct().toList();
        if (!all && estateIds.isEmpty()) {
            v.error("estateIds", "estates.required");
        } else if (estateIds.size() > Survey.ESTATES_MAX) {
            v.error("estateIds", "estates.tooMany", Survey.ESTATES_MAX);
        } else if (!all) {
            EstateService est = ApiException.requireAvailable(estates, "estate");
            for (int i = 0; i < estateIds.size(); i++) {
                try {
                    est.get(DataScope.ALL, estateIds.get(i));
                } catch (ApiException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    v.error("estateIds[" + i + "]", "estates.unknown", estateIds.get(i));
                }
            }
        }
        List<SurveyInput.QuestionInput> qs = input.questions() == null ? List.of() : input.questions();
        Set<String> codes = null;
        if (input.indicatorSetId() != null) {
            try {
                IndicatorSet set = ApiException.requireAvailable(assessment, "assessment").indicatorSet(caller, input.indicatorSetId());
                codes = set.indicators().stream().map(Indicator::code).collect(Collectors.toSet());
            } catch (ApiException e) {
                if (e.status() != 404 && e.status() != 403) {
                    throw e;
                }
                v.error("indicatorSetId", "indicatorSet.unknown", input.indicatorSetId());
            }
        }
        if (qs.isEmpty()) {
            v.error("questions", "questions.required");
        } else if (qs.size() > Survey.QUESTIONS_MAX) {
            v.error("questions", "questions.tooMany", Survey.QUESTIONS_MAX);
        } else {
            for (int i = 0; i < qs.size(); i++) {
                SurveyInput.QuestionInput q = qs.get(i);
                String f = "questions[" + i + "]";
                if (q == null) {
                    v.required(f, null);
                    continue;
                }
                boolean kind = v.required(f + ".kind", q.kind());
                String text = q.text() == null ? null : q.text().strip();
                if (v.required(f + ".text", text)) {
                    v.maxLength(f + ".text", text, Question.TEXT_MAX);
                }
                if (kind && (q.kind() == QuestionKind.SINGLE || q.kind() == QuestionKind.MULTIPLE)) {
                    List<String> o = q.options() == null ? List.of() : q.options();
                    if (o.size() < 2 || o.size() > Question.OPTIONS_MAX) {
                        v.error(f + ".options", "options.count", Question.OPTIONS_MAX);
                    } else {
                        for (int j = 0; j < o.size(); j++) {
                            String opt = o.get(j) == null ? null : o.get(j).strip();
                            if (v.required(f + ".options[" + j + "]", opt) && v.maxLength(f + ".options[" + j + "]", opt, Question.OPTION_MAX)
                                    && (opt.contains("\n") || opt.contains("\r"))) {
                                v.error(f + ".options[" + j + "]", "options.newline");
                            }
                        }
                    }
                }
                String code = q.indicatorCode() == null || q.indicatorCode().isBlank() ? null : q.indicatorCode().strip();
                if (code != null && v.maxLength(f + ".indicatorCode", code, 64)) {
                    if (input.indicatorSetId() == null) {
                        v.error(f + ".indicatorCode", "indicator.noSet");
                    } else if (codes != null && !codes.contains(code)) {
                        v.error(f + ".indicatorCode", "indicator.unknown", code);
                    }
                }
            }
        }
        v.throwIfInvalid();
        return new Checked(title, description, input.subject(), input.periodFrom(), input.periodTo(), all, all ? List.of() : estateIds,
                input.indicatorSetId(), qs);
    }

    private static void fill(SurveyEntity e, Checked in) {
        e.title = in.title;
        e.description = in.description;
        e.subject = in.subject.name();
        e.periodFrom = in.from;
        e.periodTo = in.to;
        e.allEstates = in.all;
        e.estateIds = in.estateIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        e.indicatorSetId = in.setId;
    }

    private static void writeQuestions(EntityManager em, long surveyId, List<SurveyInput.QuestionInput> qs) {
        for (int i = 0; i < qs.size(); i++) {
            SurveyInput.QuestionInput in = qs.get(i);
            QuestionEntity q = new QuestionEntity();
            q.surveyId = surveyId;
            q.ordinal = i + 1;
            q.kind = in.kind().name();
            q.text = in.text().strip();
            q.options = in.kind() == QuestionKind.SINGLE || in.kind() == QuestionKind.MULTIPLE
                    ? in.options().stream().map(String::strip).collect(Collectors.joining("\n")) : null;
            q.indicatorCode = in.indicatorCode() == null || in.indicatorCode().isBlank() ? null : in.indicatorCode().strip();
            q.required = !Boolean.FALSE.equals(in.required());
            em.persist(q);
        }
    }

    static List<QuestionEntity> questions(EntityManager em, long surveyId) {
        return em.createQuery("SELECT q FROM QuestionEntity q WHERE q.surveyId = :s ORDER BY q.ordinal", QuestionEntity.class)
                .setParameter("s", surveyId).getResultList();
    }

    static List<String> options(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
    }

    static List<Long> ids(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).map(Long::valueOf).toList();
    }

    private static Survey toDto(EntityManager em, SurveyEntity e, boolean detail) {
        List<Question> qs = detail ? questions(em, e.id).stream().map(q -> new Question(q.id, q.ordinal, QuestionKind.valueOf(q.kind), q.text,
                options(q.options), q.indicatorCode, q.required)).toList() : List.of();
        List<Survey.Target> targets = detail ? SurveyResultsCalc.targets(em, e.id).stream()
                .map(t -> new Survey.Target(t.estateId(), t.estateName(), t.companyId(), t.companyName())).toList() : List.of();
        return new Survey(e.id, e.title, e.description, SurveySubject.valueOf(e.subject), SurveyStatus.valueOf(e.status), e.periodFrom, e.periodTo,
                e.allEstates, ids(e.estateIds), e.indicatorSetId, qs, targets, respondents(em, e.id), e.getCreatedBy(), e.getCreatedAt(),
                e.getUpdatedAt(), e.getVersion());
    }

    /** One audit row in the same transaction; {@code summary} is JSON written by Jackson ({@code AuditEvent.summary}). */
    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit == null) {
            return;
        }
        audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, AUDIT_KIND, id, summary));
    }
}
