package org.smartproperty.credit.internal;

import static org.smartproperty.platform.persistence.Jpql.likeEscape;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
import org.smartproperty.company.CompanyService;
import org.smartproperty.credit.Appeal;
import org.smartproperty.credit.AppealQuery;
import org.smartproperty.credit.CompanyCredit;
import org.smartproperty.credit.CreditDetail;
import org.smartproperty.credit.CreditMessages;
import org.smartproperty.credit.CreditQuery;
import org.smartproperty.credit.CreditRecord;
import org.smartproperty.credit.CreditRule;
import org.smartproperty.credit.CreditService;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditStanding;
import org.smartproperty.credit.Declaration;
import org.smartproperty.credit.DeclarationInput;
import org.smartproperty.credit.PublicCredit;
import org.smartproperty.credit.RecordInput;
import org.smartproperty.credit.RecordKind;
import org.smartproperty.credit.RecordQuery;
import org.smartproperty.credit.RecordSource;
import org.smartproperty.credit.RecordStatus;
import org.smartproperty.credit.RuleInput;
import org.smartproperty.credit.ScoreChange;
import org.smartproperty.credit.Verification;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Company credit on JPA (persistence unit {@code credit}, tables {@code crd_*}): SUP-CO-3, CRD-1..5, DIS-1. The declaration
 * and the appeals run on the review kernel ({@link CreditReviews}); the score formula and the bands are {@link CreditRules}
 * from the configuration; other domains' signals become records by the rule table in the job {@code credit.signals}, and the
 * job {@code credit.expiry} records the score changes of records that drop out (CRD-2).
 */
@Component(service = {CreditService.class, CreditStanding.class, CreditInternals.class},
        configurationPid = "org.smartproperty.credit", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CreditConfig.class)
public class CreditServiceImpl implements CreditService, CreditStanding, CreditInternals {

    static final String UNIT = "credit";
    static final String DOMAIN = "credit";
    static final String RECORD_FILES = "credit-record";
    static final String AUDIT_RECORD = "credit-record";
    static final String AUDIT_RULE = "credit-rule";
    static final String SYSTEM_ISSUER = "system:credit-rules";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int TEXT_MAX = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(CreditServiceImpl.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.credit.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference
    private FileStore files;

    /** The registry's names (a profile is created with the company's name); absent = 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CompanyService companies;

    /** CRD-4: the regulator's time limit on an appeal; absent = 503 on an appeal. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeadlineTracker deadlines;

    private volatile CreditRules rules = CreditRules.DEFAULTS;
    private volatile int signalPeriodSeconds = 10;
    private volatile Clock clock = Clock.system(ZONE);
    /** False only outside OSGi (service tests without the deadline domain). */
    private boolean deadlinesRequired = true;
    private EntityManagerFactory emf;
    private Transactions tx;
    private CreditReviews reviews;
    private final List<ServiceRegistration<Job>> jobs = new ArrayList<>();

    public CreditServiceImpl() {
    }

    /** Outside OSGi (service tests): the real service over a persistence unit of the credit schema. */
    CreditServiceImpl(EntityManagerFactory emf, DataSource dataSource, AuditTrail audit, FileStore files, CompanyService companies,
                      DeadlineTracker deadlines, Clock clock) {
        this.emf = emf;
        this.dataSource = dataSource;
        this.audit = audit;
        this.files = files;
        this.companies = companies;
        this.deadlines = deadlines;
        this.deadlinesRequired = deadlines != null;
        this.clock = clock;
        this.tx = new Transactions(emf, DOMAIN);
        this.reviews = new CreditReviews(this, files, audit);
    }

    @Activate
    void activate(BundleContext context, CreditConfig config) {
        configure(config);
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, DOMAIN);
        reviews = new CreditReviews(this, files, audit);
        jobs.add(context.registerService(Job.class, Job.of("credit.signals",
                () -> JobSchedule.every(Duration.ofSeconds(signalPeriodSeconds), Duration.ofSeconds(5)),
                c -> processSignals(500) + " signal(s) processed"), null));
        jobs.add(context.registerService(Job.class, Job.of("credit.expiry",
                () -> JobSchedule.dailyAt(LocalTime.of(0, 10), ZONE), c -> refreshAll("record.expired") + " score change(s)"), null));
    }

