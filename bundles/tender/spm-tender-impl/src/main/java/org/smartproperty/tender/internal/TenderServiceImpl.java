package org.smartproperty.tender.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.credit.CreditStanding;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.deadline.WorkingCalendar;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.expert.DrawInput;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.jpa.ReviewSubjects;
import org.smartproperty.platform.review.jpa.Reviews;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.workflow.jpa.YearCounter;
import org.smartproperty.tender.Announcement;
import org.smartproperty.tender.AnnouncementInput;
import org.smartproperty.tender.AnnouncementView;
import org.smartproperty.tender.Bidder;
import org.smartproperty.tender.Clarification;
import org.smartproperty.tender.ContractInput;
import org.smartproperty.tender.ContractTerms;
import org.smartproperty.tender.Criterion;
import org.smartproperty.tender.DirectInput;
import org.smartproperty.tender.PanelInput;
import org.smartproperty.tender.PanelView;
import org.smartproperty.tender.PublicTender;
import org.smartproperty.tender.Result;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.RuleInput;
import org.smartproperty.tender.Score;
import org.smartproperty.tender.ScoreInput;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderInput;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderMethod;
import org.smartproperty.tender.TenderQuery;
import org.smartproperty.tender.TenderRule;
import org.smartproperty.tender.TenderService;
import org.smartproperty.tender.TenderStage;

/**
 * {@link TenderService} on JPA (persistence unit {@code tender}) with the review kernel for the project (SUP-TND-2), the
 * announcement (SUP-TND-3), the award filing (TND-6) and the contract filing (DEV-7). Other domains are DYNAMIC/OPTIONAL
 * references read through guards (503 while absent): estate (names, scope), company (FILED, the manager change), credit
 * (TND-7), expert (the project library and panel, TND-5), deadline (AWARD_FILING, CONTRACT_FILING), notification.
 * Jobs {@code tender.publish} (SCHEDULED announcements due) and {@code tender.bidding} (bid deadlines passed, publicity ended).
 */
@Component(service = TenderService.class, configurationPid = "org.smartproperty.tender", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TenderConfig.class)
public class TenderServiceImpl implements TenderService {

    static final String UNIT = "tender";
    static final String AUDIT_KIND = "tender";
    /** The deadline domain and the expert library's source. */
    static final String DOMAIN = "tender";
    static final String AWARD_FILING = "AWARD_FILING";
    static final String CONTRACT_FILING = "CONTRACT_FILING";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final MessageKind TENDER_ANNOUNCED = MessageKind.of("TENDER_ANNOUNCED");
    static final MessageKind TENDER_CLARIFIED = MessageKind.of("TENDER_CLARIFIED");
    static final MessageKind TENDER_RESULT = MessageKind.of("TENDER_RESULT");
    static final int MONTHS_MAX = 120;
    static final int CRITERIA_MAX = 20;
    private static final Logger LOG = LoggerFactory.getLogger(TenderServiceImpl.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final YearCounter NUMBERS = YearCounter.of("tnd_counter", "ZB");

    static final ReviewKind PROJECT = kind("tender-project", "project");
    static final ReviewKind ANNOUNCEMENT = kind("tender-announcement", "announcement");
    static final ReviewKind AWARD = kind("tender-award", "award");
    static final ReviewKind CONTRACT = kind("tender-contract", "contract");

    private static ReviewKind kind(String name, String prefix) {
        return new ReviewKind(name, AUDIT_KIND, prefix, "tender:read", "tender:apply", "tender:review", new ReviewTexts(TenderMessages.TEXTS,
                "objects.round", prefix + ".pending", prefix + ".approved", prefix + ".illegalTransition", prefix + ".noTransition",
                "reason.required", "materials.required", "material.title"));
    }

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;
    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.tender.impl)")
    private SchemaReady schema;
    @Reference
    AuditTrail audit;
    @Reference
    FileStore files;
    @Reference
    AccountDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EstateService estates;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CompanyService companies;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CreditStanding credit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ExpertProjects experts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ExpertService expertService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile DeadlineTracker deadlines;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile WorkingCalendar calendar;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Notifications notifications;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile SmsOutbox sms;

    private volatile String evaluationMethod = "TRIMMED_MEAN";
    private volatile int publicityDays = 3;
    private volatile int jobSeconds = 60;
    private EntityManagerFactory emf;
    private Transactions tx;
    private Reviews<ProjectRound> projects;
    private Reviews<AnnouncementRound> announcements;
    private Reviews<AwardRound> awards;
    private Reviews<ContractRound> contracts;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    public TenderServiceImpl() {
    }

