package org.smartproperty.committee.internal;

import static org.smartproperty.platform.persistence.Jpql.orderBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.smartproperty.committee.Change;
import org.smartproperty.committee.Committee;
import org.smartproperty.committee.CommitteeInput;
import org.smartproperty.committee.CommitteeMessages;
import org.smartproperty.committee.CommitteeQuery;
import org.smartproperty.committee.CommitteeService;
import org.smartproperty.committee.CommitteeStatus;
import org.smartproperty.committee.Filing;
import org.smartproperty.committee.FilingInput;
import org.smartproperty.committee.FilingStatus;
import org.smartproperty.committee.Member;
import org.smartproperty.committee.MemberInput;
import org.smartproperty.committee.Position;
import org.smartproperty.committee.PublicCommittee;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
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
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;

/**
 * SUP-OC-1 / OCS-2 (committee registry with change history), SUP-OC-2 / OCS-3 (members, rule
 * OC-1), OCS-4 (filing by the elected head within the deadline of rule OC-2, reviewed by the
 * regulator) and DIS-2 (public list, masked) on JPA. Ownership and estate visibility are asked of
 * the {@link EstateService}. The one component and service registration; besides the registry,
 * reminders and disclosure its duties are done by package-private parts it creates (issue 10
 * item 5): {@link CommitteeMembers}, {@link CommitteeHistory}, {@link CommitteeFilings}, with the
 * committee's own fields in {@link CommitteeDetails}.
 */
@Component(service = {CommitteeService.class, CommitteeInternals.class}, configurationPid = "org.smartproperty.committee",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CommitteeConfig.class)
public class CommitteeServiceImpl implements CommitteeService, CommitteeInternals {

    static final String UNIT = "committee";
    /** Owner kind of committee filing materials in the file store. */
    static final String FILING_FILES = "committee-filing";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(CommitteeServiceImpl.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.committee.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference
    private FileStore files;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EstateService estates;

    /** Issue 12: member and term changes move the security revision; absent = sessions follow within the token cache's period. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.smartproperty.platform.security.ScopeChanges scopeChanges;

    private final ObjectMapper json = new ObjectMapper();
    private volatile CommitteeRules rules = CommitteeRules.DEFAULTS;
    private EntityManagerFactory emf;
    private Transactions tx;

    private final CommitteeMembers committeeMembers = new CommitteeMembers(this);
    final CommitteeHistory changeLog = new CommitteeHistory(this);
    private final CommitteeFilings filings = new CommitteeFilings(this);

    public CommitteeServiceImpl() {
    }

    /** Outside OSGi (tests of other modules, e.g. the demo data): as the package-private constructor. */
    public static org.smartproperty.committee.CommitteeService standalone(EntityManagerFactory emf, AuditTrail audit, EstateService estates,
                                                                          FileStore files) {
        return new CommitteeServiceImpl(emf, audit, estates, files);
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit. */
    CommitteeServiceImpl(EntityManagerFactory emf, AuditTrail audit, EstateService estates, FileStore files) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.estates = estates;
        this.tx = new Transactions(emf, "committee");
        filings.open();
    }

    @Activate
    void activate(CommitteeConfig config) {
        configure(config);
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, "committee");
        filings.open();
    }

    @Modified
    void modified(CommitteeConfig config) {
        configure(config);
    }

    void configure(CommitteeConfig config) {
        configure(config.members_min(), config.members_max(), config.filing_deadlineDays(), config.reminder_leadDays());
    }

    /** Applies a configuration; one breaking OC-1/OC-2 is refused and logged, the rules in force stay. @return whether applied */
    boolean configure(int min, int max, int deadlineDays, int leadDays) {
        try {
            rules = CommitteeRules.of(min, max, deadlineDays, leadDays);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.error("{}; the rules in force stay: {}", e.getMessage(), rules);
            return false;
        }
    }

    CommitteeRules rules() {
        return rules;
    }

    Transactions tx() {
        return tx;
    }