    @Modified
    void modified(CreditConfig config) {
        configure(config);
    }

    /** Applies a configuration; one that breaks CRD-2/CRD-3 is refused and logged, the rules in force stay. */
    boolean configure(CreditConfig config) {
        try {
            rules = CreditRules.parse(config.gradeBands(), config.validityMonths(), config.baseCaps());
        } catch (RuntimeException e) {
            LOG.error("Credit configuration refused, the rules in force stay ({}): {}", rules.bandMap(), e.getMessage());
            return false;
        }
        signalPeriodSeconds = Math.max(1, Math.min(3600, config.signalPeriodSeconds()));
        return true;
    }

    @Deactivate
    void deactivate() {
        jobs.forEach(r -> {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // already gone with the bundle
            }
        });
        jobs.clear();
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    CreditRules rules() {
        return rules;
    }

    void rules(CreditRules r) {
        rules = r;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    Instant now() {
        return clock.instant();
    }

    // ------------------------------------------------------------------ scope

    static boolean inScope(DataScope scope, long companyId) {
        return scope != null && (scope.all() || (scope.kind() == DataScope.Kind.COMPANY && Objects.equals(scope.companyId(), companyId)));
    }

    static ApiException notFound(String kindKey, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, CreditMessages.TEXTS.text(kindKey), String.valueOf(id));
    }

    static void checkCompany(SpmPrincipal caller, long companyId) {
        if (!inScope(caller.scope(), companyId)) {
            throw notFound("objects.company", companyId);
        }
    }

    // ------------------------------------------------------------------ profiles and scores (CRD-1, CRD-3)

    /** The company's profile, created with its name from the registry (404 for a company that does not exist). */
    ProfileEntity profile(EntityManager em, long companyId) {
        ProfileEntity p = em.find(ProfileEntity.class, companyId);
        if (p != null) {
            return p;
        }
        CompanyService registry = ApiException.requireAvailable(companies, "company");
        String name = registry.get(DataScope.ALL, companyId).name();
        p = new ProfileEntity();
        p.id = companyId;
        p.companyName = name;
        p.touchedBy(org.smartproperty.platform.persistence.AuditedEntity.SYSTEM);
        em.persist(p);
        return p;
    }

