package org.smartproperty.assessment.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.assessment.Acceptance;
import org.smartproperty.assessment.AssessmentMessages;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.assessment.AssessmentService;
import org.smartproperty.assessment.IndicatorSet;
import org.smartproperty.assessment.IndicatorSetInput;
import org.smartproperty.assessment.MetricInfo;
import org.smartproperty.assessment.Report;
import org.smartproperty.assessment.ReportStatus;
import org.smartproperty.assessment.ReportSubmission;
import org.smartproperty.assessment.Result;
import org.smartproperty.assessment.Round;
import org.smartproperty.assessment.RoundInput;
import org.smartproperty.assessment.RoundQuery;
import org.smartproperty.assessment.RoundStatus;
import org.smartproperty.assessment.ScoringMethod;
import org.smartproperty.assessment.SetStatus;
import org.smartproperty.assessment.Top10;
import org.smartproperty.assessment.ValueStatus;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
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
 * The 100-point assessment on JPA (persistence unit {@code assessment}, tables {@code asm_*}): SUP-AS-1..3, COS-8, DIS-6.
 * Indicator sets ({@link IndicatorSets}), rounds with a report per FILED company, the reports on the review kernel
 * ({@link AssessmentReports}), the computed indicators from the {@link AssessmentMetric} whiteboard at the close, ranks
 * ({@link Scoring}) and the publication with its credit signals.
 *
 * <p>Other domains' services are DYNAMIC/OPTIONAL/GREEDY and read through {@code ApiException.requireAvailable} inside the
 * transaction (503 while away): the company registry (names, at the opening), the credit signals (at the publication). The
 * metrics are a dynamic multiple reference: a metric no active bundle provides gives no value (0 points, NO_METRIC), never an
 * error, and the providers (e.g. the inspection impl) import this API without being referenced back in a cycle.
 */
@Component(service = {AssessmentService.class, AssessmentInternals.class}, configurationPid = "org.smartproperty.assessment",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AssessmentConfig.class)
public class AssessmentServiceImpl implements AssessmentService, AssessmentInternals {