    ObjectMapper json() {
        return json;
    }

    FileStore files() {
        return files;
    }

    AuditTrail auditTrail() {
        return audit;
    }

    @Deactivate
    void deactivate() {
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    // ---------------------------------------------------------------- scope

    /** Whether the scope may see committees of the estate: ALL, its own estate, a managed estate, an estate where it owns a house. */
    private boolean inScope(DataScope scope, long estateId) {
        if (scope == null) {
            return false;
        }
        switch (scope.kind()) {
            case ALL:
                return true;
            case COMMITTEE:
                return scope.estateIds().contains(estateId);
            case COMPANY:
            case OWNER:
                return estateVisible(scope, estateId);
            default:
                return false;
        }
    }

    private boolean estateVisible(DataScope scope, long estateId) {
        try {
            estates().get(scope, estateId);
            return true;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The estates a COMPANY or OWNER scope sees, paged through the estate service. */
    private List<Long> visibleEstates(DataScope scope) {
        List<Long> ids = new ArrayList<>();
        for (int p = 0; ; p++) {
            Page<Estate> page = estates().list(scope, EstateQuery.all(), PageRequest.of(p, PageRequest.MAX_SIZE));
            page.items().forEach(e -> ids.add(e.id()));
            if (page.items().size() < PageRequest.MAX_SIZE || ids.size() >= page.total()) {
                return ids;
            }
        }
    }

    CommitteeEntity findInScope(EntityManager em, DataScope scope, long id) {
        CommitteeEntity c = find(em, id);
        if (!inScope(scope, c.estateId)) {
            throw notFound("objects.committee", id);
        }
        return c;
    }

    static CommitteeEntity find(EntityManager em, long id) {
        CommitteeEntity c = em.find(CommitteeEntity.class, id);
        if (c == null) {
            throw notFound("objects.committee", id);
        }
        return c;
    }

    /** 404 whose object kind is a text of the committee bundle. */
    static ApiException notFound(String objectKindKey, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null,
                CommitteeMessages.TEXTS.text(objectKindKey), String.valueOf(id));
    }

    // ---------------------------------------------------------------- registry (SUP-OC-1, OCS-2)

    @Override
    public Page<Committee> list(DataScope scope, CommitteeQuery q, PageRequest page) {
        CommitteeQuery query = q == null ? CommitteeQuery.all() : q;
        DataScope s = scope == null ? DataScope.NONE : scope;
        List<Long> visible = switch (s.kind()) {
            case ALL -> null;
            case COMMITTEE -> List.copyOf(s.estateIds());
            case COMPANY, OWNER -> visibleEstates(s);
            default -> List.of();
        };
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (visible != null) {
                if (visible.isEmpty()) {
                    where.append(" AND 1 = 0");
                } else {
                    where.append(" AND c.estateId IN :visible");
                    params.put("visible", visible);
                }
            }
            if (query.estateId() != null) {
                where.append(" AND c.estateId = :estate");
                params.put("estate", query.estateId());
            }
            if (query.status() != null) {
                where.append(" AND c.status = :status");
                params.put("status", query.status());
            }
            Jpql.Rows<CommitteeEntity> found = Jpql.page(em, CommitteeEntity.class, "c", where.toString(), params, page);
            long total = found.total();
            List<CommitteeEntity> rows = found.rows();
            return new Page<>(toDtos(em, rows), page.page(), page.size(), total);
        });
    }

    @Override
    public Committee get(DataScope scope, long id) {
        return tx.read(em -> toDto(em, findInScope(em, scope, id)));
    }

