package org.smartproperty.expert.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
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
import org.smartproperty.expert.Admission;
import org.smartproperty.expert.Draw;
import org.smartproperty.expert.DrawEvent;
import org.smartproperty.expert.DrawInput;
import org.smartproperty.expert.DrawReplay;
import org.smartproperty.expert.DrawSeat;
import org.smartproperty.expert.Evaluation;
import org.smartproperty.expert.Expert;
import org.smartproperty.expert.ExpertInput;
import org.smartproperty.expert.ExpertMessages;
import org.smartproperty.expert.ExpertProject;
import org.smartproperty.expert.ExpertQuery;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.expert.ExpertStatus;
import org.smartproperty.expert.RatingInput;
import org.smartproperty.expert.StatusChange;
import org.smartproperty.expert.Tie;
import org.smartproperty.expert.TieKind;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.Phones;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * {@link ExpertService} on JPA (persistence unit {@code expert}): the pool (SUP-EX-1), its admission on the review kernel,
 * the project library as tendering recorded it through {@link ExpertProjectsImpl}, the draws (SUP-EX-3, {@link ExpertDraw})
 * and their confirmations (SUP-EX-4, job {@code expert.confirmations}). Rules from the configuration PID
 * {@code org.smartproperty.expert} ({@link ExpertConfig}).
 */
@Component(service = ExpertService.class, configurationPid = "org.smartproperty.expert", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ExpertConfig.class)
public class ExpertServiceImpl implements ExpertService {

    static final String UNIT = "expert";
    static final String AUDIT_KIND = "expert";
    static final String DRAW_AUDIT_KIND = "expert-draw";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** SMS + in-app to a drawn expert (number 24) and to a reserve or supplementary expert taking a seat (29). */
    static final MessageKind DRAWN = MessageKind.of("EXPERT_DRAWN");
    static final MessageKind REPLACED = MessageKind.of("EXPERT_REPLACED");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    static final int REASON_MAX = 1000;
    static final String SYSTEM = "system";
    private static final Logger LOG = LoggerFactory.getLogger(ExpertServiceImpl.class);

    /** The rules in force (configuration). */
    record Rules(int panelMin, int ratioNumerator, int ratioDenominator, int reservesMin, int confirmHours, int formerEmployerYears,
                 int intervalSeconds) {
        static final Rules DEFAULTS = new Rules(5, 2, 3, 2, 24, 3, 60);
    }

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.expert.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference
    private FileStore files;

    @Reference
    private AccountDirectory directory;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsOutbox sms;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    private volatile Rules rules = Rules.DEFAULTS;
    private EntityManagerFactory emf;
    private Transactions tx;
    private Clock clock = Clock.systemUTC();
    private Admissions admissions;
    private ServiceRegistration<Job> job;

