package org.smartproperty.developer.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.developer.Developer;
import org.smartproperty.developer.DeveloperInput;
import org.smartproperty.developer.DeveloperMessages;
import org.smartproperty.developer.DeveloperQuery;
import org.smartproperty.developer.DeveloperService;
import org.smartproperty.developer.DeveloperStatus;
import org.smartproperty.developer.EstateMatch;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.ScopeChanges;

/**
 * {@link DeveloperService} on JPA (persistence unit {@code developer}, tables {@code dvl_*}; issue 12 item 4, DEV-1).
 * Starts once the Liquibase extender has applied {@code db/developer.changelog.xml} ({@link SchemaReady} of this
 * bundle); registered under its API interface only.
 *
 * <p>The credit code is checked by the company domain's {@link UnifiedSocialCreditCode} (GB 32100, one implementation
 * of the national rule; the texts of its rule keys are this bundle's own). Estates are read through the estate
 * domain's {@link EstateService} (DYNAMIC/OPTIONAL/GREEDY: 503 while it is away, inside the call's transaction), never
 * its tables. {@link ScopeChanges} (DYNAMIC/OPTIONAL) is told in the same transaction about every write that changes
 * what a developer's login reaches; without it nothing is called (the sessions then follow within the token cache's
 * lifetime).
 */
@Component(service = DeveloperService.class)
public class DeveloperServiceImpl implements DeveloperService {

    static final String UNIT = "developer";
    /** The audit object kind (auditKind.developer in the contributions). */
    static final String AUDIT_KIND = "developer";
    private static final String OBJECT = "objects.developer";
    /** Page size when reading the estate registry for a match. */
    private static final int ESTATE_PAGE = PageRequest.MAX_SIZE;

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.developer.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EstateService estateService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScopeChanges scopeChanges;

    private EntityManagerFactory emf;
    private Transactions tx;

    public DeveloperServiceImpl() {
    }

    /** Outside OSGi (tests, other modules' tests): the real service over a persistence unit of the developer schema. */
    public static DeveloperService standalone(EntityManagerFactory emf, AuditTrail audit, EstateService estates, ScopeChanges changes) {
        return new DeveloperServiceImpl(emf, audit, estates, changes);
    }

    DeveloperServiceImpl(EntityManagerFactory emf, AuditTrail audit, EstateService estates, ScopeChanges changes) {
        this.emf = emf;
        this.audit = audit;
        this.estateService = estates;
        this.scopeChanges = changes;
        this.tx = new Transactions(emf, UNIT);
    }

    @Activate
    void activate() {
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
    }

    @Deactivate
    void deactivate() {
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    /** Tests: the estate service comes and goes. */
    void estates(EstateService estates) {
        this.estateService = estates;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Page<Developer> list(DataScope scope, DeveloperQuery q, PageRequest page) {
        DeveloperQuery query = q == null ? DeveloperQuery.all() : q;
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            where.append(developerScope(scope, "d", params));
            if (query.name() != null && !query.name().isBlank()) {
                where.append(" AND LOWER(d.name) LIKE :name ESCAPE '\\'");
                params.put("name", "%" + Jpql.likeEscape(query.name().trim().toLowerCase(Locale.ROOT)) + "%");
            }
            if (query.creditCode() != null && !query.creditCode().isBlank()) {
                where.append(" AND d.creditCode = :code");
                params.put("code", UnifiedSocialCreditCode.normalize(query.creditCode()));
            }
            if (query.status() != null) {
                where.append(" AND d.status = :status");
                params.put("status", query.status());
            }
            Jpql.Rows<DeveloperEntity> found = Jpql.page(em, DeveloperEntity.class, "d", where.toString(), params, page);
            Map<Long, List<Long>> estates = estateIds(em, found.rows().stream().map(d -> d.id).toList());
            List<Developer> items = found.rows().stream().map(d -> toDto(d, estates.getOrDefault(d.id, List.of()))).toList();
            return new Page<>(items, page.page(), page.size(), found.total());
        });
    }

    @Override
    public Developer get(DataScope scope, long id) {
        return tx.read(em -> toDto(em, findInScope(em, scope, id)));
    }

    /** JPQL condition limiting developers (alias {@code d}) to the scope: ALL every one, DEVELOPER its own, others none. */
    static String developerScope(DataScope scope, String d, Map<String, Object> params) {
        DataScope s = scope == null ? DataScope.NONE : scope;
        switch (s.kind()) {
            case ALL:
                return "";
            case DEVELOPER:
                if (s.developerId() == null) {
                    return " AND 1 = 0";
                }
                params.put("scopeDeveloper", s.developerId());
                return " AND " + d + ".id = :scopeDeveloper";
            default:
                return " AND 1 = 0";
        }
    }