    @Override
    public Committee create(CommitteeInput input, String actor) {
        Validation v = new Validation(CommitteeMessages.TEXTS);
        CommitteeDetails.validateDetails(input, v);
        if (input != null) {
            boolean estateKnown = v.required("estateId", input.estateId()) && estateVisible(DataScope.ALL, input.estateId());
            if (input.estateId() != null && !estateKnown) {
                v.error("estateId", "estate.unknown", input.estateId());
            }
            committeeMembers.validateMembers(input.members(), estateKnown ? input.estateId() : null, v);
        }
        v.throwIfInvalid();
        return tx.write(em -> {
            List<CommitteeEntity> active = em.createQuery("SELECT c FROM CommitteeEntity c WHERE c.estateId = :e AND c.status = :s",
                    CommitteeEntity.class).setParameter("e", input.estateId()).setParameter("s", CommitteeStatus.ACTIVE).getResultList();
            for (CommitteeEntity old : active) {
                endTerm(em, old, input.termStart(), actor);
            }
            CommitteeEntity c = new CommitteeEntity();
            c.estateId = input.estateId();
            CommitteeDetails.apply(c, input);
            c.status = CommitteeStatus.ACTIVE;
            c.touchedBy(actor);
            em.persist(c);
            em.flush();
            CommitteeMembers.writeMembers(em, c.id, input.members());
            List<Change.FieldChange> changes = new ArrayList<>(CommitteeDetails.diff(new CommitteeEntity(), c));
            changes.add(0, new Change.FieldChange("estateId", null, String.valueOf(c.estateId)));
            changes.add(new Change.FieldChange("members", null, CommitteeMembers.describe(input.members())));
            changeLog.history(em, c.id, "create", changes, actor);
            audit(em, actor, "committee.create", c.id, AuditEvent.summary("estate", c.estateId, "name", c.name,
                    "ended", active.stream().map(o -> o.id).toList()));
            return toDto(em, c);
        });
    }

    /** A new committee of the estate ends the active one: ENDED, its term closed the day before the new term (not before it started). */
    private void endTerm(EntityManager em, CommitteeEntity old, LocalDate newTermStart, String actor) {
        LocalDate before = old.termEnd;
        LocalDate end = newTermStart.minusDays(1);
        if (end.isBefore(old.termStart)) {
            end = old.termStart;
        }
        if (end.isBefore(old.termEnd)) {
            old.termEnd = end;
        }
        old.status = CommitteeStatus.ENDED;
        old.touchedBy(actor);
        em.flush();
        List<Change.FieldChange> changes = new ArrayList<>();
        changes.add(new Change.FieldChange("status", CommitteeStatus.ACTIVE.name(), CommitteeStatus.ENDED.name()));
        if (!Objects.equals(before, old.termEnd)) {
            changes.add(new Change.FieldChange("termEnd", String.valueOf(before), String.valueOf(old.termEnd)));
        }
        changeLog.history(em, old.id, "end", changes, actor);
        audit(em, actor, "committee.end", old.id, AuditEvent.summary("estate", old.estateId, "termEnd", String.valueOf(old.termEnd)));
    }

    @Override
    public Committee update(DataScope scope, long id, long expectedVersion, CommitteeInput input, String actor) {
        Validation v = new Validation(CommitteeMessages.TEXTS);
        CommitteeDetails.validateDetails(input, v);
        v.throwIfInvalid();
        return tx.write(em -> {
            CommitteeEntity c = findInScope(em, scope, id);
            CommitteeDetails.checkVersion(c.getVersion(), expectedVersion);
            checkActive(c);
            CommitteeEntity before = CommitteeDetails.copy(c);
            CommitteeDetails.apply(c, input);
            List<Change.FieldChange> changes = CommitteeDetails.diff(before, c);
            if (changes.isEmpty()) {
                return toDto(em, c);
            }
            c.touchedBy(actor);
            em.flush();
            changeLog.history(em, c.id, "update", changes, actor);
            audit(em, actor, "committee.update", c.id, AuditEvent.summary("fields", changes.stream().map(Change.FieldChange::field)
                    .collect(Collectors.joining(",")), "version", c.getVersion()));
            return toDto(em, c);
        });
    }

    static void checkActive(CommitteeEntity c) {
        if (c.status != CommitteeStatus.ACTIVE) {
            throw ApiException.conflict(CommitteeMessages.TEXTS, "committee.ended", String.valueOf(c.termEnd));
        }
    }