    /** Score of the company as of {@code day} (end of that day in Asia/Shanghai), from its own rows. */
    CreditRules.Result scoreAsOf(EntityManager em, long companyId, LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZONE).toInstant();
        Integer base = null;
        Instant baseAt = null;
        for (DeclarationEntity d : em.createQuery("SELECT d FROM DeclarationEntity d WHERE d.companyId = :c AND d.baseScore IS NOT NULL",
                DeclarationEntity.class).setParameter("c", companyId).getResultList()) {
            Instant at = d.decidedAt();
            if (at != null && at.isBefore(end) && (baseAt == null || at.isAfter(baseAt))) {
                base = d.baseScore;
                baseAt = at;
            }
        }
        int good = 0;
        int bad = 0;
        boolean veto = false;
        for (RecordEntity r : records(em, companyId)) {
            if (countsOn(r, day)) {
                if (r.kind == RecordKind.GOOD) {
                    good += r.points;
                } else {
                    bad += r.points;
                }
                veto |= r.veto;
            }
        }
        return rules.score(base, good, bad, veto);
    }

    private static List<RecordEntity> records(EntityManager em, long companyId) {
        return em.createQuery("SELECT r FROM RecordEntity r WHERE r.companyId = :c ORDER BY r.occurredOn DESC, r.id DESC", RecordEntity.class)
                .setParameter("c", companyId).getResultList();
    }

    /** CRD-2: a record counts from its date while valid, once it was issued, and until it was withdrawn or repaired. */
    static boolean countsOn(RecordEntity r, LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZONE).toInstant();
        return !r.occurredOn.isAfter(day) && r.validUntil.isAfter(day) && r.getCreatedAt().isBefore(end)
                && (r.status == RecordStatus.ACTIVE || !r.getUpdatedAt().isBefore(end));
    }

    /**
     * Recomputes the company's current credit in the caller's transaction and records a score change when score, grade or
     * blacklist moved (or on the first computation).
     */
    boolean refresh(EntityManager em, long companyId, String cause, Long recordId) {
        ProfileEntity p = profile(em, companyId);
        CreditRules.Result r = scoreAsOf(em, companyId, today());
        boolean first = em.createQuery("SELECT COUNT(s) FROM ScoreChangeEntity s WHERE s.companyId = :c", Long.class)
                .setParameter("c", companyId).getSingleResult() == 0;
        boolean moved = first || p.score != r.score() || !Objects.equals(p.grade, r.grade()) || p.blacklisted != r.blacklisted();
        p.score = r.score();
        p.grade = r.grade();
        p.blacklisted = r.blacklisted();
        p.baseScore = r.base();
        p.goodPoints = r.good();
        p.badPoints = r.bad();
        p.veto = r.veto();
        p.touchedBy(org.smartproperty.platform.persistence.AuditedEntity.SYSTEM);
        if (moved) {
            ScoreChangeEntity s = new ScoreChangeEntity();
            s.companyId = companyId;
            s.changedAt = now();
            s.score = r.score();
            s.grade = r.grade();
            s.blacklisted = r.blacklisted();
            s.cause = cause;
            s.recordId = recordId;
            em.persist(s);
        }
        return moved;
    }

    /** Every profile recomputed (daily: records that expired drop out, CRD-2); one transaction per company. */
    int refreshAll(String cause) {
        List<Long> ids = tx.read(em -> em.createQuery("SELECT p.id FROM ProfileEntity p ORDER BY p.id", Long.class).getResultList());
        int changed = 0;
        for (Long id : ids) {
            if (tx.write(em -> refresh(em, id, cause, null))) {
                changed++;
            }
        }
        return changed;
    }

    @Override
    public Page<CompanyCredit> companies(SpmPrincipal caller, CreditQuery q, PageRequest page) {
        CreditQuery query = q == null ? new CreditQuery(null, null, null) : q;
        Validation v = new Validation(CreditMessages.TEXTS);
        v.maxLength("q", query.name(), 200);
        if (query.grade() != null && !query.grade().isBlank() && !rules.grades().contains(query.grade())) {
            v.error("grade", "grade.unknown", String.join(", ", rules.grades()));
        }
        v.throwIfInvalid();
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            DataScope scope = caller.scope();
            if (scope == null || !scope.all()) {
                if (scope != null && scope.kind() == DataScope.Kind.COMPANY) {
                    where.append(" AND p.id = :own");
                    params.put("own", scope.companyId());
                } else {
                    where.append(" AND 1 = 0");
                }
            }
            if (query.name() != null && !query.name().isBlank()) {
                where.append(" AND LOWER(p.companyName) LIKE :name ESCAPE '\\'");
                params.put("name", "%" + likeEscape(query.name().trim().toLowerCase(Locale.ROOT)) + "%");
            }
            if (query.grade() != null && !query.grade().isBlank()) {
                where.append(" AND p.grade = :grade");
                params.put("grade", query.grade());
            }
            if (query.blacklisted() != null) {
                // blacklisted = the lowest grade (CRD-5); the grade column says it on H2 and PostgreSQL alike
                where.append(query.blacklisted() ? " AND p.grade = :lowest" : " AND (p.grade IS NULL OR p.grade <> :lowest)");
                params.put("lowest", rules.lowest());
            }
            PageRequest mapped = mapSort(page);
            Jpql.Rows<ProfileEntity> found = Jpql.page(em, ProfileEntity.class, "p", where.toString(), params, mapped);
            return new Page<>(found.rows().stream().map(CreditServiceImpl::toDto).toList(), page.page(), page.size(), found.total());
        });
    }

    /** The API's sort keys on the profile's attributes ({@code companyId} is the entity's {@code id}). */
    private static PageRequest mapSort(PageRequest page) {
        return new PageRequest(page.page(), page.size(), page.sort().stream()
                .map(o -> o.property().equals("companyId") ? new org.smartproperty.platform.SortOrder("id", o.ascending()) : o).toList());
    }

    private static CompanyCredit toDto(ProfileEntity p) {
        return new CompanyCredit(p.id, p.companyName, p.score, p.grade, p.blacklisted, p.baseScore, p.goodPoints, p.badPoints, p.veto,
                p.getUpdatedAt());
    }

    @Override
    public CreditDetail company(SpmPrincipal caller, long companyId, LocalDate asOf) {
        checkCompany(caller, companyId);
        LocalDate day = asOf == null ? today() : asOf;
        return tx.read(em -> {
            ProfileEntity p = em.find(ProfileEntity.class, companyId);
            if (p == null) {
                throw notFound("objects.credit", companyId);
            }
            CreditRules.Result r = scoreAsOf(em, companyId, day);
            List<CreditRecord> inForce = records(em, companyId).stream().filter(rec -> countsOn(rec, day))
                    .map(rec -> toDto(em, rec, p.companyName)).toList();
            List<ScoreChange> history = em.createQuery("SELECT s FROM ScoreChangeEntity s WHERE s.companyId = :c ORDER BY s.changedAt DESC, s.id DESC",
                    ScoreChangeEntity.class).setParameter("c", companyId).getResultList().stream()
                    .map(s -> new ScoreChange(s.changedAt, s.score, s.grade, s.blacklisted, s.cause, s.recordId)).toList();
            return new CreditDetail(companyId, p.companyName, day, r.score(), r.grade(), r.blacklisted(), r.base(), r.good(), r.bad(),
                    r.veto(), inForce, history);
        });
    }

    @Override
    public Standing standing(long companyId) {
        return tx.read(em -> {
            ProfileEntity p = em.find(ProfileEntity.class, companyId);
            return p == null ? new Standing(companyId, null, 0, false) : new Standing(companyId, p.grade, p.score, p.blacklisted);
        });
    }

    // ------------------------------------------------------------------ declarations (CRD-1): CreditReviews

    @Override
    public List<Declaration> declarations(SpmPrincipal caller, long companyId) {
        checkCompany(caller, companyId);
        return tx.read(em -> reviews.declarations(em, companyId));
    }

    @Override
    public List<ReviewEvent> declarationHistory(SpmPrincipal caller, long companyId) {
        checkCompany(caller, companyId);
        return tx.read(em -> reviews.declarationHistory(em, companyId));
    }

    @Override
    public Declaration declare(SpmPrincipal caller, long companyId, DeclarationInput input) {
        List<AttachmentInput> materials = reviews.validateDeclaration(input);
        return tx.write(em -> reviews.declare(em, caller, companyId, input, materials));
    }

    @Override
    public Declaration verify(SpmPrincipal caller, long companyId, long declarationId, long version, Verification verification) {
        reviews.validateVerification(verification);
        return tx.write(em -> reviews.verify(em, caller.getName(), companyId, declarationId, version, verification));
    }

    @Override
    public Declaration returnDeclaration(SpmPrincipal caller, long companyId, long declarationId, long version, String reason) {
        reviews.validateReturn(reason);
        return tx.write(em -> reviews.returnDeclaration(em, caller.getName(), companyId, declarationId, version, reason));
    }

    // ------------------------------------------------------------------ records (CRD-2)

    @Override
    public Page<CreditRecord> records(SpmPrincipal caller, RecordQuery q, PageRequest page) {
        RecordQuery query = q == null ? new RecordQuery(null, null, null, null) : q;
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            DataScope scope = caller.scope();
            if (scope == null || !scope.all()) {
                where.append(" AND r.companyId = :own");
                params.put("own", scope != null && scope.kind() == DataScope.Kind.COMPANY ? scope.companyId() : -1L);
            }
            if (query.companyId() != null) {
                where.append(" AND r.companyId = :c");
                params.put("c", query.companyId());
            }
            if (query.kind() != null) {
                where.append(" AND r.kind = :k");
                params.put("k", query.kind());
            }
            if (query.source() != null) {
                where.append(" AND r.source = :s");
                params.put("s", query.source());
            }
            if (query.status() != null) {
                LocalDate today = today();
                switch (query.status()) {
                    case ACTIVE -> where.append(" AND r.status = :st AND r.validUntil > :today");
                    case EXPIRED -> where.append(" AND r.status = :st AND r.validUntil <= :today");
                    default -> where.append(" AND r.status = :st");
                }
                params.put("st", query.status() == RecordStatus.EXPIRED ? RecordStatus.ACTIVE : query.status());
                if (query.status() == RecordStatus.ACTIVE || query.status() == RecordStatus.EXPIRED) {
                    params.put("today", today);
                }
            }
            Jpql.Rows<RecordEntity> found = Jpql.page(em, RecordEntity.class, "r", where.toString(), params, page);
            Map<Long, String> names = new HashMap<>();
            return new Page<>(found.rows().stream().map(r -> toDto(em, r, names.computeIfAbsent(r.companyId, id -> name(em, id)))).toList(),
                    page.page(), page.size(), found.total());
        });
    }

    private static String name(EntityManager em, long companyId) {
        ProfileEntity p = em.find(ProfileEntity.class, companyId);
        return p == null ? null : p.companyName;
    }

    @Override
    public CreditRecord record(SpmPrincipal caller, long recordId) {
        return tx.read(em -> {
            RecordEntity r = findRecord(em, caller, recordId);
            return toDto(em, r, name(em, r.companyId));
        });
    }

    RecordEntity findRecord(EntityManager em, SpmPrincipal caller, long recordId) {
        RecordEntity r = em.find(RecordEntity.class, recordId);
        if (r == null || !inScope(caller.scope(), r.companyId)) {
            throw notFound("objects.record", recordId);
        }
        return r;
    }

    RecordStatus statusToday(RecordEntity r) {
        return r.status == RecordStatus.ACTIVE && !r.validUntil.isAfter(today()) ? RecordStatus.EXPIRED : r.status;
    }

    CreditRecord toDto(EntityManager em, RecordEntity r, String companyName) {
        RecordStatus status = statusToday(r);
        boolean appealable = r.kind == RecordKind.BAD && status == RecordStatus.ACTIVE && !reviews.hasAppeal(em, r.id);
        Connection c = em.getTransaction().isActive() ? em.unwrap(Connection.class) : null;
        return new CreditRecord(r.id, r.companyId, companyName, r.kind, r.source, r.ruleCode, r.points, r.veto, r.occurredOn, r.validUntil,
                r.issuer, r.reason, r.reference, status, r.statusReason, appealable,
                c == null ? attachedOwnConnection(RECORD_FILES, r.id) : files.attached(c, RECORD_FILES, Long.toString(r.id)), r.getVersion());
    }

    List<org.smartproperty.platform.files.Attachment> attachedOwnConnection(String kind, long id) {
        if (dataSource == null) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            return files.attached(c, kind, Long.toString(id));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CreditRecord addRecord(SpmPrincipal caller, RecordInput in) {
        Validation v = new Validation(CreditMessages.TEXTS);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
        }
        v.required("companyId", in.companyId());
        v.required("kind", in.kind());
        if (v.required("points", in.points()) && (in.points() < 0 || in.points() > 100)) {
            v.error("points", "points.range");
        }
        if (in.validMonths() != null && (in.validMonths() < 1 || in.validMonths() > 120)) {
            v.error("validMonths", "validMonths.range");
        }
        if (v.required("occurredOn", in.occurredOn()) && in.occurredOn().isAfter(today())) {
            v.error("occurredOn", "occurredOn.future");
        }
        if (Boolean.TRUE.equals(in.veto()) && in.kind() == RecordKind.GOOD) {
            v.error("veto", "veto.badOnly");
        }
        if (in.reason() == null || in.reason().isBlank()) {
            v.error("reason", "record.reasonRequired");
        } else {
            v.maxLength("reason", in.reason(), TEXT_MAX);
        }
        AttachmentInput.validateTitled(v, "evidence", in.evidence(), "evidence.required", "evidence.title");
        v.throwIfInvalid();
        RecordSource source = in.source() == null ? RecordSource.MANUAL : in.source();
        return tx.write(em -> {
            ProfileEntity p = profile(em, in.companyId());
            RecordEntity r = new RecordEntity();
            r.companyId = in.companyId();
            r.kind = in.kind();
            r.source = source;
            r.points = in.points();
            r.veto = Boolean.TRUE.equals(in.veto());
            r.occurredOn = in.occurredOn();
            r.validUntil = in.occurredOn().plusMonths(in.validMonths() == null ? rules.validityMonths() : in.validMonths());
            r.issuer = caller.getName();
            r.reason = in.reason().trim();
            r.status = RecordStatus.ACTIVE;
            r.touchedBy(caller.getName());
            em.persist(r);
            em.flush();
            files.attach(em.unwrap(Connection.class), in.evidence(), caller.getName(), RECORD_FILES, Long.toString(r.id), "evidence[]");
            audit(em, caller.getName(), "credit.record.add", AUDIT_RECORD, r.id, AuditEvent.summary("company", r.companyId, "kind", r.kind.name(),
                    "points", r.points, "veto", r.veto, "occurredOn", r.occurredOn.toString(), "validUntil", r.validUntil.toString()));
            refresh(em, r.companyId, "record.added", r.id);
            return toDto(em, r, p.companyName);
        });
    }

    @Override
    public CreditRecord repair(SpmPrincipal caller, long recordId, long version, String reason, List<AttachmentInput> evidence) {
        Validation v = new Validation(CreditMessages.TEXTS);
        if (reason == null || reason.isBlank()) {
            v.error("reason", "repair.reasonRequired");
        } else {
            v.maxLength("reason", reason, TEXT_MAX);
        }
        AttachmentInput.validateTitled(v, "evidence", evidence, "evidence.required", "evidence.title");
        v.throwIfInvalid();
        return tx.write(em -> {
            RecordEntity r = findRecord(em, caller, recordId);
            if (r.getVersion() != version) {
                throw ApiException.stale(r.getVersion());
            }
            RecordStatus now = statusToday(r);
            if (r.kind != RecordKind.BAD || now != RecordStatus.ACTIVE) {
                throw ApiException.conflict(CreditMessages.TEXTS, "repair.notActiveBad", r.kind.name(), now.name());
            }
            if (reviews.pendingAppeal(em, r.id)) {
                throw ApiException.conflict(CreditMessages.TEXTS, "repair.appealPending");
            }
            changeStatus(em, r, RecordStatus.REPAIRED, reason.trim(), caller.getName());
            files.attach(em.unwrap(Connection.class), evidence, caller.getName(), RECORD_FILES, Long.toString(r.id), "evidence[]");
            audit(em, caller.getName(), "credit.record.repair", AUDIT_RECORD, r.id, AuditEvent.summary("company", r.companyId,
                    "from", "ACTIVE", "to", "REPAIRED", "reason", reason.trim()));
            refresh(em, r.companyId, "record.repaired", r.id);
            return toDto(em, r, name(em, r.companyId));
        });
    }

    void changeStatus(EntityManager em, RecordEntity r, RecordStatus to, String why, String actor) {
        r.status = to;
        r.statusReason = why;
        r.touchedBy(actor);
        em.flush();
    }

    // ------------------------------------------------------------------ rule table

    @Override
    public List<CreditRule> rules(SpmPrincipal caller) {
        return tx.read(em -> em.createQuery("SELECT r FROM RuleEntity r ORDER BY r.source, r.code", RuleEntity.class).getResultList()
                .stream().map(CreditServiceImpl::toDto).toList());
    }

    private static CreditRule toDto(RuleEntity r) {
        return new CreditRule(r.code, r.source, r.condition, r.kind, r.points, r.validMonths, r.veto, r.active, r.description, r.getVersion());
    }

    @Override
    public CreditRule updateRule(SpmPrincipal caller, String code, long version, RuleInput in) {
        Validation v = new Validation(CreditMessages.TEXTS);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
        }
        if (v.required("points", in.points()) && (in.points() < 0 || in.points() > 100)) {
            v.error("points", "points.range");
        }
        if (v.required("validMonths", in.validMonths()) && (in.validMonths() < 1 || in.validMonths() > 120)) {
            v.error("validMonths", "validMonths.range");
        }
        v.required("veto", in.veto());
        v.required("active", in.active());
        v.throwIfInvalid();
        return tx.write(em -> {
            RuleEntity r = code == null || code.length() > 32 ? null : em.find(RuleEntity.class, code);
            if (r == null) {
                throw notFound("objects.rule", code);
            }
            if (r.getVersion() != version) {
                throw ApiException.stale(r.getVersion());
            }
            if (in.veto() && r.kind == RecordKind.GOOD) {
                throw ApiException.invalid(CreditMessages.TEXTS, "veto", "veto.badOnly");
            }
            String before = AuditEvent.summary("points", r.points, "validMonths", r.validMonths, "veto", r.veto, "active", r.active);
            r.points = in.points();
            r.validMonths = in.validMonths();
            r.veto = in.veto();
            r.active = in.active();
            r.touchedBy(caller.getName());
            em.flush();
            audit(em, caller.getName(), "credit.rule.update", AUDIT_RULE, r.code, AuditEvent.summary("before", before, "after",
                    AuditEvent.summary("points", r.points, "validMonths", r.validMonths, "veto", r.veto, "active", r.active)));
            return toDto(r);
        });
    }

    // ------------------------------------------------------------------ signals (CreditSignals) and the rule table


    /**
     * Turns pending signals into records by the rule table, one transaction per signal (a rule matched → a record with the
     * signal's key, the score recomputed; none → IGNORED). @return how many were processed
     */
    int processSignals(int max) {
        List<Object[]> pending = tx.read(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, signal_key FROM crd_signal WHERE processed_at IS NULL ORDER BY id")
                    .setMaxResults(max).getResultList();
            return rows;
        });
        int n = 0;
        for (Object[] row : pending) {
            long id = ((Number) row[0]).longValue();
            try {
                tx.write(em -> processSignal(em, id));
                n++;
            } catch (ApiException e) {
                if (e.status() == 404) {
                    // a company the registry does not know: kept as UNKNOWN_COMPANY, never retried
                    tx.write(em -> em.createNativeQuery("UPDATE crd_signal SET processed_at = ?, outcome = ? WHERE id = ? AND processed_at IS NULL")
                            .setParameter(1, java.sql.Timestamp.from(now())).setParameter(2, "UNKNOWN_COMPANY").setParameter(3, id)
                            .executeUpdate());
                    LOG.warn("Credit signal {} ({}) names a company the registry does not know; kept as UNKNOWN_COMPANY", id, row[1]);
                    n++;
                } else {
                    LOG.warn("Credit signal {} ({}) not processed, retried on the next run: {}", id, row[1], e.getMessage());
                }
            }
        }
        return n;
    }

    private Void processSignal(EntityManager em, long id) {
        Object[] s = (Object[]) em.createNativeQuery("SELECT signal_key, source, condition_name, company_id, occurred_on, reference, processed_at "
                + "FROM crd_signal WHERE id = ?").setParameter(1, id).getSingleResult();
        if (s[6] != null) {
            return null; // another run took it
        }
        String key = (String) s[0];
        RecordSource source = RecordSource.valueOf((String) s[1]);
        long companyId = ((Number) s[3]).longValue();
        LocalDate occurred = s[4] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) s[4];
        List<RuleEntity> matching = em.createQuery("SELECT r FROM RuleEntity r WHERE r.source = :s AND r.condition = :c AND r.active = :yes",
                RuleEntity.class).setParameter("yes", true).setParameter("s", source).setParameter("c", s[2]).getResultList();
        Long recordId = null;
        String outcome = "IGNORED";
        if (!matching.isEmpty()) {
            RuleEntity rule = matching.get(0);
            profile(em, companyId);
            RecordEntity r = new RecordEntity();
            r.companyId = companyId;
            r.kind = rule.kind;
            r.source = source;
            r.ruleCode = rule.code;
            r.points = rule.points;
            r.veto = rule.veto;
            r.occurredOn = occurred;
            r.validUntil = occurred.plusMonths(rule.validMonths);
            r.issuer = SYSTEM_ISSUER;
            r.reason = rule.description;
            r.reference = (String) s[5];
            r.status = RecordStatus.ACTIVE;
            r.signalKey = key;
            r.touchedBy(SYSTEM_ISSUER);
            em.persist(r);
            em.flush();
            recordId = r.id;
            outcome = "RECORDED";
            audit(em, SYSTEM_ISSUER, "credit.record.add", AUDIT_RECORD, r.id, AuditEvent.summary("company", companyId, "rule", rule.code,
                    "signal", key, "kind", r.kind.name(), "points", r.points, "veto", r.veto));
            refresh(em, companyId, "record.added", r.id);
        }
        em.createNativeQuery("UPDATE crd_signal SET processed_at = ?, outcome = ?, record_id = NULLIF(?, -1) WHERE id = ?")
                .setParameter(1, java.sql.Timestamp.from(now())).setParameter(2, outcome).setParameter(3, recordId == null ? -1L : recordId)
                .setParameter(4, id).executeUpdate();
        return null;
    }

    // ------------------------------------------------------------------ appeals (CRD-4): CreditReviews

    @Override
    public Page<Appeal> appeals(SpmPrincipal caller, AppealQuery query, PageRequest page) {
        return tx.read(em -> reviews.appeals(em, caller, query == null ? new AppealQuery(null, null) : query, page));
    }

    @Override
    public Appeal appeal(SpmPrincipal caller, long appealId) {
        return tx.read(em -> reviews.appeal(em, caller, appealId));
    }

    @Override
    public Appeal submitAppeal(SpmPrincipal caller, long recordId, String reason, List<AttachmentInput> evidence) {
        reviews.validateAppeal(reason, evidence);
        return tx.write(em -> reviews.submitAppeal(em, caller, recordId, reason.trim(), evidence));
    }

    @Override
    public Appeal uphold(SpmPrincipal caller, long appealId, long version, String reason) {
        reviews.validateUphold(reason);
        return tx.write(em -> reviews.decideAppeal(em, caller.getName(), appealId, version, false, reason));
    }

    @Override
    public Appeal withdraw(SpmPrincipal caller, long appealId, long version, String reason) {
        reviews.validateWithdraw(reason);
        return tx.write(em -> reviews.decideAppeal(em, caller.getName(), appealId, version, true, reason));
    }

    DeadlineTracker deadlines() {
        return deadlinesRequired ? ApiException.requireAvailable(deadlines, "deadline") : deadlines;
    }

    /** The tracker when present (reads: an appeal's due time), without the 503 of {@link #deadlines()}. */
    DeadlineTracker deadlinesOrNull() {
        return deadlines;
    }

    DataSource dataSource() {
        return dataSource;
    }

    // ------------------------------------------------------------------ public (DIS-1)

    @Override
    public Page<PublicCredit> publicCredit(String name, PageRequest page) {
        Validation v = new Validation(CreditMessages.TEXTS);
        v.maxLength("q", name, 200);
        v.throwIfInvalid();
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE p.grade IS NOT NULL");
            Map<String, Object> params = new HashMap<>();
            if (name != null && !name.isBlank()) {
                where.append(" AND LOWER(p.companyName) LIKE :name ESCAPE '\\'");
                params.put("name", "%" + likeEscape(name.trim().toLowerCase(Locale.ROOT)) + "%");
            }
            Jpql.Rows<ProfileEntity> found = Jpql.page(em, ProfileEntity.class, "p", where.toString(), params, mapSort(page));
            LocalDate today = today();
            List<PublicCredit> items = found.rows().stream().map(p -> {
                List<PublicCredit.Entry> entries = records(em, p.id).stream().filter(r -> countsOn(r, today))
                        .map(r -> new PublicCredit.Entry(r.kind, r.source, r.points, r.veto, r.occurredOn, r.validUntil)).toList();
                int good = (int) entries.stream().filter(e -> e.kind() == RecordKind.GOOD).count();
                return new PublicCredit(p.id, p.companyName, p.grade, p.score, p.blacklisted, good, entries.size() - good, entries);
            }).toList();
            return new Page<>(items, page.page(), page.size(), found.total());
        });
    }

    // ------------------------------------------------------------------ helpers

    /** File-store rule of record evidence and appeal/declaration materials: credit:read and the company in scope. */
    @Override
    public boolean mayReadFiles(SpmPrincipal caller, String ownerKind, String ownerRef) {
        if (!caller.permissions().contains("credit:read")) {
            return false;
        }
        long id;
        try {
            id = Long.parseLong(ownerRef);
        } catch (NumberFormatException e) {
            return false;
        }
        return tx.read(em -> {
            Long companyId = switch (ownerKind) {
                case RECORD_FILES -> {
                    RecordEntity r = em.find(RecordEntity.class, id);
                    yield r == null ? null : r.companyId;
                }
                case CreditReviews.APPEAL_FILES -> {
                    AppealEntity a = em.find(AppealEntity.class, id);
                    yield a == null ? null : a.companyId;
                }
                case CreditReviews.DECLARATION_FILES -> {
                    DeclarationEntity d = em.find(DeclarationEntity.class, id);
                    yield d == null ? null : d.companyId;
                }
                default -> null;
            };
            return companyId != null && inScope(caller.scope(), companyId);
        });
    }

    void audit(EntityManager em, String actor, String action, String type, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, action, type, id, summary));
        }
    }
}