    static boolean inScope(DataScope scope, long developerId) {
        return scope != null && (scope.all()
                || (scope.kind() == DataScope.Kind.DEVELOPER && Objects.equals(scope.developerId(), developerId)));
    }

    /** The developer if it exists AND lies in the scope; 404 otherwise (never reveal which). */
    private static DeveloperEntity findInScope(EntityManager em, DataScope scope, long id) {
        if (!inScope(scope, id)) {
            throw notFound(id);
        }
        return find(em, id);
    }

    private static DeveloperEntity find(EntityManager em, long id) {
        DeveloperEntity d = em.find(DeveloperEntity.class, id);
        if (d == null) {
            throw notFound(id);
        }
        return d;
    }

    /** 404 whose object kind is a text of this bundle. */
    static ApiException notFound(Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, DeveloperMessages.TEXTS.text(OBJECT), String.valueOf(id));
    }

    // ---------------------------------------------------------------- writes

    @Override
    public Developer create(DeveloperInput input, String actor) {
        List<Long> listed = validate(input);
        return tx.write(em -> {
            EstateService estates = estates(); // 503 inside the transaction: nothing is written without the estate registry
            String code = UnifiedSocialCreditCode.normalize(input.creditCode());
            checkCreditCode(em, code, null);
            checkEstatesExist(estates, listed);
            DeveloperEntity d = new DeveloperEntity();
            apply(d, input);
            d.status = DeveloperStatus.ACTIVE;
            d.touchedBy(actor);
            em.persist(d);
            em.flush();
            Set<Long> linked = new TreeSet<>(link(em, d.id, listed == null ? List.of() : listed, DeveloperEstateEntity.LISTED, actor));
            Matched m = match(em, estates, d, actor);
            linked.addAll(m.linked());
            em.flush();
            audit(em, actor, "developer.create", d.id, AuditEvent.summary("name", d.name, "creditCode", d.creditCode,
                    "estates", List.copyOf(linked), "linkedElsewhere", m.elsewhere()));
            scopesChanged(em);
            return toDto(em, d);
        });
    }

    @Override
    public Developer update(long id, long expectedVersion, DeveloperInput input, String actor) {
        List<Long> listed = validate(input);
        return tx.write(em -> {
            DeveloperEntity d = find(em, id);
            checkVersion(d.getVersion(), expectedVersion);
            checkActive(d);
            checkCreditCode(em, UnifiedSocialCreditCode.normalize(input.creditCode()), d.id);
            List<Long> beforeEstates = estateIds(em, List.of(d.id)).getOrDefault(d.id, List.of());
            List<Object> before = List.of(d.name, d.creditCode, beforeEstates);
            boolean estatesChanged = false;
            if (listed != null) {
                checkEstatesExist(estates(), listed);
                estatesChanged = replaceLinks(em, d.id, listed, actor);
            }
            List<String> fieldsBefore = fields(d);
            apply(d, input);
            d.touchedBy(actor);
            if (estatesChanged && fields(d).equals(fieldsBefore)) {
                // the ETag covers the estates too; only when the row itself is unchanged (a changed row gets its new version at flush)
                em.lock(d, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
            em.flush();
            List<Long> afterEstates = estateIds(em, List.of(d.id)).getOrDefault(d.id, List.of());
            audit(em, actor, "developer.update", d.id,
                    AuditEvent.summary("before", before, "after", List.of(d.name, d.creditCode, afterEstates)));
            scopesChanged(em);
            return toDto(d, afterEstates);
        });
    }

    @Override
    public Developer revoke(long id, long expectedVersion, String reason, String actor) {
        Validation v = new Validation(DeveloperMessages.TEXTS);
        if (reason == null || reason.isBlank()) {
            v.error("reason", "reason.required");
        } else {
            v.maxLength("reason", reason.strip(), Developer.REASON_MAX);
        }
        v.throwIfInvalid();
        return tx.write(em -> {
            DeveloperEntity d = find(em, id);
            checkVersion(d.getVersion(), expectedVersion);
            checkActive(d);
            d.status = DeveloperStatus.REVOKED;
            d.revokedReason = reason.strip();
            d.touchedBy(actor);
            em.flush();
            audit(em, actor, "developer.revoke", d.id, AuditEvent.summary("from", DeveloperStatus.ACTIVE.name(),
                    "to", DeveloperStatus.REVOKED.name(), "reason", d.revokedReason));
            scopesChanged(em);
            return toDto(em, d);
        });
    }

    @Override
    public EstateMatch matchEstates(long id, String actor) {
        return tx.write(em -> {
            EstateService estates = estates();
            DeveloperEntity d = find(em, id);
            checkActive(d);
            Matched m = match(em, estates, d, actor);
            if (!m.linked().isEmpty()) {
                d.touchedBy(actor);
                em.lock(d, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                em.flush();
                audit(em, actor, "developer.matchEstates", d.id, AuditEvent.summary("linked", m.linked(), "linkedElsewhere", m.elsewhere()));
                scopesChanged(em);
            }
            return new EstateMatch(toDto(em, d), m.linked(), m.elsewhere());
        });
    }

    // ---------------------------------------------------------------- estates

    private EstateService estates() {
        return ApiException.requireAvailable(estateService, "estate");
    }

    record Matched(List<Long> linked, List<Long> elsewhere) {
    }

    /**
     * Links the estates whose developer text equals the developer's name and that nobody holds; reports those another
     * developer holds. Reads every estate through the estate service (it has no filter by developer text).
     */
    private static Matched match(EntityManager em, EstateService estates, DeveloperEntity d, String actor) {
        List<Long> named = estatesNamed(estates, d.name);
        Map<Long, Long> holders = holders(em, named);
        List<Long> free = new ArrayList<>();
        List<Long> elsewhere = new ArrayList<>();
        for (Long e : named) {
            Long holder = holders.get(e);
            if (holder == null) {
                free.add(e);
            } else if (!holder.equals(d.id)) {
                elsewhere.add(e);
            }
        }
        link(em, d.id, free, DeveloperEstateEntity.MATCHED, actor);
        return new Matched(List.copyOf(free), List.copyOf(elsewhere));
    }

    /** Ids of every estate (any status) whose {@code developer} text, trimmed, equals {@code name}, ascending. */
    static List<Long> estatesNamed(EstateService estates, String name) {
        List<Long> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Estate> p = estates.list(DataScope.ALL, EstateQuery.all(),
                    PageRequest.parse(Integer.toString(page), Integer.toString(ESTATE_PAGE), "id", EstateService.ESTATE_SORT));
            for (Estate e : p.items()) {
                if (e.developer() != null && e.developer().strip().equals(name)) {
                    out.add(e.id());
                }
            }
            if (p.items().size() < ESTATE_PAGE || (long) (page + 1) * ESTATE_PAGE >= p.total()) {
                return out;
            }
        }
    }

    /** Every listed estate exists in the estate registry (400 naming the entries that do not). */
    private static void checkEstatesExist(EstateService estates, List<Long> listed) {
        if (listed == null || listed.isEmpty()) {
            return;
        }
        Validation v = new Validation(DeveloperMessages.TEXTS);
        for (int i = 0; i < listed.size(); i++) {
            try {
                estates.get(DataScope.ALL, listed.get(i));
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                v.error("estateIds[" + i + "]", "estate.unknown", listed.get(i));
            }
        }
        v.throwIfInvalid();
    }

    /** Who holds each of these estates (estate id → developer id); estates nobody holds are absent. */
    private static Map<Long, Long> holders(EntityManager em, List<Long> estateIds) {
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < estateIds.size(); i += 500) {
            List<Long> chunk = estateIds.subList(i, Math.min(estateIds.size(), i + 500));
            for (DeveloperEstateEntity l : em.createQuery("SELECT l FROM DeveloperEstateEntity l WHERE l.estateId IN :ids", DeveloperEstateEntity.class)
                    .setParameter("ids", chunk).getResultList()) {
                out.put(l.estateId, l.developerId);
            }
        }
        return out;
    }

    /** Links these estates to the developer; 409 for one another developer holds. @return the estates newly linked */
    private static List<Long> link(EntityManager em, long developerId, List<Long> estateIds, String source, String actor) {
        Map<Long, Long> holders = holders(em, estateIds);
        List<Long> added = new ArrayList<>();
        for (Long e : estateIds) {
            Long holder = holders.get(e);
            if (holder != null && holder != developerId) {
                throw ApiException.conflict(DeveloperMessages.TEXTS, "estate.linkedElsewhere", e);
            }
            if (holder == null) {
                DeveloperEstateEntity l = new DeveloperEstateEntity();
                l.estateId = e;
                l.developerId = developerId;
                l.source = source;
                l.linkedAt = Instant.now();
                l.linkedBy = actor;
                em.persist(l);
                added.add(e);
            }
        }
        return added;
    }

    /** Makes the developer's estates exactly {@code listed}. @return whether anything changed */
    private static boolean replaceLinks(EntityManager em, long developerId, List<Long> listed, String actor) {
        List<DeveloperEstateEntity> current = em.createQuery("SELECT l FROM DeveloperEstateEntity l WHERE l.developerId = :d", DeveloperEstateEntity.class)
                .setParameter("d", developerId).getResultList();
        Set<Long> wanted = new LinkedHashSet<>(listed);
        boolean changed = false;
        for (DeveloperEstateEntity l : current) {
            if (!wanted.contains(l.estateId)) {
                em.remove(l);
                changed = true;
            }
        }
        em.flush();
        return !link(em, developerId, List.copyOf(wanted), DeveloperEstateEntity.LISTED, actor).isEmpty() || changed;
    }

    /** Estate ids per developer, ascending. */
    private static Map<Long, List<Long>> estateIds(EntityManager em, List<Long> developerIds) {
        Map<Long, List<Long>> out = new TreeMap<>();
        if (developerIds.isEmpty()) {
            return out;
        }
        for (Object[] row : em.createQuery("SELECT l.developerId, l.estateId FROM DeveloperEstateEntity l WHERE l.developerId IN :ids "
                + "ORDER BY l.developerId, l.estateId", Object[].class).setParameter("ids", developerIds).getResultList()) {
            out.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** All field errors at once. @return the listed estate ids (null when the input leaves them) */
    private static List<Long> validate(DeveloperInput in) {
        Validation v = new Validation(DeveloperMessages.TEXTS);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
            return null;
        }
        if (v.required("name", blankToNull(in.name()))) {
            v.maxLength("name", in.name().strip(), Developer.NAME_MAX);
        }
        if (in.creditCode() != null && in.creditCode().length() > 64) {
            v.maxLength("creditCode", in.creditCode(), 64); // a length limit before any rule or query
        } else {
            for (String key : UnifiedSocialCreditCode.violations(in.creditCode())) {
                v.error("creditCode", key);
            }
        }
        if (v.required("legalRepresentative", blankToNull(in.legalRepresentative()))) {
            v.maxLength("legalRepresentative", in.legalRepresentative().strip(), Developer.PERSON_MAX);
        }
        v.maxLength("contact", in.contact(), Developer.PERSON_MAX);
        v.maxLength("address", in.address(), Developer.ADDRESS_MAX);
        if (in.phone() != null && !in.phone().isBlank() && !in.phone().strip().matches("[+0-9 ()\\-]{5,20}")) {
            v.error("phone", "phone.format");
        }
        List<Long> listed = in.estateIds();
        if (listed != null) {
            Set<Long> seen = new java.util.HashSet<>();
            for (int i = 0; i < listed.size(); i++) {
                Long e = listed.get(i);
                if (e == null || e <= 0) {
                    v.required("estateIds[" + i + "]", null);
                } else if (!seen.add(e)) {
                    v.error("estateIds[" + i + "]", "estate.duplicate", e);
                }
            }
        }
        v.throwIfInvalid();
        return listed == null ? null : List.copyOf(listed);
    }

    private static void checkVersion(long current, long expected) {
        if (current != expected) {
            throw ApiException.stale(current);
        }
    }

    private static void checkActive(DeveloperEntity d) {
        if (d.status != DeveloperStatus.ACTIVE) {
            throw ApiException.conflict(DeveloperMessages.TEXTS, "status.revoked");
        }
    }

    private static void checkCreditCode(EntityManager em, String code, Long self) {
        List<Long> ids = em.createQuery("SELECT d.id FROM DeveloperEntity d WHERE d.creditCode = :code", Long.class)
                .setParameter("code", code).getResultList();
        if (!ids.isEmpty() && !ids.get(0).equals(self)) {
            throw ApiException.conflict(DeveloperMessages.TEXTS, "creditCode.duplicate", code);
        }
    }

    private static void apply(DeveloperEntity d, DeveloperInput in) {
        d.name = in.name().strip();
        d.creditCode = UnifiedSocialCreditCode.normalize(in.creditCode());
        d.legalRepresentative = in.legalRepresentative().strip();
        d.contact = blankToNull(in.contact());
        d.phone = blankToNull(in.phone());
        d.address = blankToNull(in.address());
    }

    private static List<String> fields(DeveloperEntity d) {
        return java.util.Arrays.asList(d.name, d.creditCode, d.legalRepresentative, d.contact, d.phone, d.address, d.getUpdatedBy());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Developer toDto(EntityManager em, DeveloperEntity d) {
        return toDto(d, estateIds(em, List.of(d.id)).getOrDefault(d.id, List.of()));
    }

    private static Developer toDto(DeveloperEntity d, List<Long> estateIds) {
        return new Developer(d.id, d.name, d.creditCode, d.legalRepresentative, d.contact, d.phone, d.address, d.status, d.revokedReason,
                estateIds, d.getVersion(), d.getCreatedAt(), d.getUpdatedAt());
    }

    /** The security bundle re-resolves sessions when this transaction commits (absent: nothing to tell). */
    private void scopesChanged(EntityManager em) {
        ScopeChanges changes = scopeChanges;
        if (changes == null) {
            return;
        }
        try {
            changes.changed(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("marking the security scopes changed failed", e);
        }
    }

    /** One audit row in the same transaction; {@code summary} is JSON written by Jackson ({@code AuditEvent.summary}). */
    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, action, AUDIT_KIND, id, summary));
    }
}
