package org.smartproperty.company.internal;

import static org.smartproperty.platform.persistence.Jpql.orderBy;
import static org.smartproperty.platform.persistence.Jpql.likeEscape;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyMessages;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.company.Filing;
import org.smartproperty.company.FilingInput;
import org.smartproperty.company.FilingStatus;
import org.smartproperty.company.PublicCompany;
import org.smartproperty.company.ServicePeriod;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.jpa.ReviewSubjects;
import org.smartproperty.platform.review.jpa.Reviews;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;

/**
 * SUP-CO-1 (company registry), SUP-CO-2 / COS-2 (filing: the company submits, the regulator
 * approves or returns with a reason, the company resubmits) and DIS-2 (public list, masked) on JPA.
 */
@Component(service = {CompanyService.class, CompanyInternals.class})
public class CompanyServiceImpl implements CompanyService, CompanyInternals {

    static final String UNIT = "company";
    /** Owner kind of filing materials in the file store. */
    static final String FILING_FILES = "company-filing";
    /** The day of a sanction's credit signal is the regulator's day. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** {@code crd_signal.reference} holds at most this many characters. */
    static final int SIGNAL_REFERENCE_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(CompanyServiceImpl.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.company.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference
    private FileStore files;

    /** Issue 12: a revoked company's sessions lose it at once; absent = within the token cache's period. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile org.smartproperty.platform.security.ScopeChanges scopeChanges;

    /**
     * Issue 14 (CRD-2): a suspension or revocation is reported to the credit domain as a {@code PENALTY} signal in the
     * status change's transaction. Optional on purpose, unlike the other domains' references: the registry is the
     * credit domain's source, never the other way round, so a sanction is never refused because the credit domain is
     * absent or being updated; it is then logged (WARN, with the signal's key) and the record is the regulator's to add by
     * hand. Dynamic, so updating the credit impl never restarts this component (issue 10 item 6).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CreditSignals creditSignals;

    private EntityManagerFactory emf;
    private Transactions tx;
    private Reviews<FilingEntity> reviews;

    public CompanyServiceImpl() {
    }

    /** Outside OSGi (other domains' service tests): the real service over a persistence unit of the company schema. */
    public static CompanyService standalone(EntityManagerFactory emf, AuditTrail audit, FileStore files) {
        return new CompanyServiceImpl(emf, audit, files, null);
    }

    /** Outside OSGi, with the credit domain's signals (null: the credit domain is absent, sanctions are only logged). */
    public static CompanyService standalone(EntityManagerFactory emf, AuditTrail audit, FileStore files, CreditSignals signals) {
        return new CompanyServiceImpl(emf, audit, files, signals);
    }

    CompanyServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, CreditSignals signals) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.creditSignals = signals;
        this.tx = new Transactions(emf, "company");
        this.reviews = reviews();
    }

    @Activate
    void activate() {
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, "company");
        reviews = reviews();
    }

    @Deactivate
    void deactivate() {
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    // ---------------------------------------------------------------- registry (SUP-CO-1)

    @Override
    public Page<Company> list(DataScope scope, CompanyQuery q, PageRequest page) {
        CompanyQuery query = q == null ? CompanyQuery.all() : q;
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            where.append(companyScope(scope, "c", params));
            if (query.name() != null && !query.name().isBlank()) {
                where.append(" AND LOWER(c.name) LIKE :name ESCAPE '\\'");
                params.put("name", "%" + likeEscape(query.name().trim().toLowerCase(Locale.ROOT)) + "%");
            }
            if (query.status() != null) {
                where.append(" AND c.status = :status");
                params.put("status", query.status());
            }
            Jpql.Rows<CompanyEntity> found = Jpql.page(em, CompanyEntity.class, "c", where.toString(), params, page);
            long total = found.total();
            List<CompanyEntity> rows = found.rows();
            Map<Long, List<ServicePeriod>> periods = periods(em, rows.stream().map(c -> c.id).toList());
            List<Company> items = rows.stream().map(c -> toDto(c, periods.getOrDefault(c.id, List.of()))).toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public Company get(DataScope scope, long id) {
        return tx.read(em -> toDto(em, findInScope(em, scope, id)));
    }

    /** JPQL condition limiting companies (alias {@code c}) to the scope: ALL every one, COMPANY its own, others none. */
    static String companyScope(DataScope scope, String c, Map<String, Object> params) {
        DataScope s = scope == null ? DataScope.NONE : scope;
        switch (s.kind()) {
            case ALL:
                return "";
            case COMPANY:
                params.put("scopeCompany", s.companyId());
                return " AND " + c + ".id = :scopeCompany";
            default:
                return " AND 1 = 0";
        }
    }

    static boolean inScope(DataScope scope, long companyId) {
        if (scope == null) {
            return false;
        }
        return scope.all() || (scope.kind() == DataScope.Kind.COMPANY && Objects.equals(scope.companyId(), companyId));
    }

    /** The company if it exists AND lies in the scope; 404 otherwise (never reveal which). */
    private static CompanyEntity findInScope(EntityManager em, DataScope scope, long id) {
        if (!inScope(scope, id)) {
            throw notFound("objects.company", id);
        }
        return find(em, id);
    }

    private static CompanyEntity find(EntityManager em, long id) {
        CompanyEntity c = em.find(CompanyEntity.class, id);
        if (c == null) {
            throw notFound("objects.company", id);
        }
        return c;
    }

    /** 404 whose object kind is a text of the company bundle. */
    static ApiException notFound(String objectKindKey, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null,
                CompanyMessages.TEXTS.text(objectKindKey), String.valueOf(id));
    }

    @Override
    public Company create(CompanyInput input, String actor) {
        validate(input);
        return tx.write(em -> {
            String code = UnifiedSocialCreditCode.normalize(input.creditCode());
            checkCreditCode(em, code, null);
            CompanyEntity c = new CompanyEntity();
            apply(c, input);
            c.status = CompanyStatus.APPLYING;
            c.touchedBy(actor);
            em.persist(c);
            em.flush();
            mergePeriods(em, c.id, input.servicePeriods());
            audit(em, actor, "company.create", "company", c.id, AuditEvent.summary("name", c.name, "creditCode", c.creditCode));
            return toDto(em, c);
        });
    }

    @Override
    public Company apply(String creditCode, CompanyInput input, String actor) {
        String own = UnifiedSocialCreditCode.normalize(creditCode);
        CompanyInput in = input == null ? null : new CompanyInput(input.name(), input.creditCode() == null || input.creditCode().isBlank() ? own
                : input.creditCode(), input.legalRepresentative(), input.qualificationGrade(), input.certificateNumber(), input.contact(),
                input.phone(), input.officeAddress(), List.of());
        if (in == null) {
            throw ApiException.invalid(org.smartproperty.platform.Messages.PLATFORM, "$", "field.required");
        }
        validate(in);
        if (!own.equals(UnifiedSocialCreditCode.normalize(in.creditCode()))) {
            throw ApiException.invalid(CompanyMessages.TEXTS, "creditCode", "apply.notOwnCode");
        }
        return tx.write(em -> {
            checkCreditCode(em, own, null);
            CompanyEntity c = new CompanyEntity();
            apply(c, in);
            c.status = CompanyStatus.APPLYING;
            c.touchedBy(actor);
            em.persist(c);
            em.flush();
            audit(em, actor, "company.apply", "company", c.id, AuditEvent.summary("name", c.name, "creditCode", c.creditCode));
            scopesChanged(em);
            return toDto(em, c);
        });
    }

    /** The security revision moves with this transaction (issue 12): sessions bound to the company follow at once. */
    private void scopesChanged(EntityManager em) {
        org.smartproperty.platform.security.ScopeChanges changes = scopeChanges;
        if (changes != null) {
            try {
                changes.changed(em.unwrap(java.sql.Connection.class));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public Company update(long id, long expectedVersion, CompanyInput input, String actor) {
        validate(input);
        return tx.write(em -> {
            CompanyEntity c = find(em, id);
            checkVersion(c.getVersion(), expectedVersion);
            checkCreditCode(em, UnifiedSocialCreditCode.normalize(input.creditCode()), c.id);
            List<Object> before = Arrays.asList(c.name, c.creditCode, c.getVersion());
            apply(c, input);
            c.touchedBy(actor);
            mergePeriods(em, c.id, input.servicePeriods());
            em.flush();
            audit(em, actor, "company.update", "company", c.id,
                    AuditEvent.summary("before", before, "after", Arrays.asList(c.name, c.creditCode, c.getVersion())));
            return toDto(em, c);
        });
    }

    private static void validate(CompanyInput in) {
        Validation v = new Validation(CompanyMessages.TEXTS);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
            return;
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name(), 200);
        }
        for (String key : UnifiedSocialCreditCode.violations(in.creditCode())) {
            v.error("creditCode", key);
        }
        if (v.required("legalRepresentative", in.legalRepresentative())) {
            v.maxLength("legalRepresentative", in.legalRepresentative(), 100);
        }
        v.maxLength("qualificationGrade", in.qualificationGrade(), 50);
        v.maxLength("certificateNumber", in.certificateNumber(), 64);
        v.maxLength("contact", in.contact(), 100);
        v.maxLength("officeAddress", in.officeAddress(), 400);
        if (in.phone() != null && !in.phone().isBlank() && !in.phone().trim().matches("[+0-9 ()\\-]{5,20}")) {
            v.error("phone", "phone.format");
        }
        List<ServicePeriod> periods = in.servicePeriods() == null ? List.of() : in.servicePeriods();
        for (int i = 0; i < periods.size(); i++) {
            ServicePeriod p = periods.get(i);
            String f = "servicePeriods[" + i + "]";
            if (p == null) {
                v.required(f, null);
                continue;
            }
            if (p.estateId() <= 0) {
                v.required(f + ".estateId", null);
            }
            if (v.required(f + ".from", p.from()) && p.to() != null && p.to().isBefore(p.from())) {
                v.error(f + ".to", "servicePeriod.order");
            }
        }
        v.throwIfInvalid();
    }

    private static void checkVersion(long current, long expected) {
        if (current != expected) {
            throw ApiException.stale(current);
        }
    }

    private static void checkCreditCode(EntityManager em, String code, Long self) {
        List<Long> ids = em.createQuery("SELECT c.id FROM CompanyEntity c WHERE c.creditCode = :code", Long.class)
                .setParameter("code", code).getResultList();
        if (!ids.isEmpty() && !ids.get(0).equals(self)) {
            throw ApiException.conflict(CompanyMessages.TEXTS, "creditCode.duplicate", code);
        }
    }

    private static void apply(CompanyEntity c, CompanyInput in) {
        c.name = in.name().trim();
        c.creditCode = UnifiedSocialCreditCode.normalize(in.creditCode());
        c.legalRepresentative = in.legalRepresentative().trim();
        c.qualificationGrade = blankToNull(in.qualificationGrade());
        c.certificateNumber = blankToNull(in.certificateNumber());
        c.contact = blankToNull(in.contact());
        c.phone = blankToNull(in.phone());
        c.officeAddress = blankToNull(in.officeAddress());
    }

    /**
     * Service periods are matched by (estate, from): new ones are added, matching ones take the
     * given end; periods not mentioned stay (history). Overlaps for one estate are 400.
     */
    private static void mergePeriods(EntityManager em, long companyId, List<ServicePeriod> input) {
        if (input == null || input.isEmpty()) {
            return;
        }
        List<ServicePeriodEntity> existing = em.createQuery("SELECT p FROM ServicePeriodEntity p WHERE p.companyId = :c", ServicePeriodEntity.class)
                .setParameter("c", companyId).getResultList();
        List<ServicePeriodEntity> all = new ArrayList<>(existing);
        for (ServicePeriod p : input) {
            ServicePeriodEntity match = all.stream().filter(e -> e.estateId == p.estateId() && e.from.equals(p.from())).findFirst().orElse(null);
            if (match == null) {
                match = new ServicePeriodEntity();
                match.companyId = companyId;
                match.estateId = p.estateId();
                match.from = p.from();
                all.add(match);
                em.persist(match);
            }
            match.to = p.to();
        }
        Map<Long, List<ServicePeriodEntity>> byEstate = all.stream().collect(Collectors.groupingBy(e -> e.estateId));
        for (List<ServicePeriodEntity> ps : byEstate.values()) {
            for (int i = 0; i < ps.size(); i++) {
                for (int j = i + 1; j < ps.size(); j++) {
                    if (overlap(ps.get(i), ps.get(j))) {
                        int idx = indexOf(input, ps.get(j).estateId);
                        throw ApiException.invalid(CompanyMessages.TEXTS, "servicePeriods[" + idx + "]", "servicePeriod.overlap");
                    }
                }
            }
        }
    }

    private static int indexOf(List<ServicePeriod> input, long estateId) {
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i).estateId() == estateId) {
                return i;
            }
        }
        return 0;
    }

    private static boolean overlap(ServicePeriodEntity a, ServicePeriodEntity b) {
        boolean aEndsBeforeB = a.to != null && a.to.isBefore(b.from);
        boolean bEndsBeforeA = b.to != null && b.to.isBefore(a.from);
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    private static Map<Long, List<ServicePeriod>> periods(EntityManager em, List<Long> companyIds) {
        Map<Long, List<ServicePeriod>> out = new HashMap<>();
        if (companyIds.isEmpty()) {
            return out;
        }
        for (ServicePeriodEntity p : em.createQuery("SELECT p FROM ServicePeriodEntity p WHERE p.companyId IN :ids ORDER BY p.estateId, p.from",
                ServicePeriodEntity.class).setParameter("ids", companyIds).getResultList()) {
            out.computeIfAbsent(p.companyId, k -> new ArrayList<>()).add(new ServicePeriod(p.estateId, p.from, p.to));
        }
        return out;
    }

    private Company toDto(EntityManager em, CompanyEntity c) {
        return toDto(c, periods(em, List.of(c.id)).getOrDefault(c.id, List.of()));
    }

    private static Company toDto(CompanyEntity c, List<ServicePeriod> periods) {
        return new Company(c.id, c.name, c.creditCode, c.legalRepresentative, c.qualificationGrade, c.certificateNumber,
                c.contact, c.phone, c.officeAddress, c.status, periods, c.getVersion(), c.getCreatedAt(), c.getUpdatedAt());
    }

    // ---------------------------------------------------------------- filing (SUP-CO-2, COS-2) on the review kernel

    /** The company filing review: the company (COMPANY scope, or staff with every company) files, the regulator reviews. */
    static final ReviewKind FILING = new ReviewKind(FILING_FILES, "company", "filing", "company:read", "company:file", "company:review",
            ReviewTexts.defaults(CompanyMessages.TEXTS));

    /** What the review kernel asks of companies: only an APPLYING company in the caller's scope files. */
    private static final ReviewSubjects COMPANIES = new ReviewSubjects() {
        @Override
        public void checkApplicant(EntityManager em, DataScope scope, long companyId) {
            CompanyEntity c = findInScope(em, scope, companyId);
            if (c.status != CompanyStatus.APPLYING) {
                throw ApiException.conflict(CompanyMessages.TEXTS, "filing.companyStatus", c.status.name());
            }
        }

        @Override
        public void checkExists(EntityManager em, long companyId) {
            find(em, companyId);
        }

        @Override
        public void decided(EntityManager em, long companyId, ReviewState to, String actor) {
            if (to == ReviewState.APPROVED) {
                CompanyEntity c = find(em, companyId);
                c.status = CompanyStatus.FILED;
                c.touchedBy(actor);
            }
        }

        @Override
        public boolean mayRead(EntityManager em, DataScope scope, long companyId) {
            return inScope(scope, companyId);
        }
    };

    private Reviews<FilingEntity> reviews() {
        return new Reviews<>(FILING, FilingEntity.class, "companyId", "cmp_filing_event", COMPANIES, files, audit);
    }

    @Override
    public Filing submitFiling(DataScope scope, long companyId, FilingInput input, String actor) {
        Validation v = new Validation(CompanyMessages.TEXTS);
        if (input == null) {
            v.required("$", null);
        } else {
            v.maxLength("qualificationGrade", input.qualificationGrade(), 50);
            v.maxLength("certificateNumber", input.certificateNumber(), 64);
            v.maxLength("creditInformation", input.creditInformation(), 4000);
            v.maxLength("note", input.note(), 4000);
            reviews.validateMaterials(v, input.materials());
        }
        v.throwIfInvalid();
        return tx.write(em -> {
            FilingEntity f = new FilingEntity();
            f.companyId = companyId;
            f.qualificationGrade = blankToNull(input.qualificationGrade());
            f.certificateNumber = blankToNull(input.certificateNumber());
            f.creditInformation = blankToNull(input.creditInformation());
            f.note = blankToNull(input.note());
            return toDto(em, reviews.submit(em, scope, companyId, f, input.materials(), actor));
        });
    }

    @Override
    public Filing approve(long companyId, long filingId, long expectedVersion, String reason, String actor) {
        return decide(companyId, filingId, expectedVersion, ReviewAction.APPROVE, reason, actor);
    }

    @Override
    public Filing returnFiling(long companyId, long filingId, long expectedVersion, String reason, String actor) {
        return decide(companyId, filingId, expectedVersion, ReviewAction.RETURN, reason, actor);
    }

    private Filing decide(long companyId, long filingId, long expectedVersion, ReviewAction action, String reason, String actor) {
        reviews.validateDecision(action, reason);
        return tx.write(em -> toDto(em, reviews.decide(em, companyId, filingId, expectedVersion, action, reason, actor)));
    }

    /** The sanctions' state machine (SUP-CO-1): which status may follow which. */
    static List<CompanyStatus> nextStatuses(CompanyStatus from) {
        switch (from) {
            case FILED:
                return List.of(CompanyStatus.SUSPENDED, CompanyStatus.REVOKED);
            case SUSPENDED:
                return List.of(CompanyStatus.FILED, CompanyStatus.REVOKED);
            default:
                return List.of();
        }
    }

    @Override
    public Company changeStatus(long id, long expectedVersion, CompanyStatus target, String reason, String actor) {
        Validation v = new Validation(CompanyMessages.TEXTS);
        if (target == null) {
            v.required("status", null);
        }
        if (reason == null || reason.isBlank()) {
            v.error("reason", "status.reasonRequired");
        } else {
            v.maxLength("reason", reason, 4000);
        }
        v.throwIfInvalid();
        return tx.write(em -> {
            CompanyEntity c = find(em, id);
            checkVersion(c.getVersion(), expectedVersion);
            List<CompanyStatus> allowed = nextStatuses(c.status);
            if (!allowed.contains(target)) {
                throw ApiException.conflict(CompanyMessages.TEXTS, "status.illegalTransition", c.status.name(), target.name(),
                        allowed.isEmpty() ? CompanyMessages.TEXTS.text("status.noTransition")
                                : allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
            }
            CompanyStatus from = c.status;
            c.status = target;
            c.touchedBy(actor);
            em.flush();
            String action = target == CompanyStatus.SUSPENDED ? "company.suspend"
                    : target == CompanyStatus.REVOKED ? "company.revoke" : "company.reinstate";
            audit(em, actor, action, "company", c.id, AuditEvent.summary("from", from.name(), "to", target.name(), "reason", reason.trim()));
            if (target != CompanyStatus.FILED) {
                penaltySignal(em, c, target, reason.trim());
            }
            scopesChanged(em);
            return toDto(em, c);
        });
    }

    /**
     * CRD-2 (issue 14): a sanction becomes the credit signal {@code PENALTY/suspended} or {@code PENALTY/revoked} on the
     * status change's connection, so it commits or rolls back with it; the credit domain's rule table turns it into a
     * record. The key is unique per status change (the company's new version: a company may be suspended again after a
     * reinstatement), the day is today in Asia/Shanghai, the reference is the reason (cut to 200 characters). A reinstatement
     * emits nothing. Without the credit domain the sanction still commits and the missing signal is logged; an error of
     * the credit domain itself (its table, a refused signal) is not swallowed and rolls the sanction back.
     */
    private void penaltySignal(EntityManager em, CompanyEntity c, CompanyStatus target, String reason) {
        String verb = target == CompanyStatus.REVOKED ? "revoke" : "suspend";
        String condition = target == CompanyStatus.REVOKED ? "revoked" : "suspended";
        CreditSignal signal = new CreditSignal("PENALTY", condition, c.id, "company-" + verb + ":" + c.id + ":" + c.getVersion(),
                LocalDate.now(ZONE), signalReference(reason));
        CreditSignals signals = creditSignals; // read once: the reference may go away meanwhile
        if (signals == null) {
            LOG.warn("Company {} {}: the credit domain is not available, credit signal {} ({}/{}) not emitted; add the record by hand",
                    c.id, condition, signal.key(), signal.source(), signal.condition());
            return;
        }
        signals.emit(em.unwrap(Connection.class), signal);
    }

    /** The reason as the record's reference: at most 200 characters, never cutting a surrogate pair. */
    static String signalReference(String reason) {
        if (reason.length() <= SIGNAL_REFERENCE_MAX) {
            return reason;
        }
        int end = SIGNAL_REFERENCE_MAX - 1;
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + "…";
    }

    /** The file-store rule of filing materials: {@code company:read} and the filing's company in the caller's scope. */
    public boolean mayReadFilingMaterials(org.smartproperty.platform.security.SpmPrincipal caller, String ownerRef) {
        return reviews.mayReadMaterials(caller, ownerRef, id -> mayReadFiling(caller.scope(), id));
    }

    /** Whether the caller may read the materials of a filing (its company in scope). */
    boolean mayReadFiling(DataScope scope, long filingId) {
        return tx.read(em -> reviews.mayReadRound(em, scope, filingId));
    }

    @Override
    public List<Filing> filings(DataScope scope, long companyId) {
        return tx.read(em -> {
            findInScope(em, scope, companyId);
            return reviews.rounds(em, companyId).stream().map(f -> toDto(em, f)).toList();
        });
    }

    @Override
    public List<ReviewEvent> filingHistory(DataScope scope, long companyId) {
        return tx.read(em -> {
            findInScope(em, scope, companyId);
            return reviews.history(em, companyId);
        });
    }

    private Filing toDto(EntityManager em, FilingEntity f) {
        return new Filing(f.id, f.companyId, FilingStatus.valueOf(f.status().name()), f.qualificationGrade, f.certificateNumber,
                f.creditInformation, reviews.materials(em, f), f.note, f.submittedBy(), f.submittedAt(), f.decidedBy(), f.decidedAt(),
                f.reason(), f.getVersion());
    }

    // ---------------------------------------------------------------- disclosure (DIS-2)

    @Override
    public Page<PublicCompany> publicList(PageRequest page) {
        return tx.read(em -> {
            String where = " WHERE c.status <> :applying";
            long total = em.createQuery("SELECT COUNT(c) FROM CompanyEntity c" + where, Long.class)
                    .setParameter("applying", CompanyStatus.APPLYING).getSingleResult();
            List<CompanyEntity> rows = em.createQuery("SELECT c FROM CompanyEntity c" + where + orderBy("c", page), CompanyEntity.class)
                    .setParameter("applying", CompanyStatus.APPLYING)
                    .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
            Map<Long, List<ServicePeriod>> periods = periods(em, rows.stream().map(c -> c.id).toList());
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            List<PublicCompany> items = rows.stream().map(c -> new PublicCompany(c.id, c.name, c.creditCode,
                    PersonalData.maskName(c.legalRepresentative), c.qualificationGrade, c.certificateNumber,
                    PersonalData.maskPhone(c.phone), c.officeAddress, c.status,
                    periods.getOrDefault(c.id, List.of()).stream()
                            .filter(p -> !p.from().isAfter(today) && (p.to() == null || !p.to().isBefore(today)))
                            .map(ServicePeriod::estateId).distinct().toList())).toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    // ---------------------------------------------------------------- helpers

    @Override
    public ServicePeriod appoint(Connection c, long companyId, long estateId, LocalDate from, LocalDate to, String actor) {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw ApiException.invalid(CompanyMessages.TEXTS, "servicePeriods[0].to", "servicePeriod.order");
        }
        try {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM cmp_company WHERE id = ?")) {
                ps.setLong(1, companyId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("objects.company", companyId);
                    }
                }
            }
            LocalDate dayBefore = from.minusDays(1);
            List<long[]> ended = new ArrayList<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT id, company_id FROM cmp_service_period WHERE estate_id = ?"
                    + " AND date_from < ? AND (date_to IS NULL OR date_to >= ?)")) {
                ps.setLong(1, estateId);
                ps.setObject(2, from);
                ps.setObject(3, from);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ended.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            for (long[] e : ended) {
                try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE cmp_service_period SET date_to = ? WHERE id = ?")) {
                    ps.setObject(1, dayBefore);
                    ps.setLong(2, e[0]);
                    ps.executeUpdate();
                }
                if (audit != null) {
                    audit.append(c, AuditEvent.of(actor, "company.period.end", "company", e[1],
                            AuditEvent.summary("estate", estateId, "to", dayBefore.toString(), "successor", companyId)));
                }
            }
            // a period of the estate starting on or after the new one (an earlier filing for the same dates) ends with it: overlaps are refused
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cmp_service_period WHERE estate_id = ? AND date_from >= ?"
                    + (to == null ? "" : " AND date_from <= ?"))) {
                ps.setLong(1, estateId);
                ps.setObject(2, from);
                if (to != null) {
                    ps.setObject(3, to);
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw ApiException.invalid(CompanyMessages.TEXTS, "servicePeriods[0]", "servicePeriod.overlap");
                    }
                }
            }
            long id;
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT nextval('cmp_service_period_seq')");
                 java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1); // the end of a block of 50 EclipseLink never hands out (CONTRIBUTING, Sequences)
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO cmp_service_period (id, company_id, estate_id, date_from, date_to) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, companyId);
                ps.setLong(3, estateId);
                ps.setObject(4, from);
                ps.setObject(5, to);
                ps.executeUpdate();
            }
            if (audit != null) {
                audit.append(c, AuditEvent.of(actor, "company.appoint", "company", companyId,
                        AuditEvent.summary("estate", estateId, "from", from.toString(), "to", to == null ? null : to.toString())));
            }
            org.smartproperty.platform.security.ScopeChanges changes = scopeChanges;
            if (changes != null) {
                changes.changed(c);
            }
            return new ServicePeriod(estateId, from, to);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("service period of company " + companyId + " not written", e);
        }
    }

    private void audit(EntityManager em, String actor, String action, String type, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, type, id, summary));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