    static final String UNIT = "assessment";
    static final String AUDIT_SET = "assessment-indicator-set";
    static final String AUDIT_ROUND = "assessment-round";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final BigDecimal PASS_MARK = new BigDecimal("60");
    static final int TOP = 10;
    private static final Logger LOG = LoggerFactory.getLogger(AssessmentServiceImpl.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.assessment.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference
    private FileStore files;

    /** The registry (FILED companies and their names at the opening); absent = 503 on opening a round. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CompanyService companies;

    /** The credit domain's signals (top10 / below60 at the publication); absent = 503 on publishing. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CreditSignals creditSignals;

    /** The computed indicators' data, provided by the domains that own it (whiteboard). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            fieldOption = FieldOption.UPDATE, service = AssessmentMetric.class)
    private final List<AssessmentMetric> metrics = new CopyOnWriteArrayList<>();

    private volatile Clock clock = Clock.system(ZONE);
    private volatile int reminderLeadDays = 5;
    private EntityManagerFactory emf;
    private Transactions tx;
    private AssessmentReports reports;

    public AssessmentServiceImpl() {
    }

    /** Outside OSGi (service tests): the real service over a persistence unit of the assessment schema. */
    AssessmentServiceImpl(EntityManagerFactory emf, DataSource dataSource, AuditTrail audit, FileStore files, CompanyService companies,
                          CreditSignals signals, List<AssessmentMetric> metrics, Clock clock) {
        this.emf = emf;
        this.dataSource = dataSource;
        this.audit = audit;
        this.files = files;
        this.companies = companies;
        this.creditSignals = signals;
        this.metrics.addAll(metrics);
        this.clock = clock;
        this.tx = new Transactions(emf, UNIT);
        this.reports = new AssessmentReports(this, files, audit);
    }

    @Activate
    void activate(AssessmentConfig config) {
        configure(config.reminder_leadDays());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
        reports = new AssessmentReports(this, files, audit);
    }

    @Modified
    void modified(AssessmentConfig config) {
        configure(config.reminder_leadDays());
    }

    /** Applies a configuration; a lead time outside 1..60 days is refused and logged, the one in force stays. */
    boolean configure(int leadDays) {
        if (leadDays < 1 || leadDays > 60) {
            LOG.error("reminder.leadDays {} is outside 1..60; {} stays", leadDays, reminderLeadDays);
            return false;
        }
        reminderLeadDays = leadDays;
        return true;
    }

    @Deactivate
    void deactivate() {
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    /** The providers as they are now (tests add and remove). */
    List<AssessmentMetric> metricProviders() {
        return metrics;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    // ------------------------------------------------------------------ scope and helpers

    static boolean inScope(DataScope scope, long companyId) {
        return scope != null && (scope.all() || (scope.kind() == DataScope.Kind.COMPANY && Objects.equals(scope.companyId(), companyId)));
    }

    static ApiException notFound(String kindKey, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, AssessmentMessages.TEXTS.text(kindKey), String.valueOf(id));
    }

    private void audit(EntityManager em, String actor, String action, String type, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, action, type, id, summary));
        }
    }

    List<Attachment> attachedOwnConnection(String kind, long id) {
        if (dataSource == null) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            return files.attached(c, kind, Long.toString(id));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ indicator library (SUP-AS-1)

    @Override
    public Page<IndicatorSet> indicatorSets(SpmPrincipal caller, PageRequest page) {
        return tx.read(em -> {
            Jpql.Rows<IndicatorSetEntity> found = Jpql.page(em, IndicatorSetEntity.class, "s", " WHERE 1 = 1", Map.of(), page);
            return new Page<>(found.rows().stream().map(s -> IndicatorSets.toDto(s, IndicatorSets.tree(em, s.id))).toList(), page.page(),
                    page.size(), found.total());
        });
    }

    @Override
    public IndicatorSet indicatorSet(SpmPrincipal caller, long id) {
        return tx.read(em -> IndicatorSets.toDto(findSet(em, id), IndicatorSets.tree(em, id)));
    }

    private static IndicatorSetEntity findSet(EntityManager em, long id) {
        IndicatorSetEntity s = em.find(IndicatorSetEntity.class, id);
        if (s == null) {
            throw notFound("objects.indicatorSet", id);
        }
        return s;
    }

    @Override
    public IndicatorSet createIndicatorSet(SpmPrincipal caller, IndicatorSetInput in) {
        IndicatorSets.validate(in);
        String name = in.name().strip();
        return tx.write(em -> {
            long taken = em.createQuery("SELECT COUNT(s) FROM IndicatorSetEntity s WHERE s.name = :n", Long.class).setParameter("n", name)
                    .getSingleResult();
            if (taken > 0) {
                throw ApiException.conflict(AssessmentMessages.TEXTS, "indicatorSet.nameTaken", name);
            }
            return newSet(em, caller.getName(), name, 1, in, "assessment.set.create");
        });
    }

    private IndicatorSet newSet(EntityManager em, String actor, String name, int setVersion, IndicatorSetInput in, String action) {
        IndicatorSetEntity s = new IndicatorSetEntity();
        s.name = name;
        s.setVersion = setVersion;
        s.status = SetStatus.DRAFT;
        s.touchedBy(actor);
        em.persist(s);
        em.flush();
        IndicatorSets.write(em, s.id, in.indicators());
        List<IndicatorEntity> tree = IndicatorSets.tree(em, s.id);
        audit(em, actor, action, AUDIT_SET, s.id, AuditEvent.summary("name", name, "setVersion", setVersion, "indicators", tree.size(),
                "totalWeight", IndicatorSets.total(tree).toPlainString()));
        return IndicatorSets.toDto(s, tree);
    }

    @Override
    public IndicatorSet updateIndicatorSet(SpmPrincipal caller, long id, long version, IndicatorSetInput in) {
        IndicatorSets.validate(in);
        String name = in.name().strip();
        return tx.write(em -> {
            IndicatorSetEntity s = findSet(em, id);
            if (s.getVersion() != version) {
                throw ApiException.stale(s.getVersion());
            }
            if (IndicatorSets.frozen(s)) {
                throw ApiException.conflict(AssessmentMessages.TEXTS, "indicatorSet.frozen");
            }
            long taken = em.createQuery("SELECT COUNT(s) FROM IndicatorSetEntity s WHERE s.name = :n AND s.id <> :id AND s.setVersion = :v",
                    Long.class).setParameter("n", name).setParameter("id", id).setParameter("v", s.setVersion).getSingleResult();
            if (taken > 0) {
                throw ApiException.conflict(AssessmentMessages.TEXTS, "indicatorSet.nameTaken", name);
            }
            em.createQuery("DELETE FROM IndicatorEntity i WHERE i.setId = :s").setParameter("s", id).executeUpdate();
            em.lock(s, LockModeType.OPTIMISTIC_FORCE_INCREMENT); // the ETag changes with the tree, not only with the name
            s.name = name;
            s.touchedBy(caller.getName());
            em.flush();
            IndicatorSets.write(em, s.id, in.indicators());
            List<IndicatorEntity> tree = IndicatorSets.tree(em, s.id);
            audit(em, caller.getName(), "assessment.set.update", AUDIT_SET, s.id, AuditEvent.summary("name", name, "indicators", tree.size(),
                    "totalWeight", IndicatorSets.total(tree).toPlainString()));
            return IndicatorSets.toDto(s, tree);
        });
    }

    @Override
    public IndicatorSet copyIndicatorSet(SpmPrincipal caller, long id) {
        return tx.write(em -> {
            IndicatorSetEntity s = findSet(em, id);
            int next = em.createQuery("SELECT MAX(s.setVersion) FROM IndicatorSetEntity s WHERE s.name = :n", Integer.class)
                    .setParameter("n", s.name).getSingleResult() + 1;
            return newSet(em, caller.getName(), s.name, next, new IndicatorSetInput(s.name, IndicatorSets.asInput(IndicatorSets.tree(em, id))),
                    "assessment.set.copy");
        });
    }

    @Override
    public IndicatorSet freezeIndicatorSet(SpmPrincipal caller, long id, long version) {
        return tx.write(em -> {
            IndicatorSetEntity s = findSet(em, id);
            if (s.getVersion() != version) {
                throw ApiException.stale(s.getVersion());
            }
            if (IndicatorSets.frozen(s)) {
                throw ApiException.conflict(AssessmentMessages.TEXTS, "indicatorSet.frozen");
            }
            List<IndicatorEntity> tree = IndicatorSets.tree(em, id);
            freeze(em, caller.getName(), s, tree);
            return IndicatorSets.toDto(s, tree);
        });
    }

    private void freeze(EntityManager em, String actor, IndicatorSetEntity s, List<IndicatorEntity> tree) {
        IndicatorSets.checkUsable(tree);
        s.status = SetStatus.FROZEN;
        s.touchedBy(actor);
        em.flush();
        audit(em, actor, "assessment.set.freeze", AUDIT_SET, s.id, AuditEvent.summary("name", s.name, "setVersion", s.setVersion));
    }

    @Override
    public List<MetricInfo> metrics(SpmPrincipal caller) {
        TreeSet<String> names = new TreeSet<>(AssessmentMetric.KNOWN);
        metrics.forEach(m -> names.add(m.name()));
        return names.stream().map(n -> new MetricInfo(n, metric(n) != null)).toList();
    }

    private AssessmentMetric metric(String name) {
        return metrics.stream().filter(m -> name.equals(m.name())).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ rounds (SUP-AS-2, COS-8)

    @Override
    public Page<Round> rounds(SpmPrincipal caller, RoundQuery query, PageRequest page) {
        return tx.read(em -> {
            String where = query == null || query.status() == null ? " WHERE 1 = 1" : " WHERE r.status = :st";
            Map<String, Object> params = query == null || query.status() == null ? Map.of() : Map.of("st", query.status());
            Jpql.Rows<RoundEntity> found = Jpql.page(em, RoundEntity.class, "r", where, params, page);
            return new Page<>(found.rows().stream().map(r -> toDto(em, r)).toList(), page.page(), page.size(), found.total());
        });
    }

    @Override
    public Round round(SpmPrincipal caller, long id) {
        return tx.read(em -> toDto(em, findRound(em, id)));
    }

    static RoundEntity findRound(EntityManager em, long id) {
        RoundEntity r = em.find(RoundEntity.class, id);
        if (r == null) {
            throw notFound("objects.round", id);
        }
        return r;
    }

    private Round toDto(EntityManager em, RoundEntity r) {
        IndicatorSetEntity s = em.find(IndicatorSetEntity.class, r.setId);
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createQuery("SELECT p.status, COUNT(p) FROM ReportEntity p WHERE p.roundId = :r GROUP BY p.status")
                .setParameter("r", r.id).getResultList();
        int all = 0;
        int submitted = 0;
        int accepted = 0;
        for (Object[] c : counts) {
            int n = ((Number) c[1]).intValue();
            all += n;
            if (c[0] != ReportStatus.NOT_SUBMITTED) {
                submitted += n;
            }
            if (c[0] == ReportStatus.APPROVED) {
                accepted += n;
            }
        }
        return new Round(r.id, r.name, r.periodFrom, r.periodTo, r.setId, s.name, s.setVersion, r.dueDate, r.status, r.getCreatedBy(),
                r.getCreatedAt(), r.status == RoundStatus.PUBLISHED ? r.getUpdatedAt() : null,
                all, submitted, accepted, r.getVersion());
    }

    @Override
    public Round openRound(SpmPrincipal caller, RoundInput in) {
        Validation v = new Validation(AssessmentMessages.TEXTS);
        if (in == null) {
            v.required("name", null);
            v.throwIfInvalid();
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name().strip(), IndicatorSets.NAME_MAX);
        }
        boolean from = v.required("periodFrom", in.periodFrom());
        if (v.required("periodTo", in.periodTo()) && from && in.periodTo().isBefore(in.periodFrom())) {
            v.error("periodTo", "round.periodOrder");
        }
        v.required("indicatorSetId", in.indicatorSetId());
        if (v.required("dueDate", in.dueDate()) && from && in.dueDate().isBefore(in.periodFrom())) {
            v.error("dueDate", "round.dueBeforePeriod");
        }
        v.throwIfInvalid();
        String name = in.name().strip();
        String actor = caller.getName();
        return tx.write(em -> {
            long taken = em.createQuery("SELECT COUNT(r) FROM RoundEntity r WHERE r.name = :n", Long.class).setParameter("n", name)
                    .getSingleResult();
            if (taken > 0) {
                throw ApiException.conflict(AssessmentMessages.TEXTS, "round.nameTaken", name);
            }
            IndicatorSetEntity set = em.find(IndicatorSetEntity.class, in.indicatorSetId());
            if (set == null) {
                throw ApiException.invalid(AssessmentMessages.TEXTS, "indicatorSetId", "round.unknownSet", in.indicatorSetId());
            }
            List<IndicatorEntity> tree = IndicatorSets.tree(em, set.id);
            IndicatorSets.checkUsable(tree);
            if (!IndicatorSets.frozen(set)) {
                freeze(em, actor, set, tree); // a round freezes the set it uses
            }
            List<Company> filed = filedCompanies();
            RoundEntity r = new RoundEntity();
            r.name = name;
            r.periodFrom = in.periodFrom();
            r.periodTo = in.periodTo();
            r.setId = set.id;
            r.dueDate = in.dueDate();
            r.status = RoundStatus.OPEN;
            r.touchedBy(actor);
            em.persist(r);
            em.flush();
            for (Company c : filed) {
                ReportEntity p = new ReportEntity();
                p.roundId = r.id;
                p.companyId = c.id();
                p.companyName = c.name();
                p.status = ReportStatus.NOT_SUBMITTED;
                p.touchedBy(actor);
                em.persist(p);
            }
            em.flush();
            audit(em, actor, "assessment.round.open", AUDIT_ROUND, r.id, AuditEvent.summary("name", name, "periodFrom", r.periodFrom.toString(),
                    "periodTo", r.periodTo.toString(), "indicatorSet", set.id, "dueDate", r.dueDate.toString(), "companies", filed.size()));
            return toDto(em, r);
        });
    }

    /** Every FILED company of the registry, page by page (503 while the registry is away). */
    private List<Company> filedCompanies() {
        CompanyService registry = ApiException.requireAvailable(companies, "company");
        List<Company> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Company> p = registry.list(DataScope.ALL, new CompanyQuery(null, CompanyStatus.FILED), PageRequest.of(page, PageRequest.MAX_SIZE));
            all.addAll(p.items());
            if (p.items().size() < PageRequest.MAX_SIZE || all.size() >= p.total()) {
                return all;
            }
        }
    }

    private RoundEntity lockedRound(EntityManager em, long id, long version, RoundStatus expected, String conflictKey) {
        RoundEntity r = findRound(em, id);
        if (r.getVersion() != version) {
            throw ApiException.stale(r.getVersion());
        }
        if (r.status != expected) {
            throw ApiException.conflict(AssessmentMessages.TEXTS, conflictKey, r.status.name());
        }
        return r;
    }

    @Override
    public Round closeRound(SpmPrincipal caller, long id, long version) {
        // the metrics are read before the write transaction: they query other domains' tables on connections of their own
        record Leaf(long id, String metric, BigDecimal weight, BigDecimal best, BigDecimal worst) {
        }
        record Plan(LocalDate from, LocalDate to, List<Leaf> leaves) {
        }
        Plan plan = tx.read(em -> {
            RoundEntity r = lockedRound(em, id, version, RoundStatus.OPEN, "round.notOpen");
            return new Plan(r.periodFrom, r.periodTo, IndicatorSets.leaves(IndicatorSets.tree(em, r.setId)).stream()
                    .filter(i -> i.method == ScoringMethod.COMPUTED).map(i -> new Leaf(i.id, i.metric, i.weight, i.best, i.worst)).toList());
        });
        Map<String, Map<Long, BigDecimal>> data = new HashMap<>();
        for (Leaf l : plan.leaves()) {
            data.computeIfAbsent(l.metric(), n -> evaluate(n, plan.from(), plan.to()));
        }
        return tx.write(em -> {
            RoundEntity r = lockedRound(em, id, version, RoundStatus.OPEN, "round.notOpen");
            List<ReportEntity> all = em.createQuery("SELECT p FROM ReportEntity p WHERE p.roundId = :r ORDER BY p.id", ReportEntity.class)
                    .setParameter("r", id).getResultList();
            Map<String, Integer> noValue = new LinkedHashMap<>();
            for (ReportEntity p : all) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Leaf l : plan.leaves()) {
                    Map<Long, BigDecimal> values = data.get(l.metric());
                    ComputedEntity c = new ComputedEntity();
                    c.reportId = p.id;
                    c.indicatorId = l.id();
                    BigDecimal value = values == null ? null : values.get(p.companyId);
                    c.status = values == null ? ValueStatus.NO_METRIC : value == null ? ValueStatus.NO_VALUE : ValueStatus.VALUE;
                    c.metricValue = value;
                    c.points = value == null ? BigDecimal.ZERO.setScale(Scoring.SCALE) : Scoring.points(l.weight(), value, l.best(), l.worst());
                    if (value == null) {
                        noValue.merge(l.metric(), 1, Integer::sum);
                    }
                    em.persist(c);
                    sum = sum.add(c.points);
                }
                p.computedPoints = sum.setScale(Scoring.SCALE);
                p.touchedBy(caller.getName());
            }
            r.status = RoundStatus.CLOSED;
            r.touchedBy(caller.getName());
            em.flush();
            audit(em, caller.getName(), "assessment.round.close", AUDIT_ROUND, r.id, AuditEvent.summary("reports", all.size(),
                    "metrics", new ArrayList<>(data.keySet()), "withoutValue", noValue));
            return toDto(em, r);
        });
    }

    /** A metric's values, or null when no bundle provides it or it fails (logged): no value for anyone, never a 500. */
    private Map<Long, BigDecimal> evaluate(String name, LocalDate from, LocalDate to) {
        AssessmentMetric m = metric(name);
        if (m == null) {
            LOG.info("Assessment metric {} is provided by no active bundle: no values (0 points)", name);
            return null;
        }
        try {
            Map<Long, BigDecimal> values = m.values(from, to);
            return values == null ? Map.of() : values;
        } catch (RuntimeException e) {
            LOG.warn("Assessment metric {} failed; treated as not provided: {}", name, e.toString());
            return null;
        }
    }

    @Override
    public Round publishRound(SpmPrincipal caller, long id, long version) {
        return tx.write(em -> {
            RoundEntity r = lockedRound(em, id, version, RoundStatus.CLOSED, "round.notClosed");
            CreditSignals signals = ApiException.requireAvailable(creditSignals, "credit");
            List<Scoring.Ranked<ReportEntity>> ranked = ranked(em, r.id);
            LocalDate today = today();
            Connection c = em.unwrap(Connection.class);
            int top = 0;
            int below = 0;
            for (Scoring.Ranked<ReportEntity> x : ranked) {
                ReportEntity p = x.item();
                p.score = x.score();
                p.rank = x.rank();
                p.touchedBy(caller.getName());
                // one signal per company and round (the key): a score below 60 is never an honour, even in the first ten
                String condition = x.score().compareTo(PASS_MARK) < 0 ? "below60" : x.rank() <= TOP ? "top10" : null;
                if (condition != null) {
                    signals.emit(c, new CreditSignal("ASSESSMENT", condition, p.companyId, "assessment:" + r.id + ":" + p.companyId, today,
                            r.name));
                    if ("top10".equals(condition)) {
                        top++;
                    } else {
                        below++;
                    }
                }
            }
            r.status = RoundStatus.PUBLISHED;
            r.touchedBy(caller.getName());
            em.flush();
            audit(em, caller.getName(), "assessment.round.publish", AUDIT_ROUND, r.id, AuditEvent.summary("reports", ranked.size(),
                    "top10", top, "below60", below));
            return toDto(em, r);
        });
    }

    /** Score = accepted self-reported points (only once APPROVED) + computed points; ranked, ties share a rank, then by name. */
    private static List<Scoring.Ranked<ReportEntity>> ranked(EntityManager em, long roundId) {
        List<ReportEntity> all = em.createQuery("SELECT p FROM ReportEntity p WHERE p.roundId = :r", ReportEntity.class)
                .setParameter("r", roundId).getResultList();
        return Scoring.rank(all, AssessmentServiceImpl::liveScore,
                Comparator.comparing((ReportEntity p) -> p.companyName).thenComparing(p -> p.companyId));
    }

    static BigDecimal liveScore(ReportEntity p) {
        return Scoring.sum(p.status == ReportStatus.APPROVED ? p.selfPoints : null, p.computedPoints);
    }

    // ------------------------------------------------------------------ reports (AssessmentReports, review kernel)

    /** The report of the company in the round, 404 when either is unknown or the company is outside the caller's scope. */
    ReportEntity findReport(EntityManager em, SpmPrincipal caller, long roundId, long companyId) {
        if (!inScope(caller.scope(), companyId)) {
            throw notFound("objects.report", companyId);
        }
        findRound(em, roundId);
        List<ReportEntity> found = em.createQuery("SELECT p FROM ReportEntity p WHERE p.roundId = :r AND p.companyId = :c", ReportEntity.class)
                .setParameter("r", roundId).setParameter("c", companyId).getResultList();
        if (found.isEmpty()) {
            throw notFound("objects.report", companyId);
        }
        return found.get(0);
    }

    @Override
    public Page<Report> reports(SpmPrincipal caller, long roundId, ReportStatus status, PageRequest page) {
        return tx.read(em -> {
            RoundEntity round = findRound(em, roundId);
            StringBuilder where = new StringBuilder(" WHERE p.roundId = :r");
            Map<String, Object> params = new HashMap<>();
            params.put("r", roundId);
            DataScope scope = caller.scope();
            if (scope == null || !scope.all()) {
                where.append(" AND p.companyId = :own");
                params.put("own", scope != null && scope.kind() == DataScope.Kind.COMPANY ? scope.companyId() : -1L);
            }
            if (status != null) {
                where.append(" AND p.status = :st");
                params.put("st", status);
            }
            Jpql.Rows<ReportEntity> found = Jpql.page(em, ReportEntity.class, "p", where.toString(), params, page);
            return new Page<>(found.rows().stream().map(p -> reports.toDto(em, p, round)).toList(), page.page(), page.size(), found.total());
        });
    }

    @Override
    public Report report(SpmPrincipal caller, long roundId, long companyId) {
        return tx.read(em -> reports.toDto(em, findReport(em, caller, roundId, companyId), findRound(em, roundId)));
    }

    @Override
    public List<ReviewEvent> reportHistory(SpmPrincipal caller, long roundId, long companyId) {
        return tx.read(em -> reports.history(em, findReport(em, caller, roundId, companyId)));
    }

    @Override
    public Report submitReport(SpmPrincipal caller, long roundId, long companyId, ReportSubmission submission) {
        AssessmentReports.validateSubmission(submission);
        return tx.write(em -> reports.submit(em, caller, roundId, companyId, submission));
    }

    @Override
    public Report returnReport(SpmPrincipal caller, long roundId, long companyId, long version, String reason) {
        reports.validateReturn(reason);
        return tx.write(em -> reports.returnReport(em, caller, roundId, companyId, version, reason));
    }

    @Override
    public Report acceptReport(SpmPrincipal caller, long roundId, long companyId, long version, Acceptance acceptance) {
        AssessmentReports.validateAcceptance(acceptance);
        return tx.write(em -> reports.accept(em, caller, roundId, companyId, version, acceptance));
    }

    // ------------------------------------------------------------------ results (SUP-AS-3, DIS-6)

    @Override
    public List<Result> results(SpmPrincipal caller, long roundId) {
        return tx.read(em -> {
            RoundEntity r = findRound(em, roundId);
            if (r.status == RoundStatus.OPEN) {
                throw ApiException.conflict(AssessmentMessages.TEXTS, "results.notYet");
            }
            List<Result> out = new ArrayList<>();
            if (r.status == RoundStatus.PUBLISHED) {
                em.createQuery("SELECT p FROM ReportEntity p WHERE p.roundId = :r ORDER BY p.rank, p.companyName, p.companyId", ReportEntity.class)
                        .setParameter("r", roundId).getResultList()
                        .forEach(p -> out.add(result(p, p.score, p.rank)));
            } else {
                ranked(em, roundId).forEach(x -> out.add(result(x.item(), x.score(), x.rank())));
            }
            return out.stream().filter(x -> inScope(caller.scope(), x.companyId())).toList();
        });
    }

    private static Result result(ReportEntity p, BigDecimal score, int rank) {
        return new Result(p.companyId, p.companyName, score, rank, p.status == ReportStatus.APPROVED ? p.selfPoints : null, p.computedPoints,
                p.status);
    }

    @Override
    public Top10 top10() {
        return tx.read(em -> {
            List<RoundEntity> published = em.createQuery("SELECT r FROM RoundEntity r WHERE r.status = :s ORDER BY r.updatedAt DESC, r.id DESC",
                    RoundEntity.class).setParameter("s", RoundStatus.PUBLISHED).setMaxResults(1).getResultList();
            if (published.isEmpty()) {
                return new Top10(null, null, null, null, null, List.of());
            }
            RoundEntity r = published.get(0);
            List<Top10.Item> items = em.createQuery("SELECT p FROM ReportEntity p WHERE p.roundId = :r AND p.rank <= :top "
                    + "ORDER BY p.rank, p.companyName, p.companyId", ReportEntity.class).setParameter("r", r.id).setParameter("top", TOP)
                    .getResultList().stream().map(p -> new Top10.Item(p.rank, p.companyId, p.companyName, p.score)).toList();
            return new Top10(r.id, r.name, r.periodFrom, r.periodTo, r.getUpdatedAt(), items);
        });
    }

    // ------------------------------------------------------------------ internals (file policy, reminders)

    @Override
    public boolean mayReadFiles(SpmPrincipal caller, String submissionId) {
        if (caller == null || !caller.permissions().contains("assessment:read")) {
            return false;
        }
        long id;
        try {
            id = Long.parseLong(submissionId);
        } catch (NumberFormatException e) {
            return false;
        }
        return tx.read(em -> reports.mayReadSubmission(em, caller.scope(), id));
    }

    @Override
    public List<DueReport> dueReports(LocalDate today, int leadDays) {
        return tx.read(em -> {
            List<DueReport> out = new ArrayList<>();
            for (RoundEntity r : em.createQuery("SELECT r FROM RoundEntity r WHERE r.status = :s AND r.dueDate >= :today AND r.dueDate <= :until "
                    + "ORDER BY r.id", RoundEntity.class).setParameter("s", RoundStatus.OPEN).setParameter("today", today)
                    .setParameter("until", today.plusDays(leadDays)).getResultList()) {
                em.createQuery("SELECT p.companyId FROM ReportEntity p WHERE p.roundId = :r AND (p.status = :n OR p.status = :ret) ORDER BY p.companyId",
                        Long.class).setParameter("r", r.id).setParameter("n", ReportStatus.NOT_SUBMITTED).setParameter("ret", ReportStatus.RETURNED)
                        .getResultList().forEach(c -> out.add(new DueReport(r.id, r.name, r.dueDate, c)));
            }
            return out;
        });
    }

    @Override
    public int reminderLeadDays() {
        return reminderLeadDays;
    }
}