    public ExpertServiceImpl() {
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit. */
    ExpertServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, AccountDirectory directory, SmsOutbox sms,
                      Notifications notifications, Clock clock) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.directory = directory;
        this.sms = sms;
        this.notifications = notifications;
        this.clock = clock;
        this.tx = new Transactions(emf, UNIT);
        this.admissions = new Admissions(this, files, audit);
    }

    @Activate
    void activate(ExpertConfig config, BundleContext context) {
        configure(config);
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
        admissions = new Admissions(this, files, audit);
        job = context.registerService(Job.class, Job.of("expert.confirmations",
                () -> JobSchedule.every(Duration.ofSeconds(rules.intervalSeconds())), c -> expireConfirmations() + " seats replaced"), null);
    }

    @Modified
    void modified(ExpertConfig config) {
        configure(config);
    }

    void configure(ExpertConfig c) {
        configure(c.panel_min(), c.drawn_ratio(), c.reserves_min(), c.confirm_hours(), c.conflict_formerEmployerYears(),
                c.confirmations_intervalSeconds());
    }

    /** Applies a configuration; values out of range are refused and logged, the rules in force stay. @return whether applied */
    boolean configure(int panelMin, String drawnRatio, int reservesMin, int confirmHours, int formerYears, int intervalSeconds) {
        int[] ratio = ratio(drawnRatio);
        if (panelMin < 1 || ratio == null || reservesMin < 0 || confirmHours < 1 || confirmHours > 720 || formerYears < 0
                || intervalSeconds < 5) {
            LOG.error("expert configuration refused (panel.min {}, drawn.ratio {}, reserves.min {}, confirm.hours {}, "
                    + "conflict.formerEmployerYears {}, confirmations.intervalSeconds {}); {} stays",
                    panelMin, drawnRatio, reservesMin, confirmHours, formerYears, intervalSeconds, rules);
            return false;
        }
        rules = new Rules(panelMin, ratio[0], ratio[1], reservesMin, confirmHours, formerYears, intervalSeconds);
        return true;
    }

    /** "2/3" → {2, 3}; null when not a ratio in (0, 1]. */
    static int[] ratio(String s) {
        if (s == null) {
            return null;
        }
        String[] parts = s.trim().split("\\s*/\\s*");
        try {
            int n = Integer.parseInt(parts[0]);
            int d = parts.length == 2 ? Integer.parseInt(parts[1]) : 1;
            return parts.length <= 2 && n > 0 && d > 0 && n <= d ? new int[] {n, d} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Rules rules() {
        return rules;
    }

    @Deactivate
    void deactivate() {
        if (job != null) {
            try {
                job.unregister();
            } catch (IllegalStateException ignored) {
                // already gone with the bundle
            }
        }
        if (tx != null) {
            tx.close();
        }
    }

    Transactions tx() {
        return tx;
    }

    Instant now() {
        return clock.instant();
    }

    // ================================================================== pool (SUP-EX-1)

    static boolean staff(SpmPrincipal c) {
        return c.roles().contains(Role.REGULATOR) || c.roles().contains(Role.OFFICER);
    }

    @Override
    public Page<Expert> list(SpmPrincipal caller, ExpertQuery query, PageRequest page) {
        ExpertQuery q = query == null ? ExpertQuery.ALL : query;
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (!staff(caller)) {
                where.append(" AND e.accountName = :me");
                params.put("me", caller.getName());
            }
            if (q.status() != null) {
                where.append(" AND e.status = :st");
                params.put("st", q.status());
            }
            if (q.specialty() != null && !q.specialty().isBlank()) {
                where.append(" AND e.specialties LIKE :sp");
                params.put("sp", "%," + Jpql.likeEscape(q.specialty().trim()) + ",%");
            }
            if (q.q() != null && !q.q().isBlank()) {
                where.append(" AND (LOWER(e.name) LIKE :q OR e.phone LIKE :q OR LOWER(e.employerName) LIKE :q)");
                params.put("q", "%" + Jpql.likeEscape(q.q().trim().toLowerCase(Locale.ROOT)) + "%");
            }
            Jpql.Rows<ExpertEntity> found = Jpql.page(em, ExpertEntity.class, "e", where.toString(), params, page);
            Map<Long, List<Tie>> ties = ties(em, found.rows().stream().map(e -> e.id).toList());
            List<Expert> items = found.rows().stream().map(e -> toDto(e, ties.getOrDefault(e.id, List.of()), true)).toList();
            return new Page<>(items, page.page(), page.size(), found.total());
        });
    }

    @Override
    public Expert get(SpmPrincipal caller, long id) {
        return tx.read(em -> {
            ExpertEntity e = readable(em, caller, id);
            return toDto(e, ties(em, List.of(e.id)).getOrDefault(e.id, List.of()), false);
        });
    }

    @Override
    public Expert me(SpmPrincipal caller) {
        return tx.read(em -> {
            ExpertEntity e = mine(em, caller);
            if (e == null) {
                throw notFound("objects.expert", caller.getName());
            }
            return toDto(e, ties(em, List.of(e.id)).getOrDefault(e.id, List.of()), false);
        });
    }

    static ExpertEntity mine(EntityManager em, SpmPrincipal caller) {
        return em.createQuery("SELECT e FROM ExpertEntity e WHERE e.accountName = :a", ExpertEntity.class)
                .setParameter("a", caller.getName()).getResultList().stream().findFirst().orElse(null);
    }

    /** The expert if the caller may read it: staff any, an expert its own; 404 otherwise. */
    static ExpertEntity readable(EntityManager em, SpmPrincipal caller, long id) {
        ExpertEntity e = em.find(ExpertEntity.class, id);
        if (e == null || !(staff(caller) || caller.getName().equals(e.accountName))) {
            throw notFound("objects.expert", id);
        }
        return e;
    }

    @Override
    public Expert create(SpmPrincipal caller, ExpertInput input) {
        Clean in = validate(input, true);
        String actor = caller.getName();
        return tx.write(em -> {
            accountFree(em, in.accountName(), null);
            ExpertEntity e = new ExpertEntity();
            apply(e, in);
            e.status = ExpertStatus.ACTIVE;
            e.touchedBy(actor);
            em.persist(e);
            em.flush();
            replaceTies(em, e.id, in.ties());
            audit(em, actor, "expert.create", e.id, AuditEvent.summary("name", e.name, "status", e.status.name()));
            return toDto(e, in.ties(), false);
        });
    }

    @Override
    public Expert apply(SpmPrincipal caller, ExpertInput input) {
        Clean in = validate(input, false);
        String actor = caller.getName();
        return tx.write(em -> {
            if (mine(em, caller) != null) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "expert.alreadyApplied");
            }
            ExpertEntity e = new ExpertEntity();
            apply(e, in);
            e.accountName = actor;
            e.status = ExpertStatus.APPLYING;
            e.touchedBy(actor);
            em.persist(e);
            em.flush();
            replaceTies(em, e.id, in.ties());
            audit(em, actor, "expert.apply", e.id, AuditEvent.summary("name", e.name));
            return toDto(e, in.ties(), false);
        });
    }

    @Override
    public Expert update(SpmPrincipal caller, long id, long version, ExpertInput input) {
        boolean isStaff = staff(caller);
        Clean in = validate(input, isStaff);
        String actor = caller.getName();
        return tx.write(em -> {
            ExpertEntity e = readable(em, caller, id);
            if (e.getVersion() != version) {
                throw ApiException.stale(e.getVersion());
            }
            if (e.status == ExpertStatus.REMOVED) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "expert.removed");
            }
            if (!isStaff && e.status != ExpertStatus.APPLYING) {
                // an expert edits its application only; the pool's records are the regulator's
                throw notFound("objects.expert", id);
            }
            String account = isStaff ? in.accountName() : e.accountName;
            accountFree(em, account, e.id);
            apply(e, in);
            e.accountName = account;
            e.touchedBy(actor);
            em.flush();
            replaceTies(em, e.id, in.ties());
            audit(em, actor, "expert.update", e.id, AuditEvent.summary("name", e.name));
            return toDto(e, in.ties(), false);
        });
    }

    @Override
    public Expert changeStatus(SpmPrincipal caller, long id, StatusChange change) {
        Validation v = new Validation(ExpertMessages.TEXTS);
        ExpertStatus to = change == null ? null : change.status();
        if (v.required("status", to) && to == ExpertStatus.APPLYING) {
            v.error("status", "expert.status");
        }
        String reason = change == null ? null : blank(change.reason());
        if (v.required("reason", reason)) {
            v.maxLength("reason", reason, REASON_MAX);
        }
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            ExpertEntity e = readable(em, caller, id);
            if (e.status == ExpertStatus.REMOVED) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "expert.removed");
            }
            if (e.status == ExpertStatus.APPLYING) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "expert.applying");
            }
            ExpertStatus from = e.status;
            e.status = to;
            e.statusReason = reason;
            e.touchedBy(actor);
            em.flush();
            audit(em, actor, "expert.status", e.id, AuditEvent.summary("from", from.name(), "to", to.name(), "reason", reason));
            return toDto(e, ties(em, List.of(e.id)).getOrDefault(e.id, List.of()), false);
        });
    }

    @Override
    public List<Evaluation> evaluations(SpmPrincipal caller, long expertId) {
        return tx.read(em -> {
            readable(em, caller, expertId);
            return em.createQuery("SELECT v FROM EvaluationEntity v WHERE v.expertId = :e ORDER BY v.evaluatedAt DESC, v.id DESC", EvaluationEntity.class)
                    .setParameter("e", expertId).getResultList().stream().map(v -> evaluation(em, v)).toList();
        });
    }

    @Override
    public Evaluation rate(SpmPrincipal caller, long expertId, long evaluationId, RatingInput input) {
        Validation v = new Validation(ExpertMessages.TEXTS);
        Integer rating = input == null ? null : input.rating();
        if (v.required("rating", rating) && (rating < 1 || rating > 5)) {
            v.error("rating", "rating.range", 1, 5);
        }
        String comment = input == null ? null : blank(input.comment());
        v.maxLength("comment", comment, REASON_MAX);
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            ExpertEntity e = readable(em, caller, expertId);
            EvaluationEntity ev = em.find(EvaluationEntity.class, evaluationId);
            if (ev == null || ev.expertId != expertId) {
                throw notFound("objects.evaluation", evaluationId);
            }
            ev.rating = rating;
            ev.comment = comment;
            ev.ratedBy = actor;
            ev.ratedAt = ExpertProjectsImpl.at(now());
            em.flush();
            Object[] avg = (Object[]) em.createNativeQuery("SELECT AVG(CAST(rating AS DECIMAL(6,2))), COUNT(rating) FROM exp_evaluation WHERE expert_id = ? AND rating IS NOT NULL")
                    .setParameter(1, expertId).getSingleResult();
            int count = ((Number) avg[1]).intValue();
            e.rating = count == 0 ? null : new BigDecimal(avg[0].toString()).setScale(2, RoundingMode.HALF_UP);
            e.ratingCount = count;
            e.touchedBy(actor);
            em.flush();
            audit(em, actor, "expert.rate", e.id, AuditEvent.summary("evaluation", evaluationId, "rating", rating, "average", e.rating));
            return evaluation(em, ev);
        });
    }

    private static Evaluation evaluation(EntityManager em, EvaluationEntity v) {
        ProjectEntity p = em.find(ProjectEntity.class, v.projectId);
        return new Evaluation(v.id, v.expertId, v.projectId, p == null ? null : p.number, p == null ? null : p.title, v.drawId, v.seat,
                v.evaluatedAt, v.rating, v.comment, v.ratedBy, v.ratedAt == null ? null : v.ratedAt.toInstant());
    }

    /** The validated form of an expert's record. */
    record Clean(String name, String idNumber, String phone, List<String> specialties, String title, Long employerCompanyId,
                 String employerName, String accountName, List<Tie> ties) {
    }

    private static Clean validate(ExpertInput in, boolean mayBindAccount) {
        Validation v = new Validation(ExpertMessages.TEXTS);
        if (in == null) {
            v.required("name", null);
            v.throwIfInvalid();
        }
        String name = blank(in.name());
        if (v.required("name", name)) {
            v.maxLength("name", name, Expert.NAME_MAX);
        }
        String idNumber = blank(in.idNumber());
        if (idNumber != null && !idNumber.matches("[0-9A-Za-z()（）-]{5,32}")) {
            v.error("idNumber", "expert.idNumber");
        }
        String phone = blank(in.phone());
        if (v.required("phone", phone) && !Phones.isValid(phone)) {
            v.error("phone", "expert.phone");
        }
        List<String> specialties = new ArrayList<>(new LinkedHashSet<>(in.specialties() == null ? List.of()
                : in.specialties().stream().filter(Objects::nonNull).map(String::trim).toList()));
        if (specialties.isEmpty()) {
            v.error("specialties", "expert.specialtiesRequired");
        }
        for (int i = 0; i < specialties.size(); i++) {
            if (!CODE.matcher(specialties.get(i)).matches()) {
                v.error("specialties[" + i + "]", "expert.specialty");
            }
        }
        if (String.join(",", specialties).length() > 480) {
            v.error("specialties", "expert.specialtiesTooMany");
        }
        String title = blank(in.title());
        v.maxLength("title", title, Expert.TITLE_MAX);
        String employerName = blank(in.employerName());
        v.maxLength("employerName", employerName, Expert.EMPLOYER_MAX);
        String account = blank(in.accountName());
        if (account != null && !mayBindAccount) {
            account = null;
        }
        v.maxLength("accountName", account, 64);
        List<Tie> ties = in.ties() == null ? List.of() : in.ties();
        for (int i = 0; i < ties.size(); i++) {
            Tie t = ties.get(i);
            String f = "ties[" + i + "]";
            if (!v.required(f, t)) {
                continue;
            }
            v.required(f + ".companyId", t.companyId());
            v.required(f + ".kind", t.kind());
            if (t.since() != null && t.until() != null && t.until().isBefore(t.since())) {
                v.error(f + ".until", "tie.until");
            }
        }
        v.throwIfInvalid();
        return new Clean(name, idNumber, phone, List.copyOf(specialties), title, in.employerCompanyId(), employerName, account,
                ties.stream().map(t -> new Tie(t.companyId(), t.kind(), t.since(), t.until())).toList());
    }

    private static void accountFree(EntityManager em, String account, Long self) {
        if (account == null) {
            return;
        }
        List<Long> taken = em.createQuery("SELECT e.id FROM ExpertEntity e WHERE e.accountName = :a", Long.class).setParameter("a", account)
                .getResultList();
        if (taken.stream().anyMatch(id -> !id.equals(self))) {
            throw ApiException.conflict(ExpertMessages.TEXTS, "expert.accountTaken", account);
        }
    }

    private static void apply(ExpertEntity e, Clean in) {
        e.name = in.name();
        e.idNumber = in.idNumber();
        e.phone = in.phone();
        e.title = in.title();
        e.specialties = "," + String.join(",", in.specialties()) + ",";
        e.employerCompanyId = in.employerCompanyId();
        e.employerName = in.employerName();
        e.accountName = in.accountName();
    }

    private static void replaceTies(EntityManager em, long expertId, List<Tie> ties) {
        em.createQuery("DELETE FROM TieEntity t WHERE t.expertId = :e").setParameter("e", expertId).executeUpdate();
        for (Tie t : ties) {
            TieEntity te = new TieEntity();
            te.expertId = expertId;
            te.companyId = t.companyId();
            te.kind = t.kind();
            te.since = t.since();
            te.until = t.until();
            em.persist(te);
        }
    }

    static Map<Long, List<Tie>> ties(EntityManager em, List<Long> expertIds) {
        Map<Long, List<Tie>> out = new HashMap<>();
        if (expertIds.isEmpty()) {
            return out;
        }
        for (TieEntity t : em.createQuery("SELECT t FROM TieEntity t WHERE t.expertId IN :ids ORDER BY t.id", TieEntity.class)
                .setParameter("ids", expertIds).getResultList()) {
            out.computeIfAbsent(t.expertId, k -> new ArrayList<>()).add(new Tie(t.companyId, t.kind, t.since, t.until));
        }
        return out;
    }

    static List<String> specialties(String stored) {
        return stored == null ? List.of() : Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }

    static Expert toDto(ExpertEntity e, List<Tie> ties, boolean masked) {
        return new Expert(e.id, e.getVersion(), e.name, masked ? PersonalData.maskIdNumber(e.idNumber) : e.idNumber, e.phone, e.title,
                specialties(e.specialties), e.employerCompanyId, e.employerName, e.status, e.statusReason, e.accountName, e.rating,
                e.ratingCount, List.copyOf(ties), e.getCreatedBy(), e.getCreatedAt(), e.getUpdatedAt());
    }

    // ================================================================== admission (review kernel)

    @Override
    public List<Admission> admissions(SpmPrincipal caller, long expertId) {
        return admissions.rounds(caller, expertId);
    }

    @Override
    public List<ReviewEvent> admissionHistory(SpmPrincipal caller, long expertId) {
        return admissions.history(caller, expertId);
    }

    @Override
    public Admission submitAdmission(SpmPrincipal caller, long expertId, List<AttachmentInput> materials) {
        return admissions.submit(caller, expertId, materials);
    }

    @Override
    public Admission decideAdmission(SpmPrincipal caller, long expertId, long roundId, long version, ReviewAction action, String reason) {
        return admissions.decide(caller, expertId, roundId, version, action, reason);
    }

    @Override
    public boolean mayReadAdmission(SpmPrincipal caller, long roundId) {
        return admissions.mayRead(caller, roundId);
    }

    // ================================================================== projects and draws (SUP-EX-2..4)

    /** Whether the caller is the project's tenderer (or the regulator's staff). */
    static boolean tenderer(SpmPrincipal c, ProjectEntity p) {
        if (staff(c) || c.scope().all()) {
            return true;
        }
        DataScope s = c.scope();
        if (s.kind() == DataScope.Kind.DEVELOPER && "DEVELOPER".equals(p.tendererKind)) {
            return s.developerId() != null && s.developerId() == p.tendererId;
        }
        if (s.kind() == DataScope.Kind.COMMITTEE && "COMMITTEE".equals(p.tendererKind)) {
            return s.estateIds() != null && s.estateIds().contains(p.tendererId);
        }
        return false;
    }

    @Override
    public Page<ExpertProject> projects(SpmPrincipal caller, PageRequest page) {
        return tx.read(em -> {
            List<ProjectEntity> all = em.createQuery("SELECT p FROM ProjectEntity p ORDER BY p.id DESC", ProjectEntity.class).getResultList()
                    .stream().filter(p -> tenderer(caller, p)).toList();
            int from = Math.min(all.size(), page.page() * page.size());
            int to = Math.min(all.size(), from + page.size());
            List<ExpertProject> items = all.subList(from, to).stream().map(p -> project(em, p)).toList();
            return new Page<>(items, page.page(), page.size(), all.size());
        });
    }

    static ExpertProject project(EntityManager em, ProjectEntity p) {
        List<Long> draws = em.createQuery("SELECT d.id FROM DrawEntity d WHERE d.projectId = :p ORDER BY d.id DESC", Long.class)
                .setParameter("p", p.id).getResultList();
        return new ExpertProject(p.id, p.source, p.sourceId, p.number, p.title, p.estateId, p.tendererKind, p.tendererId, p.evaluationAt,
                bidders(em, p.id), draws.isEmpty() ? null : draws.get(0), p.publishedAt, p.createdAt);
    }

    static List<Long> bidders(EntityManager em, long projectId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT company_id FROM exp_project_bidder WHERE project_id = ? ORDER BY company_id")
                .setParameter(1, projectId).getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    @Override
    public Draw draw(SpmPrincipal caller, DrawInput input, Locale locale) {
        return new Draws(this).draw(caller, input, locale);
    }

    @Override
    public List<Draw> draws(SpmPrincipal caller, Long projectId, Locale locale) {
        return new Draws(this).list(caller, projectId, locale);
    }

    @Override
    public Draw getDraw(SpmPrincipal caller, long drawId, Locale locale) {
        return new Draws(this).get(caller, drawId, locale);
    }

    @Override
    public DrawReplay replay(SpmPrincipal caller, long drawId, Locale locale) {
        return new Draws(this).replay(caller, drawId, locale);
    }

    @Override
    public List<DrawSeat> confirmations(SpmPrincipal caller, long drawId, Locale locale) {
        return new Draws(this).confirmations(caller, drawId, locale);
    }

    @Override
    public List<DrawEvent> events(SpmPrincipal caller, long drawId, Locale locale) {
        return new Draws(this).events(caller, drawId, locale);
    }

    @Override
    public DrawSeat confirm(SpmPrincipal caller, long drawId, int seat, Locale locale) {
        return new Draws(this).respond(caller, drawId, seat, true, null, locale);
    }

    @Override
    public DrawSeat decline(SpmPrincipal caller, long drawId, int seat, String reason, Locale locale) {
        return new Draws(this).respond(caller, drawId, seat, false, reason, locale);
    }

    @Override
    public int expireConfirmations() {
        return new Draws(this).expire();
    }

    // ================================================================== notices

    /** SMS (when the expert has a phone) and in-app (when its account exists) to an expert, on the transaction's connection. */
    void notifyExpert(EntityManager em, long expertId, String accountName, MessageKind kind, Map<String, String> params, String link) {
        Connection c = em.unwrap(Connection.class);
        ExpertEntity e = em.find(ExpertEntity.class, expertId);
        if (e != null && e.phone != null) {
            try {
                ApiException.requireAvailable(sms, "notification").enqueue(c, new SmsRequest(e.phone, kind, params, "expert:" + expertId));
            } catch (ApiException refused) {
                if (refused.status() == 503) {
                    throw refused;
                }
                LOG.warn("SMS {} to expert {} refused: {}", kind.name(), expertId, refused.getMessage());
            }
        }
        if (accountName != null && directory != null) {
            Long account = null;
            for (AccountDirectory.Contact contact : directory.accountsWithRole(Role.EXPERT)) {
                if (accountName.equals(contact.username())) {
                    account = contact.accountId();
                    break;
                }
            }
            if (account != null) {
                ApiException.requireAvailable(notifications, "notification").notify(c, account, kind, params, link);
            }
        }
    }

    // ================================================================== helpers

    static ApiException notFound(String kindKey, Object id) {
        return new ApiException(404, "problem.notFound", org.smartproperty.platform.Messages.PLATFORM, null,
                ExpertMessages.TEXTS.text(kindKey), String.valueOf(id));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    void audit(EntityManager em, String actor, String action, Object id, String summary) {
        audit(em, actor, action, AUDIT_KIND, id, summary);
    }

    void audit(EntityManager em, String actor, String action, String kind, Object id, String summary) {
        if (audit == null) {
            return;
        }
        audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, action, kind, id, summary));
    }

    static <T> T json(String s, TypeReference<T> type) {
        return ExpertJson.read(s, type);
    }

    static void sql(SqlWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw org.smartproperty.platform.Jdbc.translate(e);
        }
    }

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    Clock clock() {
        return clock;
    }

}
