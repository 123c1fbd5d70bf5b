package org.smartproperty.committee.internal;

import static org.smartproperty.platform.persistence.Jpql.orderBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
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
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.jpa.ReviewSubjects;
import org.smartproperty.platform.review.jpa.Reviews;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;

/**
 * SUP-OC-1 / OCS-2 (committee registry with change history), SUP-OC-2 / OCS-3 (members, rule
 * OC-1), OCS-4 (filing by the elected head within the deadline of rule OC-2, reviewed by the
 * regulator) and DIS-2 (public list, masked) on JPA. Ownership and estate visibility are asked of
 * the {@link EstateService}.
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

    private final ObjectMapper json = new ObjectMapper();
    private volatile CommitteeRules rules = CommitteeRules.DEFAULTS;
    private EntityManagerFactory emf;
    private Transactions tx;
    private Reviews<CommitteeFilingEntity> reviews;

    public CommitteeServiceImpl() {
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit. */
    CommitteeServiceImpl(EntityManagerFactory emf, AuditTrail audit, EstateService estates, FileStore files) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.estates = estates;
        this.tx = new Transactions(emf);
        this.reviews = reviews();
    }

    @Activate
    void activate(CommitteeConfig config) {
        configure(config);
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf);
        reviews = reviews();
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

    @Deactivate
    void deactivate() {
        if (emf != null) {
            emf.close();
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

    private CommitteeEntity findInScope(EntityManager em, DataScope scope, long id) {
        CommitteeEntity c = find(em, id);
        if (!inScope(scope, c.estateId)) {
            throw notFound("objects.committee", id);
        }
        return c;
    }

    private static CommitteeEntity find(EntityManager em, long id) {
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
        validateDetails(input, v);
        if (input != null) {
            boolean estateKnown = v.required("estateId", input.estateId()) && estateVisible(DataScope.ALL, input.estateId());
            if (input.estateId() != null && !estateKnown) {
                v.error("estateId", "estate.unknown", input.estateId());
            }
            validateMembers(input.members(), estateKnown ? input.estateId() : null, v);
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
            apply(c, input);
            c.status = CommitteeStatus.ACTIVE;
            c.touchedBy(actor);
            em.persist(c);
            em.flush();
            writeMembers(em, c.id, input.members());
            List<Change.FieldChange> changes = new ArrayList<>(diff(new CommitteeEntity(), c));
            changes.add(0, new Change.FieldChange("estateId", null, String.valueOf(c.estateId)));
            changes.add(new Change.FieldChange("members", null, describe(input.members())));
            history(em, c.id, "create", changes, actor);
            audit(em, actor, "committee.create", c.id, "{\"estate\":" + c.estateId + ",\"name\":" + quote(c.name)
                    + ",\"ended\":" + active.stream().map(o -> String.valueOf(o.id)).collect(Collectors.joining(",", "[", "]")) + "}");
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
        history(em, old.id, "end", changes, actor);
        audit(em, actor, "committee.end", old.id, "{\"estate\":" + old.estateId + ",\"termEnd\":\"" + old.termEnd + "\"}");
    }

    @Override
    public Committee update(DataScope scope, long id, long expectedVersion, CommitteeInput input, String actor) {
        Validation v = new Validation(CommitteeMessages.TEXTS);
        validateDetails(input, v);
        v.throwIfInvalid();
        return tx.write(em -> {
            CommitteeEntity c = findInScope(em, scope, id);
            checkVersion(c.getVersion(), expectedVersion);
            checkActive(c);
            CommitteeEntity before = copy(c);
            apply(c, input);
            List<Change.FieldChange> changes = diff(before, c);
            if (changes.isEmpty()) {
                return toDto(em, c);
            }
            c.touchedBy(actor);
            em.flush();
            history(em, c.id, "update", changes, actor);
            audit(em, actor, "committee.update", c.id, "{\"fields\":" + quote(changes.stream().map(Change.FieldChange::field)
                    .collect(Collectors.joining(","))) + ",\"version\":" + c.getVersion() + "}");
            return toDto(em, c);
        });
    }

    private static void checkActive(CommitteeEntity c) {
        if (c.status != CommitteeStatus.ACTIVE) {
            throw ApiException.conflict(CommitteeMessages.TEXTS, "committee.ended", String.valueOf(c.termEnd));
        }
    }

    private static void validateDetails(CommitteeInput in, Validation v) {
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
            return;
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name(), 200);
        }
        v.maxLength("address", in.address(), 400);
        if (in.phone() != null && !in.phone().isBlank() && !in.phone().trim().matches("[+0-9 ()\\-]{5,20}")) {
            v.error("phone", "phone.format");
        }
        v.required("electedOn", in.electedOn());
        boolean start = v.required("termStart", in.termStart());
        boolean end = v.required("termEnd", in.termEnd());
        if (start && end && !in.termEnd().isAfter(in.termStart())) {
            v.error("termEnd", "term.order");
        }
    }

    /**
     * Rule OC-1: the configured number of members (5–11, odd), each an owner of the estate (asked
     * of the estate service), no owner twice, exactly one HEAD. Adds every problem to {@code v}.
     * {@code estateId} null: only the structure is checked.
     */
    private void validateMembers(List<MemberInput> members, Long estateId, Validation v) {
        List<MemberInput> ms = members == null ? List.of() : members;
        CommitteeRules r = rules;
        if (!r.memberCountAllowed(ms.size())) {
            v.error("members", "members.count", ms.size(), r.minMembers(), r.maxMembers());
        }
        Set<Long> seen = new HashSet<>();
        int heads = 0;
        List<Integer> ownersToCheck = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            MemberInput m = ms.get(i);
            String f = "members[" + i + "]";
            if (m == null) {
                v.required(f, null);
                continue;
            }
            boolean hasOwner = v.required(f + ".ownerId", m.ownerId());
            if (v.required(f + ".name", m.name())) {
                v.maxLength(f + ".name", m.name(), 100);
            }
            if (m.phone() != null && !m.phone().isBlank() && !m.phone().trim().matches("[+0-9 ()\\-]{5,20}")) {
                v.error(f + ".phone", "phone.format");
            }
            if (v.required(f + ".position", m.position()) && m.position() == Position.HEAD) {
                heads++;
            }
            if (hasOwner) {
                if (!seen.add(m.ownerId())) {
                    v.error(f + ".ownerId", "members.duplicate", m.ownerId());
                } else {
                    ownersToCheck.add(i);
                }
            }
        }
        if (heads != 1) {
            v.error("members", "members.head");
        }
        if (estateId == null) {
            return;
        }
        for (int i : ownersToCheck) {
            MemberInput m = ms.get(i);
            if (!ownsHouseIn(m.ownerId(), estateId)) {
                v.error("members[" + i + "].ownerId", "members.notOwner", m.name() == null ? "" : m.name().trim(), m.ownerId());
            }
        }
    }

    /** An owner owns a house in the estate iff the estate service shows it at least one there (404: the estate is not its). */
    private boolean ownsHouseIn(long ownerId, long estateId) {
        try {
            return estates().houses(DataScope.owner(ownerId), estateId, null, PageRequest.of(0, 1)).total() > 0;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static void apply(CommitteeEntity c, CommitteeInput in) {
        c.name = in.name().trim();
        c.phone = blankToNull(in.phone());
        c.address = blankToNull(in.address());
        c.companyId = in.companyId();
        c.electedOn = in.electedOn();
        c.termStart = in.termStart();
        c.termEnd = in.termEnd();
    }

    private static CommitteeEntity copy(CommitteeEntity c) {
        CommitteeEntity b = new CommitteeEntity();
        b.name = c.name;
        b.phone = c.phone;
        b.address = c.address;
        b.companyId = c.companyId;
        b.electedOn = c.electedOn;
        b.termStart = c.termStart;
        b.termEnd = c.termEnd;
        return b;
    }

    private static List<Change.FieldChange> diff(CommitteeEntity a, CommitteeEntity b) {
        List<Change.FieldChange> out = new ArrayList<>();
        field(out, "name", a.name, b.name);
        field(out, "phone", a.phone, b.phone);
        field(out, "address", a.address, b.address);
        field(out, "companyId", a.companyId, b.companyId);
        field(out, "electedOn", a.electedOn, b.electedOn);
        field(out, "termStart", a.termStart, b.termStart);
        field(out, "termEnd", a.termEnd, b.termEnd);
        return out;
    }

    private static void field(List<Change.FieldChange> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(new Change.FieldChange(name, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }

    private static void checkVersion(long current, long expected) {
        if (current != expected) {
            throw ApiException.stale(current);
        }
    }

    // ---------------------------------------------------------------- members (SUP-OC-2, OCS-3)

    @Override
    public List<Member> members(DataScope scope, long id) {
        return tx.read(em -> members(em, findInScope(em, scope, id).id));
    }

    @Override
    public Committee replaceMembers(DataScope scope, long id, long expectedVersion, List<MemberInput> members, String actor) {
        writeMembers(scope, id, expectedVersion, members, actor);
        return tx.read(em -> toDto(em, find(em, id))); // the version incremented at commit
    }

    private long writeMembers(DataScope scope, long id, long expectedVersion, List<MemberInput> members, String actor) {
        long estateId = tx.read(em -> findInScope(em, scope, id).estateId);
        Validation v = new Validation(CommitteeMessages.TEXTS);
        validateMembers(members, estateId, v);
        v.throwIfInvalid();
        return tx.write(em -> {
            CommitteeEntity c = findInScope(em, scope, id);
            checkVersion(c.getVersion(), expectedVersion);
            checkActive(c);
            String before = describeMembers(members(em, c.id));
            em.createQuery("DELETE FROM MemberEntity m WHERE m.committeeId = :c").setParameter("c", c.id).executeUpdate();
            writeMembers(em, c.id, members);
            // members live in their own table: the committee's version (its ETag) moves with them
            em.flush();
            em.createQuery("UPDATE CommitteeEntity c SET c.version = c.version + 1 WHERE c.id = :id AND c.version = :v")
                    .setParameter("id", c.id).setParameter("v", expectedVersion).executeUpdate();
            em.refresh(c);
            c.touchedBy(actor);
            em.flush();
            history(em, c.id, "members", List.of(new Change.FieldChange("members", before, describe(members))), actor);
            audit(em, actor, "committee.members", c.id, "{\"count\":" + members.size() + "}");
            return c.id;
        });
    }

    private static void writeMembers(EntityManager em, long committeeId, List<MemberInput> members) {
        int i = 0;
        for (MemberInput m : members) {
            MemberEntity e = new MemberEntity();
            e.committeeId = committeeId;
            e.ownerId = m.ownerId();
            e.name = m.name().trim();
            e.phone = blankToNull(m.phone());
            e.position = m.position();
            e.sortOrder = i++;
            em.persist(e);
        }
        em.flush();
    }

    private static List<Member> members(EntityManager em, long committeeId) {
        return membersOf(em, List.of(committeeId)).getOrDefault(committeeId, List.of());
    }

    private static Map<Long, List<Member>> membersOf(EntityManager em, List<Long> committeeIds) {
        Map<Long, List<Member>> out = new HashMap<>();
        if (committeeIds.isEmpty()) {
            return out;
        }
        for (MemberEntity m : em.createQuery("SELECT m FROM MemberEntity m WHERE m.committeeId IN :ids ORDER BY m.committeeId, m.sortOrder",
                MemberEntity.class).setParameter("ids", committeeIds).getResultList()) {
            out.computeIfAbsent(m.committeeId, k -> new ArrayList<>()).add(new Member(m.ownerId, m.name, m.phone, m.position));
        }
        return out;
    }

    private static String describe(List<MemberInput> ms) {
        return ms.stream().map(m -> m.name().trim() + "(" + m.ownerId() + ") " + m.position()).collect(Collectors.joining("; "));
    }

    private static String describeMembers(List<Member> ms) {
        return ms.stream().map(m -> m.name() + "(" + m.ownerId() + ") " + m.position()).collect(Collectors.joining("; "));
    }

    // ---------------------------------------------------------------- history (OCS-2)

    private void history(EntityManager em, long committeeId, String action, List<Change.FieldChange> changes, String actor) {
        ChangeEntity h = new ChangeEntity();
        h.committeeId = committeeId;
        h.action = action;
        try {
            h.changes = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        h.changedBy = actor;
        h.changedAt = Instant.now();
        em.persist(h);
        em.flush();
    }

    @Override
    public List<Change> history(DataScope scope, long id) {
        return tx.read(em -> {
            findInScope(em, scope, id);
            return em.createQuery("SELECT h FROM ChangeEntity h WHERE h.committeeId = :c ORDER BY h.id DESC", ChangeEntity.class)
                    .setParameter("c", id).getResultList().stream()
                    .map(h -> new Change(h.id, h.committeeId, h.action, readChanges(h.changes), h.changedBy, h.changedAt)).toList();
        });
    }

    private List<Change.FieldChange> readChanges(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Change.FieldChange>>() { });
        } catch (JsonProcessingException e) {
            return List.of(); // written by us, always valid; never fail a read on it
        }
    }

    // ---------------------------------------------------------------- filing (OCS-4, SUP-OC-2, OC-2) on the review kernel

    /** The committee filing review: the committee in office files, the regulator reviews. */
    static final ReviewKind FILING = new ReviewKind(FILING_FILES, "committee", "filing", "committee:read", "committee:file",
            "committee:review", ReviewTexts.defaults(CommitteeMessages.TEXTS));

    /** What the review kernel asks of committees: the applicant is the active committee itself (COMMITTEE scope of its estate). */
    private final ReviewSubjects committeesUnderReview = new ReviewSubjects() {
        @Override
        public void checkApplicant(EntityManager em, DataScope scope, long committeeId) {
            CommitteeEntity c = findInScope(em, scope, committeeId);
            if (scope.kind() != DataScope.Kind.COMMITTEE) {
                throw ApiException.conflict(CommitteeMessages.TEXTS, "filing.notHead");
            }
            checkActive(c);
        }

        @Override
        public void checkExists(EntityManager em, long committeeId) {
            find(em, committeeId);
        }

        /** OC-2: the first filing is due within the configured days of the election; a resubmission after a return continues it. */
        @Override
        public void checkSubmission(EntityManager em, long committeeId, ReviewAction action) {
            if (action != ReviewAction.SUBMIT) {
                return;
            }
            CommitteeEntity c = find(em, committeeId);
            int days = rules.filingDeadlineDays();
            LocalDate deadline = c.electedOn.plusDays(days);
            if (LocalDate.now(ZONE).isAfter(deadline)) {
                throw ApiException.conflict(CommitteeMessages.TEXTS, "committee.filingLate", deadline.toString(), days, c.electedOn.toString());
            }
        }

        /** The regulator's staff and the committee itself; not companies or owners (member lists carry personal data, ID-2). */
        @Override
        public boolean mayRead(EntityManager em, DataScope scope, long committeeId) {
            if (scope == null || !(scope.all() || scope.kind() == DataScope.Kind.COMMITTEE)) {
                return false;
            }
            CommitteeEntity c = em.find(CommitteeEntity.class, committeeId);
            return c != null && (scope.all() || scope.estateIds().contains(c.estateId));
        }
    };

    private Reviews<CommitteeFilingEntity> reviews() {
        return new Reviews<>(FILING, CommitteeFilingEntity.class, "committeeId", "ocm_filing_event", committeesUnderReview, files, audit);
    }

    @Override
    public Filing submitFiling(DataScope scope, long committeeId, FilingInput input, String actor) {
        Validation v = new Validation(CommitteeMessages.TEXTS);
        if (input == null) {
            v.required("$", null);
        } else {
            v.maxLength("note", input.note(), 4000);
            reviews.validateMaterials(v, input.materials());
        }
        v.throwIfInvalid();
        return tx.write(em -> {
            CommitteeFilingEntity f = new CommitteeFilingEntity();
            f.committeeId = committeeId;
            f.note = blankToNull(input.note());
            return toDto(em, reviews.submit(em, scope, committeeId, f, input.materials(), actor));
        });
    }

    @Override
    public Filing approve(long committeeId, long filingId, long expectedVersion, String reason, String actor) {
        return decide(committeeId, filingId, expectedVersion, ReviewAction.APPROVE, reason, actor);
    }

    @Override
    public Filing returnFiling(long committeeId, long filingId, long expectedVersion, String reason, String actor) {
        return decide(committeeId, filingId, expectedVersion, ReviewAction.RETURN, reason, actor);
    }

    private Filing decide(long committeeId, long filingId, long expectedVersion, ReviewAction action, String reason, String actor) {
        reviews.validateDecision(action, reason);
        return tx.write(em -> toDto(em, reviews.decide(em, committeeId, filingId, expectedVersion, action, reason, actor)));
    }

    @Override
    public List<Filing> filings(DataScope scope, long committeeId) {
        return tx.read(em -> {
            findInScope(em, scope, committeeId);
            return reviews.rounds(em, committeeId).stream().map(f -> toDto(em, f)).toList();
        });
    }

    @Override
    public List<ReviewEvent> filingHistory(DataScope scope, long committeeId) {
        return tx.read(em -> {
            findInScope(em, scope, committeeId);
            return reviews.history(em, committeeId);
        });
    }

    private Filing toDto(EntityManager em, CommitteeFilingEntity f) {
        return new Filing(f.id, f.committeeId, FilingStatus.valueOf(f.status().name()), reviews.materials(em, f), f.note, f.submittedBy(),
                f.submittedAt(), f.decidedBy(), f.decidedAt(), f.reason(), f.getVersion());
    }

    /**
     * Whether the caller may read the materials of a filing: the regulator's staff and the committee
     * itself; not companies or owners (member lists and election records carry personal data, ID-2).
     */
    boolean mayReadFiling(DataScope scope, long filingId) {
        return tx.read(em -> reviews.mayReadRound(em, scope, filingId));
    }

    /** The file-store rule of filing materials: {@code committee:read} and {@link #mayReadFiling}. */
    public boolean mayReadFilingMaterials(org.smartproperty.platform.security.SpmPrincipal caller, String ownerRef) {
        return reviews.mayReadMaterials(caller, ownerRef, id -> mayReadFiling(caller.scope(), id));
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

    private Committee toDto(EntityManager em, CommitteeEntity c) {
        return toDtos(em, List.of(c)).get(0);
    }

    private List<Committee> toDtos(EntityManager em, List<CommitteeEntity> rows) {
        List<Long> ids = rows.stream().map(c -> c.id).toList();
        Map<Long, List<Member>> members = membersOf(em, ids);
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

    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, "committee", id, summary));
        }
    }


    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            return "\"?\"";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The estate domain's EstateService, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private EstateService estates() {
        EstateService s = estates;
        if (s == null) {
            throw ApiException.unavailable("estate");
        }
        return s;
    }
}