    /** An owner owns a house in the estate iff the estate service shows it at least one there (404: the estate is not its). */
    boolean ownsHouseIn(long ownerId, long estateId) {
        try {
            return estates().houses(DataScope.owner(ownerId), estateId, null, PageRequest.of(0, 1)).total() > 0;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- members (CommitteeMembers, SUP-OC-2, OCS-3)

    @Override
    public List<Member> members(DataScope scope, long id) {
        return committeeMembers.members(scope, id);
    }

    @Override
    public Committee replaceMembers(DataScope scope, long id, long expectedVersion, List<MemberInput> members, String actor) {
        return committeeMembers.replaceMembers(scope, id, expectedVersion, members, actor);
    }

    // ---------------------------------------------------------------- history (CommitteeHistory, OCS-2)

    @Override
    public List<Change> history(DataScope scope, long id) {
        return changeLog.history(scope, id);
    }

    // ---------------------------------------------------------------- filing (CommitteeFilings, OCS-4, SUP-OC-2, OC-2) on the review kernel

    @Override
    public Filing submitFiling(DataScope scope, long committeeId, FilingInput input, String actor) {
        return filings.submitFiling(scope, committeeId, input, actor);
    }

    @Override
    public Filing approve(long committeeId, long filingId, long expectedVersion, String reason, String actor) {
        return filings.approve(committeeId, filingId, expectedVersion, reason, actor);
    }

    @Override
    public Filing returnFiling(long committeeId, long filingId, long expectedVersion, String reason, String actor) {
        return filings.returnFiling(committeeId, filingId, expectedVersion, reason, actor);
    }

    @Override
    public List<Filing> filings(DataScope scope, long committeeId) {
        return filings.filings(scope, committeeId);
    }

    @Override
    public List<ReviewEvent> filingHistory(DataScope scope, long committeeId) {
        return filings.filingHistory(scope, committeeId);
    }

    /** The file-store rule of filing materials: {@code committee:read} and the filing in the caller's scope. */
    public boolean mayReadFilingMaterials(org.smartproperty.platform.security.SpmPrincipal caller, String ownerRef) {
        return filings.mayReadFilingMaterials(caller, ownerRef);
    }

    // ---------------------------------------------------------------- reminders (OC-2)

    @Override
    public List<Committee> dueForTermReminder(LocalDate today) {
        LocalDate until = today.plusDays(rules.reminderLeadDays());
        return tx.read(em -> toDtos(em, em.createQuery("SELECT c FROM CommitteeEntity c WHERE c.status = :s AND c.termEnd >= :today"
                        + " AND c.termEnd <= :until ORDER BY c.termEnd, c.id", CommitteeEntity.class)
                .setParameter("s", CommitteeStatus.ACTIVE).setParameter("today", today).setParameter("until", until).getResultList()));
    }

    /** What a term-end reminder needs: the committee, its estate, its term end and the phones of the committee and its head (unmasked). */
    record ReminderTarget(long committeeId, long estateId, String name, LocalDate termEnd, List<String> phones) {
    }

    /** Active committees whose term ends within the lead time, with their phones for the reminder SMS (OC-2). */
    public List<ReminderTarget> termReminderTargets(LocalDate today) {
        LocalDate until = today.plusDays(rules.reminderLeadDays());
        return tx.read(em -> {
            List<ReminderTarget> out = new ArrayList<>();
            for (CommitteeEntity c : em.createQuery("SELECT c FROM CommitteeEntity c WHERE c.status = :s AND c.termEnd >= :today"
                    + " AND c.termEnd <= :until ORDER BY c.termEnd, c.id", CommitteeEntity.class)
                    .setParameter("s", CommitteeStatus.ACTIVE).setParameter("today", today).setParameter("until", until).getResultList()) {
                java.util.LinkedHashSet<String> phones = new java.util.LinkedHashSet<>();
                if (c.phone != null) {
                    phones.add(c.phone);
                }
                for (MemberEntity m : em.createQuery("SELECT m FROM MemberEntity m WHERE m.committeeId = :c AND m.position = :p", MemberEntity.class)
                        .setParameter("c", c.id).setParameter("p", org.smartproperty.committee.Position.HEAD).getResultList()) {
                    if (m.phone != null) {
                        phones.add(m.phone);
                    }
                }
                out.add(new ReminderTarget(c.id, c.estateId, c.name, c.termEnd, List.copyOf(phones)));
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- disclosure (DIS-2, ID-2)

    @Override
    public Page<PublicCommittee> publicList(Long estateId, PageRequest page) {
        return tx.read(em -> {
            String where = " WHERE c.status = :active" + (estateId == null ? "" : " AND c.estateId = :estate");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CommitteeEntity c" + where, Long.class)
                    .setParameter("active", CommitteeStatus.ACTIVE);
            TypedQuery<CommitteeEntity> select = em.createQuery("SELECT c FROM CommitteeEntity c" + where + orderBy("c", page), CommitteeEntity.class)
                    .setParameter("active", CommitteeStatus.ACTIVE);
            if (estateId != null) {
                count.setParameter("estate", estateId);
                select.setParameter("estate", estateId);
            }
            long total = count.getSingleResult();
            List<Committee> rows = toDtos(em, select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList());
            List<PublicCommittee> items = rows.stream().map(c -> new PublicCommittee(c.id(), c.estateId(), c.name(),
                    PersonalData.maskName(c.headName()), PersonalData.maskPhone(c.phone()), c.address(), c.companyId(),
                    c.termStart(), c.termEnd(), c.filingStatus(),
                    c.members().stream().map(m -> new PublicCommittee.PublicMember(PersonalData.maskName(m.name()), m.position())).toList()))
                    .toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    // ---------------------------------------------------------------- helpers

    Committee toDto(EntityManager em, CommitteeEntity c) {
        return toDtos(em, List.of(c)).get(0);
    }

    private List<Committee> toDtos(EntityManager em, List<CommitteeEntity> rows) {
        List<Long> ids = rows.stream().map(c -> c.id).toList();
        Map<Long, List<Member>> members = CommitteeMembers.membersOf(em, ids);
        Map<Long, FilingStatus> filing = new HashMap<>();
        if (!ids.isEmpty()) {
            for (CommitteeFilingEntity f : em.createQuery("SELECT f FROM CommitteeFilingEntity f WHERE f.committeeId IN :ids ORDER BY f.id",
                    CommitteeFilingEntity.class).setParameter("ids", ids).getResultList()) {
                filing.put(f.committeeId, FilingStatus.valueOf(f.status().name())); // the latest round wins
            }
        }
        return rows.stream().map(c -> {
            List<Member> ms = members.getOrDefault(c.id, List.of());
            Member head = ms.stream().filter(m -> m.position() == Position.HEAD).findFirst().orElse(null);
            return new Committee(c.id, c.estateId, c.name, head == null ? null : head.ownerId(), head == null ? null : head.name(),
                    c.phone, c.address, c.companyId, c.electedOn, c.termStart, c.termEnd, c.status, filing.get(c.id), ms,
                    c.getVersion(), c.getCreatedAt(), c.getUpdatedAt());
        }).toList();
    }

    /** The changes that decide who acts as a committee (issue 12 item 3): the security revision moves with them. */
    private static final Set<String> SCOPE_ACTIONS = Set.of("committee.create", "committee.end", "committee.members");

    void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, "committee", id, summary));
        }
        org.smartproperty.platform.security.ScopeChanges changes = scopeChanges;
        if (changes != null && SCOPE_ACTIONS.contains(action)) {
            try {
                changes.changed(em.unwrap(java.sql.Connection.class)); // members' sessions gain or lose the committee now
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The estate domain's EstateService, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private EstateService estates() {
        return ApiException.requireAvailable(estates, "estate");
    }
}