    /** Outside OSGi (tests): over an existing persistence unit; the other domains are set on the fields. */
    TenderServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, AccountDirectory directory) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.directory = directory;
        this.tx = new Transactions(emf, UNIT);
        reviews();
    }

    @Activate
    void activate(BundleContext context, TenderConfig config) {
        configure(config.evaluation_method(), config.publicity_days(), config.jobs_intervalSeconds());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
        reviews();
        for (ReviewKind k : List.of(PROJECT, ANNOUNCEMENT, AWARD, CONTRACT)) {
            FileAccessPolicy policy = (caller, ownerRef) -> mayReadFiles(caller, k, ownerRef);
            registrations.add(context.registerService(FileAccessPolicy.class, policy,
                    new java.util.Hashtable<>(Map.of(FileAccessPolicy.OWNER_KIND, k.name()))));
        }
        registrations.add(context.registerService(Job.class, Job.of("tender.publish",
                () -> JobSchedule.every(Duration.ofSeconds(jobSeconds), Duration.ofSeconds(30)), c -> publishDue(Instant.now()) + " published"), null));
        registrations.add(context.registerService(Job.class, Job.of("tender.bidding",
                () -> JobSchedule.every(Duration.ofSeconds(jobSeconds), Duration.ofSeconds(30)), c -> closeDue(Instant.now()) + " closed or moved"), null));
    }

    @Modified
    void modified(TenderConfig config) {
        configure(config.evaluation_method(), config.publicity_days(), config.jobs_intervalSeconds());
    }

    /** Applies a configuration; anything out of range is refused whole and logged, the settings in force stay. @return whether applied */
    boolean configure(String method, int days, int seconds) {
        List<String> problems = new ArrayList<>();
        if (!"TRIMMED_MEAN".equals(method) && !"MEAN".equals(method)) {
            problems.add("evaluation.method " + method + " is not TRIMMED_MEAN or MEAN");
        }
        if (days < 3 || days > 15) {
            problems.add("publicity.days " + days + " is outside 3..15");
        }
        if (seconds < 5 || seconds > 3600) {
            problems.add("jobs.intervalSeconds " + seconds + " is outside 5..3600");
        }
        if (!problems.isEmpty()) {
            LOG.error("Tender configuration refused: {}; the settings in force stay", problems);
            return false;
        }
        evaluationMethod = method;
        publicityDays = days;
        jobSeconds = seconds;
        return true;
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // the bundle is stopping
            }
        }
        registrations.clear();
        if (tx != null) {
            tx.close();
        }
    }

    private void reviews() {
        projects = new Reviews<>(PROJECT, ProjectRound.class, "tenderId", "tnd_project_event", subjects(TenderStage.DRAFT), files, audit);
        announcements = new Reviews<>(ANNOUNCEMENT, AnnouncementRound.class, "tenderId", "tnd_announcement_event",
                subjects(TenderStage.ANNOUNCEMENT), files, audit);
        awards = new Reviews<>(AWARD, AwardRound.class, "tenderId", "tnd_award_event", subjects(TenderStage.PUBLICITY, TenderStage.AWARD),
                files, audit);
        contracts = new Reviews<>(CONTRACT, ContractRound.class, "tenderId", "tnd_contract_event", subjects(TenderStage.CONTRACT), files, audit);
    }

    /** The tenderer is the applicant of every review; a submission needs the tender in one of {@code stages}. */
    private ReviewSubjects subjects(TenderStage... stages) {
        return new ReviewSubjects() {
            @Override
            public void checkApplicant(EntityManager em, DataScope scope, long id) {
                TenderEntity t = em.find(TenderEntity.class, id);
                if (t == null || !isTenderer(scope, t)) {
                    throw notFound(id);
                }
                requireStage(t, stages);
            }

            @Override
            public void checkExists(EntityManager em, long id) {
                if (em.find(TenderEntity.class, id) == null) {
                    throw notFound(id);
                }
            }

            @Override
            public boolean mayRead(EntityManager em, DataScope scope, long id) {
                TenderEntity t = em.find(TenderEntity.class, id);
                return t != null && readable(em, scope, t);
            }
        };
    }

    // ================================================================== guards of the other domains (503 while absent)

    EstateService estates() {
        return ApiException.requireAvailable(estates, "estate");
    }

    CompanyService companies() {
        return ApiException.requireAvailable(companies, "company");
    }

    CreditStanding credit() {
        return ApiException.requireAvailable(credit, "credit");
    }

    ExpertProjects experts() {
        return ApiException.requireAvailable(experts, "expert");
    }

    DeadlineTracker deadlines() {
        return ApiException.requireAvailable(deadlines, "deadline");
    }

    // ================================================================== scope

    static boolean isTenderer(DataScope s, TenderEntity t) {
        if (s == null) {
            return false;
        }
        return switch (s.kind()) {
            case DEVELOPER -> "DEVELOPER".equals(t.tendererKind) && s.developerId() != null && s.developerId() == t.tendererId
                    && s.estateIds().contains(t.estateId);
            case COMMITTEE -> "COMMITTEE".equals(t.tendererKind) && s.estateIds().contains(t.estateId);
            default -> false;
        };
    }

    static boolean readable(EntityManager em, DataScope s, TenderEntity t) {
        if (s == null) {
            return t.publishedAt != null;
        }
        return switch (s.kind()) {
            case ALL -> true;
            case DEVELOPER, COMMITTEE -> isTenderer(s, t);
            case COMPANY -> {
                long c = s.companyId() == null ? -1 : s.companyId();
                yield t.publishedAt != null || invited(t).contains(c) || (t.directCompanyId != null && t.directCompanyId == c)
                        || (t.winnerCompanyId != null && t.winnerCompanyId == c) || bidderOf(em, t.id, c) != null;
            }
            default -> t.publishedAt != null;
        };
    }

    static BidderEntity bidderOf(EntityManager em, long tenderId, long companyId) {
        List<BidderEntity> found = em.createQuery("SELECT b FROM BidderEntity b WHERE b.tenderId = :t AND b.companyId = :c", BidderEntity.class)
                .setParameter("t", tenderId).setParameter("c", companyId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private TenderEntity find(EntityManager em, SpmPrincipal caller, long id) {
        TenderEntity t = em.find(TenderEntity.class, id);
        if (t == null || !readable(em, caller == null ? null : caller.scope(), t)) {
            throw notFound(id);
        }
        return t;
    }

    /** The tender as its tenderer acts on it: 404 outside the caller's scope or for anyone else. */
    private TenderEntity findOwn(EntityManager em, SpmPrincipal caller, long id) {
        TenderEntity t = em.find(TenderEntity.class, id);
        if (t == null || !isTenderer(caller.scope(), t)) {
            throw notFound(id);
        }
        return t;
    }

    static ApiException notFound(Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, TenderMessages.TEXTS.text("objects.tender"), String.valueOf(id));
    }

    static void requireStage(TenderEntity t, TenderStage... allowed) {
        if (!Arrays.asList(allowed).contains(t.stage)) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.illegalStage", t.stage.name(),
                    Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    // ================================================================== tenders (DEV-2, OCS-5)

    @Override
    public Page<Tender> list(SpmPrincipal caller, TenderQuery q, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        DataScope s = caller.scope();
        switch (s == null ? DataScope.Kind.NONE : s.kind()) {
            case ALL -> { }
            case DEVELOPER -> {
                where.append(" AND e.tendererKind = 'DEVELOPER' AND e.tendererId = :dev AND e.estateId IN :estates");
                params.put("dev", s.developerId() == null ? -1L : s.developerId());
                params.put("estates", s.estateIds().isEmpty() ? Set.of(-1L) : s.estateIds());
            }
            case COMMITTEE -> {
                where.append(" AND e.tendererKind = 'COMMITTEE' AND e.estateId IN :estates");
                params.put("estates", s.estateIds().isEmpty() ? Set.of(-1L) : s.estateIds());
            }
            case COMPANY -> {
                long c = s.companyId() == null ? -1 : s.companyId();
                where.append(" AND (e.publishedAt IS NOT NULL OR e.invitedIds LIKE :inv OR e.directCompanyId = :own OR e.winnerCompanyId = :own"
                        + " OR e.id IN (SELECT b.tenderId FROM BidderEntity b WHERE b.companyId = :own))");
                params.put("inv", "%," + c + ",%");
                params.put("own", c);
            }
            default -> where.append(" AND e.publishedAt IS NOT NULL");
        }
        if (q != null && q.stage() != null) {
            where.append(" AND e.stage = :stage");
            params.put("stage", q.stage());
        }
        if (q != null && q.estateId() != null) {
            where.append(" AND e.estateId = :estate");
            params.put("estate", q.estateId());
        }
        if (q != null && q.q() != null && !q.q().isBlank()) {
            where.append(" AND (LOWER(e.title) LIKE :q ESCAPE '\\' OR e.number LIKE :q ESCAPE '\\')");
            params.put("q", "%" + Jpql.likeEscape(q.q().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return tx.read(em -> {
            Jpql.Rows<TenderEntity> found = Jpql.page(em, TenderEntity.class, "e", where.toString(), params, page);
            return new Page<>(found.rows().stream().map(t -> toDto(em, t)).toList(), page.page(), page.size(), found.total());
        });
    }

    @Override
    public Tender get(SpmPrincipal caller, long id) {
        return tx.read(em -> toDto(em, find(em, caller, id)));
    }

    @Override
    public Tender create(SpmPrincipal caller, TenderInput in) {
        DataScope s = caller.scope();
        if (s == null || (s.kind() != DataScope.Kind.DEVELOPER && s.kind() != DataScope.Kind.COMMITTEE)) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.notTenderer");
        }
        Validation v = new Validation(TenderMessages.TEXTS);
        v.required("estateId", in == null ? null : in.estateId());
        v.throwIfInvalid();
        if (!s.estateIds().contains(in.estateId()) || (s.kind() == DataScope.Kind.DEVELOPER && s.developerId() == null)) {
            throw ApiException.notFound("objects.estate", in.estateId());
        }
        validate(in);
        Estate estate = estates().get(DataScope.ALL, in.estateId());
        String actor = caller.getName();
        return tx.write(em -> {
            checkInvited(em, in.method(), in.invitedCompanyIds());
            TenderEntity t = new TenderEntity();
            t.estateId = estate.id();
            t.estateName = estate.name();
            if (s.kind() == DataScope.Kind.DEVELOPER) {
                t.tendererKind = "DEVELOPER";
                t.tendererId = s.developerId();
                t.tendererName = estate.developer();
            } else {
                t.tendererKind = "COMMITTEE";
                t.tendererId = estate.id();
                t.tendererName = TenderMessages.TEXTS.format(Messages.DEFAULT_LOCALE, "tenderer.committee", estate.name());
            }
            apply(t, in);
            t.stage = TenderStage.DRAFT;
            t.number = NUMBERS.next(em.unwrap(Connection.class), Instant.now());
            t.touchedBy(actor);
            em.persist(t);
            em.flush();
            audit(em, actor, "tender.create", t.id, AuditEvent.summary("number", t.number, "estate", t.estateId, "method", t.method.name()));
            return toDto(em, t);
        });
    }

    @Override
    public Tender update(SpmPrincipal caller, long id, long expectedVersion, TenderInput in) {
        validate(in);
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            if (t.getVersion() != expectedVersion) {
                throw ApiException.stale(t.getVersion());
            }
            requireStage(t, TenderStage.DRAFT);
            if (in.estateId() != null && in.estateId() != t.estateId) {
                throw ApiException.invalid(TenderMessages.TEXTS, "estateId", "tender.estateFixed");
            }
            checkInvited(em, in.method(), in.invitedCompanyIds());
            apply(t, in);
            t.touchedBy(actor);
            em.flush();
            audit(em, actor, "tender.update", t.id, AuditEvent.summary("number", t.number, "method", t.method.name()));
            return toDto(em, t);
        });
    }

    private void validate(TenderInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null) {
            v.required("title", null);
            v.throwIfInvalid();
        }
        if (v.required("title", blank(in.title()))) {
            v.maxLength("title", in.title().strip(), Tender.TITLE_MAX);
        }
        v.required("method", in.method());
        if (v.required("serviceMonths", in.serviceMonths()) && (in.serviceMonths() < 1 || in.serviceMonths() > MONTHS_MAX)) {
            v.error("serviceMonths", "serviceMonths.range", 1, MONTHS_MAX);
        }
        if (in.method() == TenderMethod.DIRECT) {
            if (blank(in.directGrounds()) == null) {
                v.error("directGrounds", "direct.grounds");
            } else {
                v.maxLength("directGrounds", in.directGrounds(), Tender.TEXT_MAX);
            }
            if (in.directCompanyId() == null) {
                v.error("directCompanyId", "direct.company");
            }
        } else if (in.method() != null) {
            validateCriteria(v, in.criteria());
        }
        if (in.criteria() != null && in.method() == TenderMethod.DIRECT && !in.criteria().isEmpty()) {
            validateCriteria(v, in.criteria());
        }
        v.throwIfInvalid();
        if (in.method() == TenderMethod.DIRECT) {
            checkCompany("directCompanyId", in.directCompanyId());
        }
        if (in.invitedCompanyIds() != null) {
            for (int i = 0; i < in.invitedCompanyIds().size(); i++) {
                checkCompany("invitedCompanyIds[" + i + "]", in.invitedCompanyIds().get(i));
            }
        }
    }

    private static void validateCriteria(Validation v, List<Criterion> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            v.error("criteria", "criteria.required");
            return;
        }
        if (criteria.size() > CRITERIA_MAX) {
            v.error("criteria", "criteria.tooMany", CRITERIA_MAX);
            return;
        }
        Set<String> codes = new HashSet<>();
        int sum = 0;
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            String f = "criteria[" + i + "]";
            if (!v.required(f, c)) {
                continue;
            }
            if (c.code() == null || !c.code().matches("[A-Za-z0-9_]{1,32}")) {
                v.error(f + ".code", "criteria.code");
            } else if (!codes.add(c.code())) {
                v.error(f + ".code", "criteria.duplicate", c.code());
            }
            if (v.required(f + ".name", blank(c.name()))) {
                v.maxLength(f + ".name", c.name(), 100);
            }
            if (v.required(f + ".weight", c.weight())) {
                if (c.weight() < 1 || c.weight() > 100) {
                    v.error(f + ".weight", "criteria.weight");
                } else {
                    sum += c.weight();
                }
            }
        }
        if (!v.hasErrors() && sum != 100) {
            v.error("criteria", "criteria.sum", sum);
        }
    }

    /** A company named in the input exists (400 on the field otherwise); read in the company domain's own transaction. */
    private void checkCompany(String field, Long companyId) {
        if (companyId == null) {
            throw ApiException.invalid(TenderMessages.TEXTS, field, "company.unknown", "-");
        }
        try {
            companies().get(DataScope.ALL, companyId);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw ApiException.invalid(TenderMessages.TEXTS, field, "company.unknown", companyId);
            }
            throw e;
        }
    }

    /** TND-2: an invitation tender invites at least MIN_INVITED distinct companies. */
    private void checkInvited(EntityManager em, TenderMethod method, List<Long> invited) {
        if (method != TenderMethod.INVITATION) {
            return;
        }
        int min = rule(em, TenderRule.MIN_INVITED).amount;
        List<Long> list = invited == null ? List.of() : invited;
        Validation v = new Validation(TenderMessages.TEXTS);
        if (new HashSet<>(list).size() != list.size()) {
            v.error("invitedCompanyIds", "invited.duplicate");
        } else if (list.size() < min) {
            v.error("invitedCompanyIds", "invited.min", min);
        }
        v.throwIfInvalid();
    }

    private static void apply(TenderEntity t, TenderInput in) {
        t.title = in.title().strip();
        t.method = in.method();
        t.serviceMonths = in.serviceMonths();
        t.directGrounds = in.method() == TenderMethod.DIRECT ? in.directGrounds().strip() : null;
        t.directCompanyId = in.method() == TenderMethod.DIRECT ? in.directCompanyId() : null;
        t.invitedIds = in.method() == TenderMethod.INVITATION ? ids(in.invitedCompanyIds()) : null;
        t.criteria = in.criteria() == null ? null : json(in.criteria().stream().map(c -> new Criterion(c.code(), c.name().strip(), c.weight())).toList());
    }

    // ================================================================== reviews

    @Override
    public Round submitProject(SpmPrincipal caller, long id, List<AttachmentInput> materials) {
        Validation v = new Validation(TenderMessages.TEXTS);
        projects.validateMaterials(v, materials);
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            checkInvited(em, t.method, invitedList(t));
            ProjectRound r = new ProjectRound();
            r.tenderId = id;
            projects.submit(em, caller.scope(), id, r, materials, actor);
            t.stage = TenderStage.PROJECT_REVIEW;
            t.projectStatus = r.status().name();
            t.touchedBy(actor);
            return toRound(em, ReviewStep.PROJECT, r);
        });
    }

    @Override
    public Round submitAnnouncement(SpmPrincipal caller, long id, List<AttachmentInput> materials) {
        Validation v = new Validation(TenderMessages.TEXTS);
        announcements.validateMaterials(v, materials);
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            requireStage(t, TenderStage.ANNOUNCEMENT);
            Instant now = Instant.now();
            Validation dates = new Validation(TenderMessages.TEXTS);
            if (t.annText == null || t.publishAt == null || t.documentsFrom == null || t.bidDeadline == null || t.openingAt == null) {
                dates.error("announcement", "announcement.incomplete");
                dates.throwIfInvalid();
            }
            checkDates(em, dates, t.publishAt, t.documentsFrom, t.bidDeadline, t.openingAt);
            RuleEntity lead = rule(em, TenderRule.ANNOUNCEMENT_LEAD);
            if (add(now, lead).isAfter(t.publishAt)) { // TND-4
                dates.error("publishAt", "announcement.lead", lead.amount, unit(lead));
            }
            checkInvited(em, t.method, invitedList(t));
            dates.throwIfInvalid();
            AnnouncementRound r = new AnnouncementRound();
            r.tenderId = id;
            announcements.submit(em, caller.scope(), id, r, materials, actor);
            t.stage = TenderStage.ANNOUNCEMENT_REVIEW;
            t.annStatus = r.status().name();
            t.touchedBy(actor);
            return toRound(em, ReviewStep.ANNOUNCEMENT, r);
        });
    }

    @Override
    public Round submitAward(SpmPrincipal caller, long id, List<AttachmentInput> materials) {
        Validation v = new Validation(TenderMessages.TEXTS);
        awards.validateMaterials(v, materials);
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            AwardRound r = new AwardRound();
            r.tenderId = id;
            awards.submit(em, caller.scope(), id, r, materials, actor);
            t.stage = TenderStage.AWARD_REVIEW;
            t.touchedBy(actor);
            return toRound(em, ReviewStep.AWARD, r);
        });
    }

    @Override
    public Round submitContract(SpmPrincipal caller, long id, ContractInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null) {
            v.required("summary", null);
            v.throwIfInvalid();
        }
        if (v.required("summary", blank(in.summary()))) {
            v.maxLength("summary", in.summary(), Tender.TEXT_MAX);
        }
        v.required("serviceFrom", in.serviceFrom());
        v.required("signedAt", in.signedAt());
        if (in.serviceFrom() != null && in.serviceTo() != null && in.serviceTo().isBefore(in.serviceFrom())) {
            v.error("serviceTo", "contract.period");
        }
        if (in.monthlyFee() != null && in.monthlyFee().signum() < 0) {
            v.error("monthlyFee", "contract.fee");
        }
        contracts.validateMaterials(v, in.materials());
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            ContractRound r = new ContractRound();
            r.tenderId = id;
            r.summary = in.summary().strip();
            r.serviceFrom = in.serviceFrom();
            r.serviceTo = in.serviceTo();
            r.monthlyFee = in.monthlyFee();
            r.signedAt = in.signedAt();
            contracts.submit(em, caller.scope(), id, r, in.materials(), actor);
            t.stage = TenderStage.CONTRACT_REVIEW;
            t.touchedBy(actor);
            return toRound(em, ReviewStep.CONTRACT, r);
        });
    }

    @Override
    public Round decide(SpmPrincipal caller, long id, ReviewStep step, long roundId, long expectedVersion, boolean approve, String reason) {
        ReviewAction action = approve ? ReviewAction.APPROVE : ReviewAction.RETURN;
        reviews(step).validateDecision(action, reason);
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = find(em, caller, id);
            TenderRound r = (TenderRound) reviews(step).decide(em, id, roundId, expectedVersion, action, reason, actor);
            Instant now = Instant.now();
            switch (step) {
                case PROJECT -> {
                    t.projectStatus = r.status().name();
                    if (!approve) {
                        t.stage = TenderStage.DRAFT;
                    } else if (t.method == TenderMethod.DIRECT) {
                        Company c = companies().get(DataScope.ALL, t.directCompanyId);
                        toAward(em, t, c.id(), c.name(), now);
                    } else {
                        t.stage = TenderStage.ANNOUNCEMENT;
                    }
                }
                case ANNOUNCEMENT -> {
                    t.annStatus = r.status().name();
                    if (!approve) {
                        t.stage = TenderStage.ANNOUNCEMENT;
                    } else {
                        t.stage = TenderStage.SCHEDULED;
                        experts().record(em.unwrap(Connection.class), new ExpertProjects.ProjectRecord(DOMAIN, t.id, t.number, t.title,
                                t.estateId, t.tendererKind, t.tendererId, t.openingAt), actor);
                        if (!t.publishAt.isAfter(now)) {
                            publish(em, t, now, actor);
                        }
                    }
                }
                case AWARD -> {
                    if (!approve) {
                        t.stage = TenderStage.AWARD;
                    } else {
                        Connection c = em.unwrap(Connection.class);
                        DeadlineTracker d = deadlines();
                        d.complete(c, DOMAIN, t.id, now);
                        Deadline due = d.start(c, new TrackedItem(DOMAIN, t.id, CONTRACT_FILING,
                                TenderMessages.TEXTS.format(Messages.DEFAULT_LOCALE, "deadline.contract", t.number), t.estateId, t.winnerCompanyId, null, null, now));
                        t.contractDueAt = due.dueAt();
                        t.stage = TenderStage.CONTRACT;
                    }
                }
                case CONTRACT -> {
                    if (!approve) {
                        t.stage = TenderStage.CONTRACT;
                    } else {
                        ContractRound cr = (ContractRound) r;
                        Connection c = em.unwrap(Connection.class);
                        deadlines().complete(c, DOMAIN, t.id, now);
                        companies().appoint(c, t.winnerCompanyId, t.estateId, cr.serviceFrom, cr.serviceTo, actor);
                        t.stage = TenderStage.CONTRACTED;
                        audit(em, actor, "tender.contracted", t.id, AuditEvent.summary("number", t.number, "company", t.winnerCompanyId,
                                "estate", t.estateId, "from", cr.serviceFrom.toString(), "to", cr.serviceTo == null ? null : cr.serviceTo.toString()));
                    }
                }
                default -> throw new IllegalStateException(step.name());
            }
            t.touchedBy(actor);
            return toRound(em, step, r);
        });
    }

    /** The winner is chosen (a result, or the approval of a direct appointment): the award filing's deadline starts (TND-6). */
    private void toAward(EntityManager em, TenderEntity t, long companyId, String name, Instant now) {
        t.winnerCompanyId = companyId;
        t.winnerName = name;
        if (t.stage != TenderStage.PUBLICITY) {
            t.stage = TenderStage.AWARD;
        }
        Deadline due = deadlines().start(em.unwrap(Connection.class), new TrackedItem(DOMAIN, t.id, AWARD_FILING,
                TenderMessages.TEXTS.format(Messages.DEFAULT_LOCALE, "deadline.award", t.number), t.estateId, companyId, null, null, now));
        t.awardDueAt = due.dueAt();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Reviews<TenderRound> reviews(ReviewStep step) {
        Reviews r = switch (step) {
            case PROJECT -> projects;
            case ANNOUNCEMENT -> announcements;
            case AWARD -> awards;
            case CONTRACT -> contracts;
        };
        return r;
    }

    @Override
    public List<Round> rounds(SpmPrincipal caller, long id, ReviewStep step) {
        return tx.write(em -> {
            find(em, caller, id);
            return reviews(step).rounds(em, id).stream().map(r -> toRound(em, step, r)).toList();
        });
    }

    @Override
    public List<ReviewEvent> history(SpmPrincipal caller, long id, ReviewStep step) {
        return tx.write(em -> {
            find(em, caller, id);
            return reviews(step).history(em, id);
        });
    }

    private Round toRound(EntityManager em, ReviewStep step, TenderRound r) {
        em.flush();
        ContractTerms terms = r instanceof ContractRound c ? new ContractTerms(c.summary, c.serviceFrom, c.serviceTo, c.monthlyFee, c.signedAt) : null;
        return new Round(r.id, r.tenderId, r.status(), r.submittedBy(), r.submittedAt(), r.decidedBy(), r.decidedAt(), r.reason(),
                reviews(step).materials(em, r), terms, r.getVersion());
    }

    boolean mayReadFiles(SpmPrincipal caller, ReviewKind kind, String ownerRef) {
        ReviewStep step = switch (kind.auditPrefix()) {
            case "project" -> ReviewStep.PROJECT;
            case "announcement" -> ReviewStep.ANNOUNCEMENT;
            case "award" -> ReviewStep.AWARD;
            default -> ReviewStep.CONTRACT;
        };
        return reviews(step).mayReadMaterials(caller, ownerRef, roundId -> tx.read(em -> reviews(step).mayReadRound(em, caller.scope(), roundId)));
    }

    // ================================================================== announcement (DEV-3, SUP-TND-3, TND-3, TND-4)

    @Override
    public Tender saveAnnouncement(SpmPrincipal caller, long id, long expectedVersion, AnnouncementInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null) {
            v.required("text", null);
            v.throwIfInvalid();
        }
        if (v.required("text", blank(in.text()))) {
            v.maxLength("text", in.text(), Tender.TEXT_MAX);
        }
        v.required("publishAt", in.publishAt());
        v.required("documentsFrom", in.documentsFrom());
        v.required("bidDeadline", in.bidDeadline());
        v.required("openingAt", in.openingAt());
        v.throwIfInvalid();
        if (in.invitedCompanyIds() != null) {
            for (int i = 0; i < in.invitedCompanyIds().size(); i++) {
                checkCompany("invitedCompanyIds[" + i + "]", in.invitedCompanyIds().get(i));
            }
        }
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            if (t.getVersion() != expectedVersion) {
                throw ApiException.stale(t.getVersion());
            }
            requireStage(t, TenderStage.ANNOUNCEMENT);
            Validation dates = new Validation(TenderMessages.TEXTS);
            checkDates(em, dates, in.publishAt(), in.documentsFrom(), in.bidDeadline(), in.openingAt());
            dates.throwIfInvalid();
            if (in.invitedCompanyIds() != null && t.method == TenderMethod.INVITATION) {
                checkInvited(em, t.method, in.invitedCompanyIds());
                t.invitedIds = ids(in.invitedCompanyIds());
            }
            t.annText = in.text().strip();
            t.publishAt = in.publishAt();
            t.documentsFrom = in.documentsFrom();
            t.bidDeadline = in.bidDeadline();
            t.openingAt = in.openingAt();
            t.touchedBy(actor);
            em.flush();
            audit(em, actor, "tender.announcement", t.id, AuditEvent.summary("number", t.number, "publishAt", t.publishAt.toString(),
                    "bidDeadline", t.bidDeadline.toString()));
            return toDto(em, t);
        });
    }

    /** TND-3: documents from publication on, the bid deadline at least BID_PERIOD after the documents, the opening after the deadline. */
    private void checkDates(EntityManager em, Validation v, Instant publishAt, Instant documentsFrom, Instant bidDeadline, Instant openingAt) {
        if (documentsFrom.isBefore(publishAt)) {
            v.error("documentsFrom", "announcement.documentsBeforePublish");
        }
        RuleEntity period = rule(em, TenderRule.BID_PERIOD);
        if (add(documentsFrom, period).isAfter(bidDeadline)) {
            v.error("bidDeadline", "announcement.bidPeriod", period.amount, unit(period));
        }
        if (openingAt.isBefore(bidDeadline)) {
            v.error("openingAt", "announcement.openingBeforeDeadline");
        }
    }

    @Override
    public AnnouncementView announcement(SpmPrincipal caller, long id) {
        return tx.write(em -> {
            TenderEntity t = find(em, caller, id);
            boolean own = isTenderer(caller.scope(), t) || caller.scope() != null && caller.scope().all();
            List<Round> rounds = own ? announcements.rounds(em, id).stream().map(r -> toRound(em, ReviewStep.ANNOUNCEMENT, r)).toList() : List.of();
            List<ReviewEvent> history = own ? announcements.history(em, id) : List.of();
            return new AnnouncementView(announcementOf(t), rounds, history);
        });
    }

    private static Announcement announcementOf(TenderEntity t) {
        if (t.annText == null && t.publishAt == null) {
            return null;
        }
        return new Announcement(t.annText, t.publishAt, t.documentsFrom, t.bidDeadline, t.openingAt, t.annStatus, t.publishedAt);
    }

    /** Publication (at publishAt, by the job or at the approval): BIDDING, the notices to the companies that may bid. */
    private void publish(EntityManager em, TenderEntity t, Instant now, String actor) {
        Notifications inbox = ApiException.requireAvailable(notifications, "notification");
        SmsOutbox outbox = ApiException.requireAvailable(sms, "notification");
        Set<Long> recipients = new LinkedHashSet<>();
        if (t.method == TenderMethod.INVITATION) {
            recipients.addAll(invited(t));
        } else {
            CompanyService cs = companies();
            CreditStanding cr = credit();
            int page = 0;
            while (true) {
                Page<Company> found = cs.list(DataScope.ALL, new CompanyQuery(null, CompanyStatus.FILED), PageRequest.of(page, 200));
                for (Company c : found.items()) {
                    if (c.status() == CompanyStatus.FILED && !cr.standing(c.id()).blacklisted()) {
                        recipients.add(c.id());
                    }
                }
                if ((long) (page + 1) * 200 >= found.total() || found.items().isEmpty()) {
                    break;
                }
                page++;
            }
        }
        Map<String, String> params = Map.of("number", t.number, "title", t.title, "bidDeadline",
                t.bidDeadline.atZone(ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' '));
        Connection c = em.unwrap(Connection.class);
        int sent = 0;
        for (long company : recipients) {
            sent += notifyCompany(c, inbox, outbox, company, TENDER_ANNOUNCED, params, "/tenders/" + t.id);
        }
        t.stage = TenderStage.BIDDING;
        t.publishedAt = now;
        t.touchedBy(actor);
        audit(em, actor, "tender.publish", t.id, AuditEvent.summary("number", t.number, "companies", recipients.size(), "notices", sent));
    }

    /** In-app notice to each account of the company and an SMS to each account's phone; @return notices written. */
    private int notifyCompany(Connection c, Notifications inbox, SmsOutbox outbox, long companyId, MessageKind kind, Map<String, String> params,
                              String link) {
        int n = 0;
        for (AccountDirectory.Contact a : directory.accountsOf(DataScope.company(companyId))) {
            inbox.notify(c, a.accountId(), kind, params, link);
            n++;
            if (a.phone() != null && !a.phone().isBlank()) {
                try {
                    outbox.enqueue(c, new SmsRequest(a.phone(), kind, params, "tender:" + link));
                } catch (ApiException e) {
                    LOG.warn("No {} SMS to account {}: {}", kind.name(), a.username(), e.getMessage());
                }
            }
        }
        return n;
    }

    @Override
    public Clarification clarify(SpmPrincipal caller, long id, String text) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (v.required("text", blank(text))) {
            v.maxLength("text", text, Tender.TEXT_MAX);
        }
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            requireStage(t, TenderStage.SCHEDULED, TenderStage.BIDDING);
            Instant now = Instant.now();
            if (!now.isBefore(t.bidDeadline)) {
                throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.closed");
            }
            RuleEntity lead = rule(em, TenderRule.CLARIFICATION_LEAD);
            Instant exact = add(now, lead);
            Instant earliest = exact.getNano() == 0 ? exact : exact.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
            ClarificationEntity e = new ClarificationEntity();
            e.tenderId = id;
            e.text = text.strip();
            e.deadlineBefore = t.bidDeadline;
            if (earliest.isAfter(t.bidDeadline)) { // TND-3: less than CLARIFICATION_LEAD before the deadline → it moves
                e.deadlineMoved = true;
                Duration gap = t.openingAt == null ? Duration.ZERO : Duration.between(t.bidDeadline, t.openingAt);
                t.bidDeadline = earliest;
                if (t.openingAt != null) {
                    t.openingAt = earliest.plus(gap);
                }
            }
            e.deadlineAfter = t.bidDeadline;
            e.touchedBy(actor);
            t.touchedBy(actor);
            em.persist(e);
            em.flush();
            if (t.stage == TenderStage.BIDDING) {
                Notifications inbox = ApiException.requireAvailable(notifications, "notification");
                SmsOutbox outbox = ApiException.requireAvailable(sms, "notification");
                Map<String, String> params = Map.of("number", t.number, "title", t.title, "bidDeadline",
                        t.bidDeadline.atZone(ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' '));
                Connection c = em.unwrap(Connection.class);
                for (BidderEntity b : bidderRows(em, id)) {
                    notifyCompany(c, inbox, outbox, b.companyId, TENDER_CLARIFIED, params, "/tenders/" + id);
                }
            }
            audit(em, actor, "tender.clarify", t.id, AuditEvent.summary("number", t.number, "clarification", e.id, "deadlineMoved", e.deadlineMoved,
                    "bidDeadline", t.bidDeadline.toString()));
            return toDto(e);
        });
    }

    @Override
    public List<Clarification> clarifications(SpmPrincipal caller, long id) {
        return tx.read(em -> {
            find(em, caller, id);
            return em.createQuery("SELECT c FROM ClarificationEntity c WHERE c.tenderId = :t ORDER BY c.id", ClarificationEntity.class)
                    .setParameter("t", id).getResultList().stream().map(TenderServiceImpl::toDto).toList();
        });
    }

    private static Clarification toDto(ClarificationEntity e) {
        return new Clarification(e.id, e.tenderId, e.text, e.getCreatedBy(), e.getCreatedAt(), e.deadlineMoved, e.deadlineBefore, e.deadlineAfter);
    }

    // ================================================================== bidders (DEV-4, COS-3, TND-7)

    @Override
    public List<Bidder> bidders(SpmPrincipal caller, long id) {
        return tx.read(em -> {
            TenderEntity t = find(em, caller, id);
            DataScope s = caller.scope();
            List<BidderEntity> rows = bidderRows(em, id);
            if (s != null && s.kind() == DataScope.Kind.COMPANY) {
                rows = rows.stream().filter(b -> s.companyId() != null && b.companyId == s.companyId()).toList();
            } else if (!(s != null && s.all()) && !isTenderer(s, t)) {
                rows = List.of();
            }
            return rows.stream().map(TenderServiceImpl::toDto).toList();
        });
    }

    private static List<BidderEntity> bidderRows(EntityManager em, long tenderId) {
        return em.createQuery("SELECT b FROM BidderEntity b WHERE b.tenderId = :t ORDER BY b.id", BidderEntity.class)
                .setParameter("t", tenderId).getResultList();
    }

    private static Bidder toDto(BidderEntity b) {
        return new Bidder(b.id, b.tenderId, b.companyId, b.companyName, b.getCreatedBy(), b.getCreatedAt());
    }

    @Override
    public Bidder register(SpmPrincipal caller, long id) {
        DataScope s = caller.scope();
        if (s == null || s.kind() != DataScope.Kind.COMPANY || s.companyId() == null) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.notCompany");
        }
        long companyId = s.companyId();
        String actor = caller.getName();
        // the tender first (404 / closed before the company's own standing), then TND-7 in the other domains' own reads
        tx.read(em -> {
            TenderEntity t = em.find(TenderEntity.class, id);
            if (t == null || t.publishedAt == null && !invited(t).contains(companyId)) {
                throw notFound(id);
            }
            checkOpen(t, companyId);
            return null;
        });
        Company company = companies().get(DataScope.ALL, companyId);
        if (company.status() != CompanyStatus.FILED) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.notFiled", company.status().name());
        }
        CreditStanding.Standing standing = credit().standing(companyId);
        if (standing.blacklisted()) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.blacklisted", standing.grade() == null ? "-" : standing.grade());
        }
        return tx.write(em -> {
            TenderEntity t = em.find(TenderEntity.class, id);
            checkOpen(t, companyId);
            if (bidderOf(em, id, companyId) != null) {
                throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.duplicate");
            }
            BidderEntity b = new BidderEntity();
            b.tenderId = id;
            b.companyId = companyId;
            b.companyName = company.name();
            b.touchedBy(actor);
            em.persist(b);
            em.flush();
            audit(em, actor, "tender.bid", t.id, AuditEvent.summary("number", t.number, "company", companyId));
            return toDto(b);
        });
    }

    private static void checkOpen(TenderEntity t, long companyId) {
        if (t.stage != TenderStage.BIDDING || t.bidDeadline == null || !Instant.now().isBefore(t.bidDeadline)) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.closed");
        }
        if (t.method == TenderMethod.INVITATION && !invited(t).contains(companyId)) {
            throw new ApiException(403, "tender.bidder.notInvited", TenderMessages.TEXTS, null);
        }
    }

    @Override
    public Tender closeBidding(SpmPrincipal caller, long id) {
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = find(em, caller, id);
            if (!isTenderer(caller.scope(), t) && !(caller.scope() != null && caller.scope().all())) {
                throw notFound(id);
            }
            requireStage(t, TenderStage.BIDDING);
            if (Instant.now().isBefore(t.bidDeadline)) {
                throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidding.open", t.bidDeadline.toString());
            }
            close(em, t, actor);
            return toDto(em, t);
        });
    }

    /** At the bid deadline: fewer than MIN_BIDDERS → FAILED (TND-2), else EVALUATION with the bidders handed to the expert library (TND-5). */
    private void close(EntityManager em, TenderEntity t, String actor) {
        List<BidderEntity> rows = bidderRows(em, t.id);
        int min = rule(em, TenderRule.MIN_BIDDERS).amount;
        if (rows.size() < min) {
            t.stage = TenderStage.FAILED;
        } else {
            experts().bidders(em.unwrap(Connection.class), DOMAIN, t.id, rows.stream().map(b -> b.companyId).collect(Collectors.toCollection(TreeSet::new)),
                    actor);
            t.stage = TenderStage.EVALUATION;
        }
        t.touchedBy(actor);
        em.flush();
        audit(em, actor, "tender.close", t.id, AuditEvent.summary("number", t.number, "bidders", rows.size(), "min", min, "stage", t.stage.name()));
    }

    @Override
    public Tender retender(SpmPrincipal caller, long id) {
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity old = findOwn(em, caller, id);
            requireStage(old, TenderStage.FAILED);
            checkNoFollowUp(em, id);
            TenderEntity t = copy(old);
            t.method = old.method;
            t.invitedIds = old.invitedIds;
            t.stage = TenderStage.DRAFT;
            t.number = NUMBERS.next(em.unwrap(Connection.class), Instant.now());
            t.touchedBy(actor);
            em.persist(t);
            em.flush();
            audit(em, actor, "tender.retender", t.id, AuditEvent.summary("number", t.number, "retenderOf", old.id));
            return toDto(em, t);
        });
    }

    @Override
    public Tender direct(SpmPrincipal caller, long id, DirectInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null || in.companyId() == null) {
            v.error("companyId", "direct.company");
        }
        if (in == null || blank(in.grounds()) == null) {
            v.error("grounds", "direct.grounds");
        } else {
            v.maxLength("grounds", in.grounds(), Tender.TEXT_MAX);
        }
        v.throwIfInvalid();
        checkCompany("companyId", in.companyId());
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity old = findOwn(em, caller, id);
            requireStage(old, TenderStage.FAILED);
            checkNoFollowUp(em, id);
            TenderEntity t = copy(old);
            t.method = TenderMethod.DIRECT;
            t.directCompanyId = in.companyId();
            t.directGrounds = in.grounds().strip();
            t.stage = TenderStage.DRAFT;
            t.number = NUMBERS.next(em.unwrap(Connection.class), Instant.now());
            t.touchedBy(actor);
            em.persist(t);
            em.flush();
            audit(em, actor, "tender.direct", t.id, AuditEvent.summary("number", t.number, "retenderOf", old.id, "company", in.companyId()));
            // TND-1: the request goes to the regulator's project review at once, the grounds are its case
            ProjectRound r = new ProjectRound();
            r.tenderId = t.id;
            projects.submit(em, caller.scope(), t.id, r, List.of(), actor);
            t.stage = TenderStage.PROJECT_REVIEW;
            t.projectStatus = r.status().name();
            return toDto(em, t);
        });
    }

    private static void checkNoFollowUp(EntityManager em, long id) {
        if (em.createQuery("SELECT COUNT(t) FROM TenderEntity t WHERE t.retenderOf = :id", Long.class).setParameter("id", id).getSingleResult() > 0) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.followedUp");
        }
    }

    private static TenderEntity copy(TenderEntity old) {
        TenderEntity t = new TenderEntity();
        t.title = old.title;
        t.estateId = old.estateId;
        t.estateName = old.estateName;
        t.tendererKind = old.tendererKind;
        t.tendererId = old.tendererId;
        t.tendererName = old.tendererName;
        t.serviceMonths = old.serviceMonths;
        t.criteria = old.criteria;
        t.retenderOf = old.id;
        return t;
    }

    // ================================================================== panel, scores, result (DEV-5, TND-5)

    @Override
    public PanelView panel(SpmPrincipal caller, long id) {
        TenderEntity t = tx.read(em -> find(em, caller, id));
        return masked(experts().panel(DOMAIN, id), caller, t.resultPublishedAt != null);
    }

    @Override
    public PanelView createPanel(SpmPrincipal caller, long id, PanelInput in) {
        ExpertService draws = ApiException.requireAvailable(expertService, "expert");
        String actor = caller.getName();
        // the project in the expert library (recorded at the announcement's approval; recorded again = its id)
        long projectId = tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            requireStage(t, TenderStage.EVALUATION);
            return experts().record(em.unwrap(Connection.class), new ExpertProjects.ProjectRecord(DOMAIN, t.id, t.number, t.title, t.estateId,
                    t.tendererKind, t.tendererId, t.openingAt), actor);
        });
        PanelInput p = in == null ? new PanelInput(null, null, null, null, null, null) : in;
        draws.draw(caller, new DrawInput(projectId, p.panelSize(), p.drawnCount(), p.reserveCount(), p.specialty(),
                p.representatives() == null ? List.of() : p.representatives(), p.confirmHours()), Messages.DEFAULT_LOCALE);
        return panel(caller, id);
    }

    /** TND-5: before publication only the regulator's staff see every name, a drawn expert only its own seat. */
    static PanelView masked(ExpertProjects.Panel p, SpmPrincipal caller, boolean published) {
        boolean staff = caller != null && (caller.roles().contains(Role.REGULATOR) || caller.roles().contains(Role.OFFICER));
        List<PanelView.Seat> seats = new ArrayList<>();
        for (ExpertProjects.Seat s : p.seats()) {
            boolean own = caller != null && s.accountName() != null && s.accountName().equals(caller.getName());
            if (published || staff || own || s.representative()) {
                seats.add(new PanelView.Seat(s.seat(), s.expertId(), s.accountName(), s.name(), s.representative(), s.confirmed()));
            } else {
                seats.add(new PanelView.Seat(s.seat(), null, null, TenderMessages.TEXTS.format(Messages.DEFAULT_LOCALE, "panel.masked", s.seat()), false, s.confirmed()));
            }
        }
        return new PanelView(p.drawId(), p.size(), p.complete(), seats);
    }

    @Override
    public List<Score> scores(SpmPrincipal caller, long id) {
        return tx.read(em -> {
            TenderEntity t = find(em, caller, id);
            DataScope s = caller.scope();
            List<ScoreEntity> rows = scoreRows(em, id);
            if (!(s != null && s.all()) && !isTenderer(s, t) && t.resultPublishedAt == null) {
                rows = rows.stream().filter(r -> caller.getName().equals(r.getCreatedBy())).toList();
            }
            return rows.stream().map(TenderServiceImpl::toDto).toList();
        });
    }

    private static List<ScoreEntity> scoreRows(EntityManager em, long id) {
        return em.createQuery("SELECT s FROM ScoreEntity s WHERE s.tenderId = :t ORDER BY s.seat, s.companyId, s.criterion", ScoreEntity.class)
                .setParameter("t", id).getResultList();
    }

    private static Score toDto(ScoreEntity s) {
        return new Score(s.seat, s.companyId, s.criterion, s.points, s.getUpdatedBy(), s.getUpdatedAt());
    }

    @Override
    public List<Score> score(SpmPrincipal caller, long id, ScoreInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null || in.scores() == null || in.scores().isEmpty()) {
            v.error("scores", "scores.required");
        }
        v.throwIfInvalid();
        TenderEntity before = tx.read(em -> find(em, caller, id));
        requireStage(before, TenderStage.EVALUATION);
        ExpertProjects.Panel panel = experts().panel(DOMAIN, id);
        if (!panel.complete()) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.panel.incomplete");
        }
        boolean tenderer = isTenderer(caller.scope(), before);
        ExpertProjects.Seat seat = null;
        for (ExpertProjects.Seat s : panel.seats()) {
            boolean mine = !s.representative() && s.accountName() != null && s.accountName().equals(caller.getName());
            boolean rep = s.representative() && tenderer && in.seat() != null && in.seat() == s.seat();
            if ((mine && (in.seat() == null || in.seat() == s.seat())) || rep) {
                seat = s;
            }
        }
        if (seat == null) {
            throw new ApiException(403, "tender.score.notSeat", TenderMessages.TEXTS, null);
        }
        int seatNo = seat.seat();
        String actor = caller.getName();
        return tx.write(em -> {
            TenderEntity t = find(em, caller, id);
            requireStage(t, TenderStage.EVALUATION);
            Map<String, Integer> weights = criteria(t).stream().collect(Collectors.toMap(Criterion::code, Criterion::weight));
            Set<Long> bidders = bidderRows(em, id).stream().map(b -> b.companyId).collect(Collectors.toSet());
            Validation items = new Validation(TenderMessages.TEXTS);
            Map<String, Integer> given = new LinkedHashMap<>();
            for (int i = 0; i < in.scores().size(); i++) {
                ScoreInput.Item it = in.scores().get(i);
                String f = "scores[" + i + "]";
                if (!items.required(f, it) || !items.required(f + ".companyId", it.companyId()) || !items.required(f + ".criterion", it.criterion())
                        || !items.required(f + ".points", it.points())) {
                    continue;
                }
                if (!bidders.contains(it.companyId())) {
                    items.error(f + ".companyId", "scores.bidder", it.companyId());
                } else if (!weights.containsKey(it.criterion())) {
                    items.error(f + ".criterion", "scores.criterion", it.criterion());
                } else if (it.points() < 0 || it.points() > weights.get(it.criterion())) {
                    items.error(f + ".points", "scores.points", weights.get(it.criterion()));
                } else {
                    given.put(it.companyId() + "/" + it.criterion(), it.points());
                }
            }
            int missing = bidders.size() * weights.size() - given.size();
            if (!items.hasErrors() && missing > 0) {
                items.error("scores", "scores.incomplete", missing);
            }
            items.throwIfInvalid();
            em.createQuery("DELETE FROM ScoreEntity s WHERE s.tenderId = :t AND s.seat = :seat").setParameter("t", id).setParameter("seat", seatNo)
                    .executeUpdate();
            for (Map.Entry<String, Integer> e : given.entrySet()) {
                String[] k = e.getKey().split("/", 2);
                ScoreEntity s = new ScoreEntity();
                s.tenderId = id;
                s.seat = seatNo;
                s.companyId = Long.parseLong(k[0]);
                s.criterion = k[1];
                s.points = e.getValue();
                s.touchedBy(actor);
                em.persist(s);
            }
            em.flush();
            audit(em, actor, "tender.score", t.id, AuditEvent.summary("number", t.number, "seat", seatNo, "scores", given.size()));
            return scoreRows(em, id).stream().filter(s -> s.seat == seatNo).map(TenderServiceImpl::toDto).toList();
        });
    }

    @Override
    public Result computeResult(SpmPrincipal caller, long id) {
        TenderEntity before = tx.read(em -> findOwn(em, caller, id));
        requireStage(before, TenderStage.EVALUATION);
        ExpertProjects.Panel panel = experts().panel(DOMAIN, id);
        if (!panel.complete()) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.panel.incomplete");
        }
        String actor = caller.getName();
        String method = evaluationMethod;
        int days = publicityDays;
        return tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            requireStage(t, TenderStage.EVALUATION);
            List<ScoreEntity> rows = scoreRows(em, id);
            Set<Integer> scored = rows.stream().map(s -> s.seat).collect(Collectors.toSet());
            List<Integer> unscored = panel.seats().stream().map(ExpertProjects.Seat::seat).filter(s -> !scored.contains(s)).toList();
            if (!unscored.isEmpty()) {
                throw ApiException.conflict(TenderMessages.TEXTS, "tender.result.unscored",
                        unscored.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
            Instant now = Instant.now();
            t.resultMethod = method;
            Result r = compute(t, bidderRows(em, id), rows, panel.seats().stream().map(ExpertProjects.Seat::seat).toList());
            Result.Entry best = r.bidders().get(0);
            t.stage = TenderStage.PUBLICITY;
            t.resultPublishedAt = now;
            t.publicityUntil = now.plus(Duration.ofDays(days));
            toAward(em, t, best.companyId(), best.companyName(), now);
            Connection c = em.unwrap(Connection.class);
            experts().published(c, DOMAIN, id, actor);
            Notifications inbox = ApiException.requireAvailable(notifications, "notification");
            SmsOutbox outbox = ApiException.requireAvailable(sms, "notification");
            for (BidderEntity b : bidderRows(em, id)) {
                notifyCompany(c, inbox, outbox, b.companyId, TENDER_RESULT, Map.of("number", t.number, "title", t.title, "winner", best.companyName()),
                        "/tenders/" + id);
            }
            t.touchedBy(actor);
            em.flush();
            audit(em, actor, "tender.result", t.id, AuditEvent.summary("number", t.number, "method", method, "winner", best.companyId(),
                    "score", best.score().toPlainString()));
            return compute(t, bidderRows(em, id), rows, panel.seats().stream().map(ExpertProjects.Seat::seat).toList());
        });
    }

    /** The seats' totals per bidder and the final score: MEAN, or TRIMMED_MEAN (the highest and lowest total dropped with ≥ 5 seats). */
    static Result compute(TenderEntity t, List<BidderEntity> bidders, List<ScoreEntity> rows, List<Integer> seats) {
        String method = t.resultMethod == null ? "TRIMMED_MEAN" : t.resultMethod;
        List<Result.Entry> entries = new ArrayList<>();
        for (BidderEntity b : bidders) {
            List<BigDecimal> totals = new ArrayList<>();
            for (int seat : seats) {
                totals.add(BigDecimal.valueOf(rows.stream().filter(r -> r.seat == seat && r.companyId == b.companyId).mapToInt(r -> r.points).sum()));
            }
            List<BigDecimal> counted = new ArrayList<>(totals);
            counted.sort(Comparator.naturalOrder());
            if ("TRIMMED_MEAN".equals(method) && counted.size() >= 5) {
                counted = counted.subList(1, counted.size() - 1);
            }
            BigDecimal score = counted.isEmpty() ? BigDecimal.ZERO
                    : counted.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP);
            entries.add(new Result.Entry(b.companyId, b.companyName, totals, score, 0));
        }
        entries.sort(Comparator.comparing(Result.Entry::score).reversed()); // stable: equal scores keep the order of registration
        List<Result.Entry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Result.Entry e = entries.get(i);
            ranked.add(new Result.Entry(e.companyId(), e.companyName(), e.seatTotals(), e.score(), i + 1));
        }
        return new Result(method, ranked, t.winnerCompanyId, t.winnerName, t.resultPublishedAt, t.publicityUntil);
    }

    @Override
    public Result result(SpmPrincipal caller, long id) {
        return tx.read(em -> {
            TenderEntity t = find(em, caller, id);
            return resultOf(em, t);
        });
    }

    private Result resultOf(EntityManager em, TenderEntity t) {
        if (t.resultPublishedAt == null) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.result.none");
        }
        List<ScoreEntity> rows = scoreRows(em, t.id);
        return compute(t, bidderRows(em, t.id), rows, rows.stream().map(s -> s.seat).distinct().sorted().toList());
    }

    // ================================================================== rules (tnd_rule)

    @Override
    public List<TenderRule> rules() {
        return tx.read(em -> em.createQuery("SELECT r FROM RuleEntity r ORDER BY r.code", RuleEntity.class).getResultList().stream()
                .map(TenderServiceImpl::toDto).toList());
    }

    @Override
    public TenderRule updateRule(SpmPrincipal caller, String code, long expectedVersion, RuleInput in) {
        String actor = caller.getName();
        return tx.write(em -> {
            RuleEntity r = code == null ? null : em.find(RuleEntity.class, code);
            if (r == null) {
                throw new ApiException(404, "problem.notFound", Messages.PLATFORM, null, TenderMessages.TEXTS.text("objects.rule"), String.valueOf(code));
            }
            if (r.getVersion() != expectedVersion) {
                throw ApiException.stale(r.getVersion());
            }
            Validation v = new Validation(TenderMessages.TEXTS);
            boolean count = "COUNT".equals(r.unit);
            if (in == null || !v.required("amount", in.amount())) {
                v.throwIfInvalid();
            }
            int max = count ? 100 : 3650;
            if (in.amount() < 0 || in.amount() > max) {
                v.error("amount", "rule.amount", max);
            }
            String unit = in.unit() == null ? r.unit : in.unit();
            if (count ? !"COUNT".equals(unit) : !"CALENDAR_DAYS".equals(unit) && !"WORKING_DAYS".equals(unit)) {
                v.error("unit", "rule.unit", count ? "COUNT" : "CALENDAR_DAYS, WORKING_DAYS");
            }
            v.maxLength("description", in.description(), 400);
            v.throwIfInvalid();
            String before = r.amount + " " + r.unit;
            r.amount = in.amount();
            r.unit = unit;
            if (blank(in.description()) != null) {
                r.description = in.description().strip();
            }
            r.touchedBy(actor);
            em.flush();
            audit(em, actor, "tender.rule.update", code, AuditEvent.summary("code", code, "before", before, "after", r.amount + " " + r.unit));
            return toDto(r);
        });
    }

    private static TenderRule toDto(RuleEntity r) {
        return new TenderRule(r.code, r.amount, r.unit, r.description, r.getVersion());
    }

    static RuleEntity rule(EntityManager em, String code) {
        RuleEntity r = em.find(RuleEntity.class, code);
        if (r == null) {
            throw new IllegalStateException("tender rule " + code + " missing (changeset tnd-2)");
        }
        return r;
    }

    /** {@code start} plus the rule's period (calendar or working days; 0 = start). */
    Instant add(Instant start, RuleEntity r) {
        if (r.amount == 0) {
            return start;
        }
        if ("WORKING_DAYS".equals(r.unit)) {
            return ApiException.requireAvailable(calendar, "deadline").addWorkingDays(start, r.amount);
        }
        return start.plus(Duration.ofDays(r.amount));
    }

    private static Object unit(RuleEntity r) {
        return TenderMessages.TEXTS.text("unit." + r.unit);
    }

    // ================================================================== public (DIS-3)

    @Override
    public Page<PublicTender> publicList(String kind, PageRequest page) {
        String where;
        if (kind == null || kind.isBlank() || kind.equals("announcement")) {
            where = " WHERE e.publishedAt IS NOT NULL";
        } else if (kind.equals("result")) {
            where = " WHERE e.resultPublishedAt IS NOT NULL";
        } else {
            throw ApiException.invalid(TenderMessages.TEXTS, "kind", "public.kind");
        }
        return tx.read(em -> {
            Jpql.Rows<TenderEntity> found = Jpql.page(em, TenderEntity.class, "e", where, Map.of(), page);
            return new Page<>(found.rows().stream().map(t -> toPublic(em, t, false)).toList(), page.page(), page.size(), found.total());
        });
    }

    @Override
    public PublicTender publicGet(long id) {
        return tx.read(em -> {
            TenderEntity t = em.find(TenderEntity.class, id);
            if (t == null || t.publishedAt == null) {
                throw notFound(id);
            }
            return toPublic(em, t, true);
        });
    }

    private PublicTender toPublic(EntityManager em, TenderEntity t, boolean detail) {
        Result result = detail && t.resultPublishedAt != null ? resultOf(em, t) : null;
        PanelView panel = null;
        ExpertProjects ex = experts;
        if (detail && t.resultPublishedAt != null && ex != null) {
            panel = masked(ex.panel(DOMAIN, t.id), null, true);
        }
        return new PublicTender(t.id, t.number, t.title, t.estateName, t.tendererName, t.method, t.stage, announcementOf(t), t.bidDeadline,
                t.resultPublishedAt == null ? null : t.winnerName, result, panel);
    }

    // ================================================================== jobs

    /** Job tender.publish: SCHEDULED announcements whose publishAt has come, one transaction each. @return how many were published */
    int publishDue(Instant now) {
        List<Long> due = tx.read(em -> em.createQuery("SELECT t.id FROM TenderEntity t WHERE t.stage = :s AND t.publishAt <= :now ORDER BY t.id", Long.class)
                .setParameter("s", TenderStage.SCHEDULED).setParameter("now", now).getResultList());
        int n = 0;
        for (long id : due) {
            try {
                n += tx.write(em -> {
                    TenderEntity t = em.find(TenderEntity.class, id);
                    if (t == null || t.stage != TenderStage.SCHEDULED || t.publishAt.isAfter(now)) {
                        return 0;
                    }
                    publish(em, t, now, AuditEntitySystem.NAME);
                    return 1;
                });
            } catch (RuntimeException e) {
                LOG.warn("Tender {} not published now, retried on the next run: {}", id, e.getMessage());
            }
        }
        return n;
    }

    /** Job tender.bidding: bid deadlines passed (closed: FAILED or EVALUATION), publicity periods ended (→ AWARD). */
    int closeDue(Instant now) {
        List<Long> due = tx.read(em -> em.createQuery("SELECT t.id FROM TenderEntity t WHERE t.stage = :s AND t.bidDeadline <= :now ORDER BY t.id",
                Long.class).setParameter("s", TenderStage.BIDDING).setParameter("now", now).getResultList());
        int n = 0;
        for (long id : due) {
            try {
                n += tx.write(em -> {
                    TenderEntity t = em.find(TenderEntity.class, id);
                    if (t == null || t.stage != TenderStage.BIDDING || t.bidDeadline.isAfter(now)) {
                        return 0;
                    }
                    close(em, t, AuditEntitySystem.NAME);
                    return 1;
                });
            } catch (RuntimeException e) {
                LOG.warn("Bidding of tender {} not closed now, retried on the next run: {}", id, e.getMessage());
            }
        }
        n += tx.write(em -> {
            List<TenderEntity> ended = em.createQuery("SELECT t FROM TenderEntity t WHERE t.stage = :s AND t.publicityUntil <= :now", TenderEntity.class)
                    .setParameter("s", TenderStage.PUBLICITY).setParameter("now", now).getResultList();
            for (TenderEntity t : ended) {
                t.stage = TenderStage.AWARD;
                t.touchedBy(AuditEntitySystem.NAME);
                audit(em, AuditEntitySystem.NAME, "tender.publicityEnded", t.id, AuditEvent.summary("number", t.number));
            }
            return ended.size();
        });
        return n;
    }

    /** The system actor's name (AuditedEntity.SYSTEM). */
    static final class AuditEntitySystem {
        static final String NAME = org.smartproperty.platform.persistence.AuditedEntity.SYSTEM;

        private AuditEntitySystem() {
        }
    }

    // ================================================================== helpers

    private Tender toDto(EntityManager em, TenderEntity t) {
        Long count = t.publishedAt == null ? null
                : em.createQuery("SELECT COUNT(b) FROM BidderEntity b WHERE b.tenderId = :t", Long.class).setParameter("t", t.id).getSingleResult();
        return new Tender(t.id, t.getVersion(), t.number, t.estateId, t.estateName, t.tendererKind, t.tendererId, t.tendererName, t.title, t.method,
                t.directGrounds, t.directCompanyId, invitedList(t), t.serviceMonths, criteria(t), t.stage, t.projectStatus, announcementOf(t),
                t.bidDeadline, count == null ? null : count.intValue(), t.winnerCompanyId, t.winnerName, t.publicityUntil, t.resultPublishedAt,
                t.awardDueAt, t.contractDueAt, t.retenderOf, t.getCreatedBy(), t.getCreatedAt(), t.getUpdatedAt());
    }

    static List<Criterion> criteria(TenderEntity t) {
        if (t.criteria == null) {
            return List.of();
        }
        try {
            return JSON.readValue(t.criteria, new TypeReference<List<Criterion>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<Long> invited(TenderEntity t) {
        return new LinkedHashSet<>(invitedList(t));
    }

    static List<Long> invitedList(TenderEntity t) {
        if (t.invitedIds == null || t.invitedIds.isBlank()) {
            return List.of();
        }
        return Arrays.stream(t.invitedIds.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
    }

    /** ",1,2,3," so that a LIKE '%,id,%' finds one. */
    static String ids(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : "," + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ",";
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, action, AUDIT_KIND, id, summary));
        }
    }

    <T> T read(Function<EntityManager, T> work) {
        return tx.read(work);
    }
}
