package org.smartproperty.vote.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.VotingRegister;
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
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.vote.Channel;
import org.smartproperty.vote.Choice;
import org.smartproperty.vote.Comparison;
import org.smartproperty.vote.ElectorKind;
import org.smartproperty.vote.Fraction;
import org.smartproperty.vote.MatterCategory;
import org.smartproperty.vote.RuleInput;
import org.smartproperty.vote.Tally;
import org.smartproperty.vote.UnsoldRule;
import org.smartproperty.vote.Views;
import org.smartproperty.vote.Vote;
import org.smartproperty.vote.VoteInput;
import org.smartproperty.vote.VoteMessages;
import org.smartproperty.vote.VoteQuery;
import org.smartproperty.vote.VoteResult;
import org.smartproperty.vote.VoteRule;
import org.smartproperty.vote.VoteService;
import org.smartproperty.vote.VoteStatus;

/**
 * {@link VoteService} on JPA (persistence unit {@code vote}) and plain JDBC on the same connection for the electorate
 * (docs/voting.md). The estate domain gives names, scopes and the register ({@link EstateService#votingRegister}); the
 * notification domain the notices (VOTE-8). Job {@code vote.clock} opens noticed votes at their start (freezing the
 * electorate) and closes open ones at their deadline (storing the tally). Registered under its API interface only.
 */
@Component(service = VoteService.class, configurationPid = "org.smartproperty.vote", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = VoteConfig.class)
public class VoteServiceImpl implements VoteService {

    static final String UNIT = "vote";
    /** The audit object kind (auditKind.vote in the contributions). */
    static final String AUDIT_KIND = "vote";
    /** File owner kind of paper ballot scans. */
    static final String SCAN_KIND = "vote-ballot";
    static final int NOTICE_DAYS_MIN = 15;
    static final MessageKind VOTE_NOTICE = MessageKind.of("VOTE_NOTICE");
    static final MessageKind VOTE_RESULT = MessageKind.of("VOTE_RESULT");
    static final MessageKind VOTE_SUSPENDED = MessageKind.of("VOTE_SUSPENDED");
    static final MessageKind VOTE_OPEN = MessageKind.of("VOTE_OPEN");
    private static final Messages T = VoteMessages.TEXTS;
    private static final Logger LOG = LoggerFactory.getLogger(VoteServiceImpl.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final Set<String> MANAGERS = Set.of("COMMITTEE", "COMPANY");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;
    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.vote.impl)")
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
    volatile Notifications notifications;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile SmsOutbox sms;

    volatile int noticeDays = NOTICE_DAYS_MIN;
    volatile UnsoldRule unsoldRule = UnsoldRule.EACH_HOUSE_ONE_HEAD;
    private volatile int clockSeconds = 60;
    /** The clock of the service (tests move it). */
    volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private EntityManagerFactory emf;
    private Transactions tx;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    public VoteServiceImpl() {
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit; the other domains are set on the fields. */
    VoteServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, AccountDirectory directory) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.directory = directory;
        this.tx = new Transactions(emf, UNIT);
    }

    @Activate
    void activate(BundleContext context, VoteConfig config) {
        configure(config.notice_days(), config.developer_unsold(), config.clock_seconds());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
        FileAccessPolicy policy = (caller, ownerRef) -> mayReadScan(caller, ownerRef);
        registrations.add(context.registerService(FileAccessPolicy.class, policy,
                new java.util.Hashtable<>(Map.of(FileAccessPolicy.OWNER_KIND, SCAN_KIND))));
        registrations.add(context.registerService(Job.class, Job.of("vote.clock",
                () -> JobSchedule.every(Duration.ofSeconds(clockSeconds), Duration.ofSeconds(20)), c -> tick() + " votes moved"), null));
    }

    @Modified
    void modified(VoteConfig config) {
        configure(config.notice_days(), config.developer_unsold(), config.clock_seconds());
    }

    /** Applies a configuration; a value out of range is refused and logged, the one in force stays. @return whether all applied */
    boolean configure(int days, String unsold, int seconds) {
        boolean ok = true;
        if (days < NOTICE_DAYS_MIN || days > 365) {
            LOG.error("notice.days {} is outside {}..365 (VOTE-8); {} stays", days, NOTICE_DAYS_MIN, noticeDays);
            ok = false;
        } else {
            noticeDays = days;
        }
        try {
            unsoldRule = UnsoldRule.valueOf(unsold == null ? "" : unsold.trim());
        } catch (IllegalArgumentException e) {
            LOG.error("developer.unsold {} is not one of {}; {} stays", unsold, Arrays.toString(UnsoldRule.values()), unsoldRule);
            ok = false;
        }
        if (seconds < 5 || seconds > 3600) {
            LOG.error("clock.seconds {} is outside 5..3600; {} stays", seconds, clockSeconds);
            ok = false;
        } else {
            clockSeconds = seconds;
        }
        return ok;
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(r -> {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // already gone with the bundle
            }
        });
        registrations.clear();
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    // ================================================================== guards of the other domains (503 while absent)

    EstateService estates() {
        return ApiException.requireAvailable(estates, "estate");
    }

    Notifications notifications() {
        return ApiException.requireAvailable(notifications, "notification");
    }

    SmsOutbox sms() {
        return ApiException.requireAvailable(sms, "notification");
    }

    long now() {
        return clock.millis();
    }

    // ================================================================== scope

    /** The estates the caller sees votes of; null = every estate (regulator). */
    Set<Long> estatesOf(SpmPrincipal caller) {
        DataScope s = caller.scope();
        DataScope.Kind kind = s == null ? DataScope.Kind.NONE : s.kind();
        switch (kind) {
            case ALL:
                return null;
            case COMMITTEE:
                return s.estateIds();
            case COMPANY:
            case OWNER: {
                Set<Long> out = new HashSet<>();
                EstateService es = estates();
                for (int p = 0; p < 1000; p++) {
                    Page<Estate> page = es.list(s, EstateQuery.all(), PageRequest.of(p, PageRequest.MAX_SIZE));
                    page.items().forEach(e -> out.add(e.id()));
                    if ((long) (p + 1) * PageRequest.MAX_SIZE >= page.total()) {
                        break;
                    }
                }
                return out;
            }
            default:
                return Set.of();
        }
    }

    static boolean owner(SpmPrincipal caller) {
        return caller.scope() != null && caller.scope().kind() == DataScope.Kind.OWNER;
    }

    static ApiException notFound(Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text("objects.vote"), String.valueOf(id));
    }

    static ApiException forbidden() {
        return new ApiException(403, "vote.forbidden", T, null);
    }

    /** The vote if the caller may see it (an owner never sees DRAFT or CANCELLED), else 404. */
    VoteEntity visible(EntityManager em, SpmPrincipal caller, Set<Long> estates, long id) {
        VoteEntity v = em.find(VoteEntity.class, id);
        if (v == null || (estates != null && !estates.contains(v.estateId))
                || (owner(caller) && (v.status().equals(VoteStatus.DRAFT) || v.status().equals(VoteStatus.CANCELLED)))) {
            throw notFound(id);
        }
        return v;
    }

    /** The initiator side of the vote: a committee or company in scope of the same kind as the initiator (409 otherwise). */
    VoteEntity managed(EntityManager em, SpmPrincipal caller, Set<Long> estates, long id, long expectedVersion) {
        VoteEntity v = visible(em, caller, estates, id);
        String kind = caller.scope() == null ? "" : caller.scope().kind().name();
        if (!kind.equals(v.initiatorKind)) {
            throw ApiException.conflict(T, "vote.notInitiator");
        }
        checkVersion(v, expectedVersion);
        return v;
    }

    static void checkVersion(AuditedEntity e, long expected) {
        if (e.getVersion() != expected) {
            throw ApiException.stale(e.getVersion());
        }
    }

    static void requireStatus(VoteEntity v, VoteStatus... allowed) {
        if (!Arrays.asList(allowed).contains(v.status())) {
            throw ApiException.conflict(T, "vote.status", v.status, Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    // ================================================================== votes

    @Override
    public Page<Vote> list(SpmPrincipal caller, VoteQuery q, PageRequest page) {
        Set<Long> estates = estatesOf(caller);
        VoteQuery query = q == null ? new VoteQuery(null, null, null) : q;
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (estates != null) {
                if (estates.isEmpty()) {
                    return new Page<Vote>(List.of(), page.page(), page.size(), 0);
                }
                where.append(" AND e.estateId IN :estates");
                params.put("estates", estates);
            }
            if (owner(caller)) {
                where.append(" AND e.status NOT IN ('DRAFT', 'CANCELLED')");
            }
            if (query.status() != null) {
                where.append(" AND e.status = :status");
                params.put("status", query.status().name());
            }
            if (query.estateId() != null) {
                where.append(" AND e.estateId = :estate");
                params.put("estate", query.estateId());
            }
            if (query.q() != null && !query.q().isBlank()) {
                where.append(" AND e.title LIKE :q ESCAPE '\\'");
                params.put("q", "%" + Jpql.likeEscape(query.q().strip()) + "%");
            }
            Jpql.Rows<VoteEntity> rows = Jpql.page(em, VoteEntity.class, "e", where.toString(), params, page);
            Map<Long, Long> turnout = turnout(em, rows.rows().stream().map(v -> v.id).toList());
            Map<Long, List<MatterEntity>> matters = matters(em, rows.rows().stream().map(v -> v.id).toList());
            List<Vote> items = rows.rows().stream().map(v -> toDto(em, v, matters.getOrDefault(v.id, List.of()), turnout.getOrDefault(v.id, 0L))).toList();
            return new Page<>(items, page.page(), page.size(), rows.total());
        });
    }

    @Override
    public Vote get(SpmPrincipal caller, long id) {
        Set<Long> estates = estatesOf(caller);
        return tx.read(em -> toDto(em, visible(em, caller, estates, id)));
    }

    @Override
    public Vote create(SpmPrincipal caller, VoteInput input) {
        String kind = caller.scope() == null ? "" : caller.scope().kind().name();
        if (!MANAGERS.contains(kind)) {
            throw ApiException.conflict(T, "vote.notInitiator");
        }
        List<MatterCategory> categories = validate(input);
        Estate estate;
        try {
            estate = estates().get(caller.scope(), input.estateId());
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw ApiException.invalid(T, "estateId", "vote.estateOutOfScope");
            }
            throw e;
        }
        String actor = caller.getName();
        return tx.write(em -> {
            VoteEntity v = new VoteEntity();
            v.estateId = estate.id();
            v.estateName = estate.name();
            v.companyId = estate.companyId();
            v.initiatorKind = kind;
            v.initiatorName = "COMPANY".equals(kind) && estate.companyName() != null ? estate.companyName() : estate.name();
            v.status = VoteStatus.DRAFT.name();
            apply(v, input);
            v.touchedBy(actor);
            em.persist(v);
            em.flush();
            writeMatters(em, v.id, input, categories);
            event(em, v, "create", null, actor, null);
            audit(em, actor, "vote.create", v.id, AuditEvent.summary("title", v.title, "estateId", v.estateId, "matters", categories.size()));
            return toDto(em, v);
        });
    }

    @Override
    public Vote update(SpmPrincipal caller, long id, long expectedVersion, VoteInput input) {
        Set<Long> estates = estatesOf(caller);
        List<MatterCategory> categories = validate(input);
        String actor = caller.getName();
        return tx.write(em -> {
            VoteEntity v = managed(em, caller, estates, id, expectedVersion);
            requireStatus(v, VoteStatus.DRAFT);
            if (input.estateId() != null && input.estateId() != v.estateId) {
                throw ApiException.invalid(T, "estateId", "vote.estateOutOfScope");
            }
            apply(v, input);
            v.touchedBy(actor);
            em.createQuery("DELETE FROM MatterEntity m WHERE m.voteId = :v").setParameter("v", v.id).executeUpdate();
            writeMatters(em, v.id, input, categories);
            audit(em, actor, "vote.update", v.id, AuditEvent.summary("title", v.title, "matters", categories.size()));
            em.flush();
            return toDto(em, v);
        });
    }

    private List<MatterCategory> validate(VoteInput in) {
        Validation v = new Validation(T);
        if (in == null) {
            v.required("title", null);
            v.throwIfInvalid();
        }
        String title = strip(in.title());
        v.required("estateId", in.estateId());
        if (v.required("title", title)) {
            v.maxLength("title", title, Vote.TITLE_MAX);
        }
        v.maxLength("description", strip(in.description()), Vote.TEXT_MAX);
        boolean times = v.required("startsAt", in.startsAt()) & v.required("endsAt", in.endsAt());
        if (times && !in.endsAt().isAfter(in.startsAt())) {
            v.error("endsAt", "vote.endsBeforeStart");
        }
        List<MatterCategory> cats = new ArrayList<>();
        List<VoteInput.MatterInput> matters = in.matters() == null ? List.of() : in.matters();
        if (matters.isEmpty()) {
            v.error("matters", "vote.mattersRequired");
        } else if (matters.size() > Vote.MATTERS_MAX) {
            v.error("matters", "vote.mattersMax", Vote.MATTERS_MAX);
        } else {
            for (int i = 0; i < matters.size(); i++) {
                VoteInput.MatterInput m = matters.get(i);
                String f = "matters[" + i + "].";
                if (m == null) {
                    v.required(f + "title", null);
                    continue;
                }
                String t = strip(m.title());
                if (v.required(f + "title", t)) {
                    v.maxLength(f + "title", t, Vote.TITLE_MAX);
                }
                v.maxLength(f + "description", strip(m.description()), Vote.TEXT_MAX);
                if (v.required(f + "category", strip(m.category()))) {
                    try {
                        cats.add(MatterCategory.valueOf(m.category().strip()));
                    } catch (IllegalArgumentException e) {
                        v.error(f + "category", "vote.categoryUnknown", m.category().length() > 40 ? m.category().substring(0, 40) : m.category());
                    }
                }
            }
        }
        v.throwIfInvalid();
        return cats;
    }

    private static void apply(VoteEntity v, VoteInput in) {
        v.title = strip(in.title());
        v.description = strip(in.description());
        v.startsAt = in.startsAt().toEpochMilli();
        v.endsAt = in.endsAt().toEpochMilli();
        v.ballotChangeAllowed = Boolean.TRUE.equals(in.ballotChangeAllowed());
    }

    private static void writeMatters(EntityManager em, long voteId, VoteInput in, List<MatterCategory> cats) {
        for (int i = 0; i < in.matters().size(); i++) {
            VoteInput.MatterInput m = in.matters().get(i);
            MatterEntity e = new MatterEntity();
            e.voteId = voteId;
            e.seq = i + 1;
            e.title = strip(m.title());
            e.description = strip(m.description());
            e.category = cats.get(i).name();
            em.persist(e);
        }
    }

    @Override
    public Vote notice(SpmPrincipal caller, long id, long expectedVersion) {
        Set<Long> estates = estatesOf(caller);
        String actor = caller.getName();
        long now = now();
        int days = noticeDays;
        // whom to tell: the verified owners of the estate (read in the estate domain's own transaction)
        VoteEntity peek = tx.read(em -> visible(em, caller, estates, id));
        Set<Long> owners = new java.util.TreeSet<>();
        for (VotingRegister.Title t : estates().votingRegister(peek.estateId).titles()) {
            if (t.ownerId() != null) {
                owners.add(t.ownerId());
            }
        }
        Notifications inbox = notifications();
        SmsOutbox outbox = sms();
        return tx.write(em -> {
            VoteEntity v = managed(em, caller, estates, id, expectedVersion);
            requireStatus(v, VoteStatus.DRAFT);
            if (v.startsAt < now + Duration.ofDays(days).toMillis()) {
                throw ApiException.invalid(T, "startsAt", "vote.noticeTooShort", days);
            }
            for (MatterEntity m : matters(em, v.id)) {
                RuleEntity r = em.find(RuleEntity.class, m.category);
                m.quorumNum = r.quorumNum;
                m.quorumDen = r.quorumDen;
                m.quorumCmp = r.quorumCmp;
                m.passNum = r.passNum;
                m.passDen = r.passDen;
                m.passCmp = r.passCmp;
            }
            String from = v.status;
            v.status = VoteStatus.NOTICED.name();
            v.noticedAt = now;
            v.touchedBy(actor);
            Connection c = em.unwrap(Connection.class);
            Map<String, String> params = Map.of("title", v.title, "estate", v.estateName, "startsAt", DAY.format(Instant.ofEpochMilli(v.startsAt)),
                    "endsAt", DAY.format(Instant.ofEpochMilli(v.endsAt)));
            int told = tellOwners(c, inbox, outbox, owners, VOTE_NOTICE, params, "/me/votes/" + v.id, true);
            event(em, v, "notice", from, actor, null);
            audit(em, actor, "vote.notice", v.id, AuditEvent.summary("startsAt", Instant.ofEpochMilli(v.startsAt).toString(), "noticeDays", days,
                    "accountsNotified", told));
            em.flush();
            return toDto(em, v);
        });
    }

    /** In-app notice (and SMS when {@code sms}) to each ACTIVE account of each owner; phones from AccountDirectory only. */
    int tellOwners(Connection c, Notifications inbox, SmsOutbox outbox, Set<Long> owners, MessageKind kind, Map<String, String> params,
                   String link, boolean withSms) {
        int n = 0;
        for (long ownerId : owners) {
            for (AccountDirectory.Contact a : directory.accountsOf(DataScope.owner(ownerId))) {
                inbox.notify(c, a.accountId(), kind, params, link);
                n++;
                if (withSms && a.phone() != null && !a.phone().isBlank()) {
                    try {
                        outbox.enqueue(c, new SmsRequest(a.phone(), kind, params, "vote:" + link));
                    } catch (ApiException e) {
                        LOG.warn("No {} SMS to account {}: {}", kind.name(), a.username(), e.getMessage());
                    }
                }
            }
        }
        return n;
    }

    @Override
    public Vote cancel(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        String r = requireReason(reason);
        Set<Long> estates = estatesOf(caller);
        String actor = caller.getName();
        return tx.write(em -> {
            VoteEntity v = managed(em, caller, estates, id, expectedVersion);
            requireStatus(v, VoteStatus.DRAFT, VoteStatus.NOTICED);
            return move(em, v, VoteStatus.CANCELLED, "cancel", actor, r);
        });
    }

    @Override
    public Vote publish(SpmPrincipal caller, long id, long expectedVersion) {
        Set<Long> estates = estatesOf(caller);
        String actor = caller.getName();
        Notifications inbox = notifications();
        return tx.write(em -> {
            VoteEntity v = managed(em, caller, estates, id, expectedVersion);
            requireStatus(v, VoteStatus.CLOSED);
            v.publishedAt = now();
            Set<Long> owners = new java.util.TreeSet<>(em.createNativeQuery("SELECT owner_id FROM vot_elector WHERE vote_id = ?1 AND owner_id IS NOT NULL")
                    .setParameter(1, v.id).getResultList().stream().map(o -> ((Number) o).longValue()).toList());
            tellOwners(em.unwrap(Connection.class), inbox, null, owners, VOTE_RESULT, Map.of("title", v.title, "estate", v.estateName),
                    "/votes/" + v.id, false);
            return move(em, v, VoteStatus.PUBLISHED, "publish", actor, null);
        });
    }

    @Override
    public Vote suspend(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        String r = requireReason(reason);
        Set<Long> estates = estatesOf(caller);
        String actor = caller.getName();
        Notifications inbox = notifications();
        SmsOutbox outbox = sms();
        return tx.write(em -> {
            VoteEntity v = visible(em, caller, estates, id);
            checkVersion(v, expectedVersion);
            requireStatus(v, VoteStatus.NOTICED, VoteStatus.OPEN, VoteStatus.CLOSED);
            v.suspendedFrom = v.status;
            Set<Long> owners = new java.util.TreeSet<>(em.createNativeQuery("SELECT owner_id FROM vot_elector WHERE vote_id = ?1 AND owner_id IS NOT NULL")
                    .setParameter(1, v.id).getResultList().stream().map(o -> ((Number) o).longValue()).toList());
            tellOwners(em.unwrap(Connection.class), inbox, outbox, owners, VOTE_SUSPENDED, Map.of("title", v.title, "reason", r),
                    "/votes/" + v.id, false);
            return move(em, v, VoteStatus.SUSPENDED, "suspend", actor, r);
        });
    }

    @Override
    public Vote resume(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        String r = requireReason(reason);
        Set<Long> estates = estatesOf(caller);
        String actor = caller.getName();
        return tx.write(em -> {
            VoteEntity v = visible(em, caller, estates, id);
            checkVersion(v, expectedVersion);
            requireStatus(v, VoteStatus.SUSPENDED);
            VoteStatus back = VoteStatus.valueOf(v.suspendedFrom);
            v.suspendedFrom = null;
            return move(em, v, back, "resume", actor, r);
        });
    }

    private Vote move(EntityManager em, VoteEntity v, VoteStatus to, String action, String actor, String reason) {
        String from = v.status;
        v.status = to.name();
        if (reason != null) {
            v.reason = reason;
        }
        v.touchedBy(actor);
        event(em, v, action, from, actor, reason);
        audit(em, actor, "vote." + action, v.id, AuditEvent.summary("from", from, "to", to.name(), "reason", reason));
        em.flush();
        return toDto(em, v);
    }

    private static String requireReason(String reason) {
        String r = strip(reason);
        Validation v = new Validation(T);
        if (r == null) {
            v.error("reason", "vote.reasonRequired");
        } else {
            v.maxLength("reason", r, Vote.REASON_MAX);
        }
        v.throwIfInvalid();
        return r;
    }

    @Override
    public List<Views.Event> events(SpmPrincipal caller, long id) {
        if (owner(caller)) {
            throw forbidden();
        }
        Set<Long> estates = estatesOf(caller);
        return tx.read(em -> {
            visible(em, caller, estates, id);
            return em.createQuery("SELECT e FROM EventEntity e WHERE e.voteId = :v ORDER BY e.eventAt, e.id", EventEntity.class)
                    .setParameter("v", id).getResultList().stream()
                    .map(e -> new Views.Event(e.action, e.fromStatus == null ? null : VoteStatus.valueOf(e.fromStatus), VoteStatus.valueOf(e.toStatus),
                            e.actor, Instant.ofEpochMilli(e.eventAt), e.reason)).toList();
        });
    }

    // ================================================================== the clock (job vote.clock)

    /** Opens noticed votes whose start has come and closes open ones whose deadline has passed; each vote in its own transaction. */
    int tick() {
        long now = now();
        List<Long> toOpen = tx.read(em -> em.createQuery("SELECT v.id FROM VoteEntity v WHERE v.status = 'NOTICED' AND v.startsAt <= :now ORDER BY v.id",
                Long.class).setParameter("now", now).getResultList());
        List<Long> toClose = tx.read(em -> em.createQuery("SELECT v.id FROM VoteEntity v WHERE v.status = 'OPEN' AND v.endsAt <= :now ORDER BY v.id",
                Long.class).setParameter("now", now).getResultList());
        int n = 0;
        for (long id : toOpen) {
            try {
                open(id, now);
                n++;
            } catch (RuntimeException e) {
                LOG.warn("Vote {} not opened: {}", id, e.toString());
            }
        }
        for (long id : toClose) {
            try {
                close(id, now);
                n++;
            } catch (RuntimeException e) {
                LOG.warn("Vote {} not closed: {}", id, e.toString());
            }
        }
        return n;
    }

    /** NOTICED → OPEN: freezes the electorate from the register (VOTE-1, VOTE-5) and the estate's deemed setting (VOTE-7). */
    void open(long id, long now) {
        long estateId = tx.read(em -> em.find(VoteEntity.class, id).estateId);
        VotingRegister register = estates().votingRegister(estateId);
        UnsoldRule rule = unsoldRule;
        List<Tally.Holding> holdings = register.titles().stream()
                .map(t -> new Tally.Holding(t.houseId(), t.unitCode(), t.ownerId(), Tally.hundredths(t.exclusiveArea()), t.unsold())).toList();
        List<Tally.Elector> electorate = Tally.electorate(holdings, rule);
        Notifications inbox = notifications;
        tx.write(em -> {
            VoteEntity v = em.find(VoteEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (!VoteStatus.NOTICED.name().equals(v.status) || v.startsAt > now) {
                return null;
            }
            Connection c = em.unwrap(Connection.class);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO vot_elector (vote_id, elector_key, kind, owner_id, units, area, heads) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int batch = 0;
                for (Tally.Elector e : electorate) {
                    ps.setLong(1, id);
                    ps.setString(2, e.key());
                    ps.setString(3, e.kind().name());
                    if (e.ownerId() == null) {
                        ps.setNull(4, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(4, e.ownerId());
                    }
                    String units = String.join(",", e.units());
                    ps.setString(5, units.length() > 4000 ? units.substring(0, 3997) + "..." : units);
                    ps.setLong(6, e.area());
                    ps.setInt(7, e.heads());
                    ps.addBatch();
                    if (++batch % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            SettingEntity s = em.find(SettingEntity.class, v.estateId);
            v.deemedAllowed = s != null && s.deemedAllowed;
            v.unsoldRule = rule.name();
            v.electorHeads = electorate.stream().mapToInt(Tally.Elector::heads).sum();
            v.electorArea = electorate.stream().mapToLong(Tally.Elector::area).sum();
            v.unverifiedHouses = register.unverifiedHouses();
            v.openedAt = now;
            if (inbox != null) {
                Set<Long> owners = new java.util.TreeSet<>();
                electorate.stream().filter(e -> e.ownerId() != null).forEach(e -> owners.add(e.ownerId()));
                tellOwners(c, inbox, null, owners, VOTE_OPEN, Map.of("title", v.title, "endsAt", DAY.format(Instant.ofEpochMilli(v.endsAt))),
                        "/me/votes/" + v.id, false);
            }
            move(em, v, VoteStatus.OPEN, "open", AuditedEntity.SYSTEM, null);
            return null;
        });
    }

    /** OPEN → CLOSED: the tally from the ballots, stored with its hash (VOTE-2..4, VOTE-6, VOTE-7). */
    void close(long id, long now) {
        tx.write(em -> {
            VoteEntity v = em.find(VoteEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (!VoteStatus.OPEN.name().equals(v.status) || v.endsAt > now) {
                return null;
            }
            v.closedAt = now;
            Tally.Result t = compute(em, v);
            v.resultJson = json(t);
            v.resultHash = t.hash();
            move(em, v, VoteStatus.CLOSED, "close", AuditedEntity.SYSTEM, null);
            audit(em, AuditedEntity.SYSTEM, "vote.tally", v.id, AuditEvent.summary("hash", v.resultHash, "electorHeads", t.electorHeads()));
            return null;
        });
    }

    /** The tally of the vote from its frozen electorate, frozen rules and counted ballots (the pure function). */
    Tally.Result compute(EntityManager em, VoteEntity v) {
        return Tally.compute(electors(em, v.id), tallyMatters(em, v.id), countedBallots(em, v.id), Boolean.TRUE.equals(v.deemedAllowed));
    }

    static List<Tally.Elector> electors(EntityManager em, long voteId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT elector_key, kind, owner_id, units, area, heads FROM vot_elector WHERE vote_id = ?1 ORDER BY elector_key")
                .setParameter(1, voteId).getResultList();
        List<Tally.Elector> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Tally.Elector((String) r[0], ElectorKind.valueOf((String) r[1]), r[2] == null ? null : ((Number) r[2]).longValue(),
                    units((String) r[3]), ((Number) r[4]).longValue(), ((Number) r[5]).intValue()));
        }
        return out;
    }

    static List<String> units(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(","));
    }

    List<Tally.Matter> tallyMatters(EntityManager em, long voteId) {
        return matters(em, voteId).stream().map(m -> {
            Vote.Rule r = rule(em, m);
            return new Tally.Matter(m.id, r.quorum(), r.pass());
        }).toList();
    }

    static List<Tally.Ballot> countedBallots(EntityManager em, long voteId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT elector_key, matter_id, choice FROM vot_ballot WHERE vote_id = ?1 AND current_key IS NOT NULL")
                .setParameter(1, voteId).getResultList();
        List<Tally.Ballot> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Tally.Ballot((String) r[0], ((Number) r[1]).longValue(), Choice.valueOf((String) r[2])));
        }
        return out;
    }

    // ================================================================== electorate and ballots

    @Override
    public Views.ElectorPage electorate(SpmPrincipal caller, long id, String q, Boolean voted, PageRequest page) {
        if (owner(caller)) {
            throw forbidden();
        }
        Set<Long> estates = estatesOf(caller);
        return tx.read(em -> {
            VoteEntity v = visible(em, caller, estates, id);
            if (v.electorHeads == null) {
                throw ApiException.conflict(T, "vote.status", v.status, "OPEN, CLOSED, PUBLISHED");
            }
            StringBuilder where = new StringBuilder(" FROM vot_elector e WHERE e.vote_id = ?1");
            List<Object> params = new ArrayList<>(List.of(id));
            if (q != null && !q.isBlank()) {
                params.add("%" + Jpql.likeEscape(q.strip()) + "%");
                where.append(" AND e.units LIKE ?").append(params.size()).append(" ESCAPE '\\'");
            }
            String votedSql = "EXISTS (SELECT 1 FROM vot_ballot b WHERE b.vote_id = e.vote_id AND b.elector_key = e.elector_key AND b.current_key IS NOT NULL)";
            if (voted != null) {
                where.append(voted ? " AND " : " AND NOT ").append(votedSql);
            }
            javax.persistence.Query count = em.createNativeQuery("SELECT COUNT(*)" + where);
            javax.persistence.Query rows = em.createNativeQuery("SELECT e.elector_key, e.kind, e.units, e.area, e.heads, CASE WHEN " + votedSql
                    + " THEN 1 ELSE 0 END" + where + " ORDER BY e.kind, e.elector_key");
            for (int i = 0; i < params.size(); i++) {
                count.setParameter(i + 1, params.get(i));
                rows.setParameter(i + 1, params.get(i));
            }
            long total = ((Number) count.getSingleResult()).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> found = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
            List<Views.Elector> items = found.stream().map(r -> new Views.Elector((String) r[0], ElectorKind.valueOf((String) r[1]), units((String) r[2]),
                    Tally.area(((Number) r[3]).longValue()), ((Number) r[4]).intValue(), ((Number) r[5]).intValue() == 1)).toList();
            return new Views.ElectorPage(items, page.page(), page.size(), total, v.electorHeads, Tally.area(v.electorArea),
                    v.unverifiedHouses == null ? 0 : v.unverifiedHouses);
        });
    }

    @Override
    public Views.MyBallot myBallot(SpmPrincipal caller, long id) {
        Set<Long> estates = estatesOf(caller);
        return tx.read(em -> {
            VoteEntity v = visible(em, caller, estates, id);
            Tally.Elector e = electorOf(em, caller, id);
            if (e == null) {
                return new Views.MyBallot(null, false, false, List.of());
            }
            List<BallotEntity> mine = em.createQuery("SELECT b FROM BallotEntity b WHERE b.voteId = :v AND b.electorKey = :k AND b.currentKey IS NOT NULL",
                    BallotEntity.class).setParameter("v", id).setParameter("k", e.key()).getResultList();
            boolean open = VoteStatus.OPEN.name().equals(v.status) && now() < v.endsAt;
            List<Views.MyBallotLine> lines = mine.stream().map(b -> new Views.MyBallotLine(b.matterId, Choice.valueOf(b.choice),
                    Channel.valueOf(b.channel), Instant.ofEpochMilli(b.castAt), b.receipt)).toList();
            return new Views.MyBallot(elector(e, !mine.isEmpty()), open, open && v.ballotChangeAllowed, lines);
        });
    }

    /** The caller's elector in the vote (an owner: by its owner id), or null. */
    static Tally.Elector electorOf(EntityManager em, SpmPrincipal caller, long voteId) {
        if (!owner(caller) || caller.scope().ownerId() == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT elector_key, kind, owner_id, units, area, heads FROM vot_elector WHERE vote_id = ?1 AND owner_id = ?2")
                .setParameter(1, voteId).setParameter(2, caller.scope().ownerId()).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Tally.Elector((String) r[0], ElectorKind.valueOf((String) r[1]), ((Number) r[2]).longValue(), units((String) r[3]),
                ((Number) r[4]).longValue(), ((Number) r[5]).intValue());
    }

    static Views.Elector elector(Tally.Elector e, boolean voted) {
        return new Views.Elector(e.key(), e.kind(), e.units(), Tally.area(e.area()), e.heads(), voted);
    }

    @Override
    public Views.CastResult cast(SpmPrincipal caller, long id, Views.BallotInput input) {
        Map<Long, Choice> choices = choices(input == null ? null : input.choices(), new Validation(T));
        String actor = caller.getName();
        try {
            return tx.write(em -> {
                VoteEntity v = lockedForBallot(em, caller, id);
                Tally.Elector e = electorOf(em, caller, id);
                if (e == null) {
                    throw ApiException.conflict(T, "vote.notElector");
                }
                return record(em, v, e.key(), choices, Channel.ONLINE, actor, null);
            });
        } catch (ApiException e) {
            if (e.status() == 409) {
                // refused: a vote the caller may not even see (another estate's) is 404, like any read of it
                Set<Long> estates = estatesOf(caller);
                tx.read(em -> visible(em, caller, estates, id));
            }
            throw e;
        }
    }

    @Override
    public Views.CastResult castPaper(SpmPrincipal caller, long id, Views.PaperBallotInput input) {
        Validation val = new Validation(T);
        Map<Long, Choice> choices = choices(input == null ? null : input.choices(), val);
        String key = input == null ? null : strip(input.electorKey());
        if (key == null || key.length() > 24) {
            throw ApiException.invalid(T, "electorKey", "vote.notElector");
        }
        if (input.scan() == null || input.scan().isEmpty()) {
            throw ApiException.invalid(T, "scan", "vote.scanRequired");
        }
        DataScope s = caller.scope();
        if (s == null || s.kind() != DataScope.Kind.COMMITTEE) {
            throw ApiException.conflict(T, "vote.notCommittee");
        }
        String actor = caller.getName();
        return tx.write(em -> {
            VoteEntity v = lockedForBallot(em, caller, id);
            if (!s.estateIds().contains(v.estateId)) {
                throw notFound(id);
            }
            Number known = (Number) em.createNativeQuery("SELECT COUNT(*) FROM vot_elector WHERE vote_id = ?1 AND elector_key = ?2")
                    .setParameter(1, id).setParameter(2, key).getSingleResult();
            if (known.intValue() == 0) {
                throw ApiException.invalid(T, "electorKey", "vote.notElector");
            }
            String scanRef = id + ":" + key + ":" + now();
            files.attach(em.unwrap(Connection.class), input.scan(), actor, SCAN_KIND, scanRef, "scan[]");
            return record(em, v, key, choices, Channel.PAPER, actor, scanRef);
        });
    }

    /** The choices of a cast: known matters are checked with the vote; 400 for a malformed list. */
    private static Map<Long, Choice> choices(List<Views.ChoiceInput> in, Validation v) {
        Map<Long, Choice> out = new LinkedHashMap<>();
        if (in == null || in.isEmpty()) {
            v.error("choices", "vote.choicesRequired");
        } else if (in.size() > Vote.MATTERS_MAX) {
            v.error("choices", "vote.mattersMax", Vote.MATTERS_MAX);
        } else {
            for (int i = 0; i < in.size(); i++) {
                Views.ChoiceInput c = in.get(i);
                String f = "choices[" + i + "].";
                if (c == null || c.matterId() == null) {
                    v.error(f + "matterId", "vote.matterUnknown");
                    continue;
                }
                Choice choice = null;
                try {
                    choice = c.choice() == null ? null : Choice.valueOf(c.choice().strip());
                } catch (IllegalArgumentException e) {
                    // reported below
                }
                if (choice == null) {
                    v.error(f + "choice", "vote.choiceUnknown");
                } else if (out.put(c.matterId(), choice) != null) {
                    v.error(f + "matterId", "vote.matterTwice");
                }
            }
        }
        v.throwIfInvalid();
        return out;
    }

    /**
     * The vote row with a shared lock (PostgreSQL {@code FOR SHARE}: casts run side by side, the clock's close waits for
     * them and they wait for it; H2 {@code FOR UPDATE}); 409 unless OPEN before its deadline.
     */
    private VoteEntity lockedForBallot(EntityManager em, SpmPrincipal caller, long id) {
        Connection c = em.unwrap(Connection.class);
        String status;
        long endsAt;
        long estateId;
        try (PreparedStatement ps = c.prepareStatement("SELECT status, ends_at, estate_id FROM vot_vote WHERE id = ? "
                + (org.smartproperty.platform.Jdbc.postgres(c) ? "FOR SHARE" : "FOR UPDATE"))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(id);
                }
                status = rs.getString(1);
                endsAt = rs.getLong(2);
                estateId = rs.getLong(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (VoteStatus.DRAFT.name().equals(status) || VoteStatus.CANCELLED.name().equals(status)) {
            throw notFound(id);
        }
        if (!VoteStatus.OPEN.name().equals(status) || now() >= endsAt) {
            throw ApiException.conflict(T, "vote.notOpen");
        }
        VoteEntity v = em.find(VoteEntity.class, id);
        if (v.estateId != estateId) {
            throw new IllegalStateException("vote moved");
        }
        return v;
    }

    /** Writes the ballots of one elector (one per matter; a change supersedes the counted one when the vote allows it). */
    private Views.CastResult record(EntityManager em, VoteEntity v, String electorKey, Map<Long, Choice> choices, Channel channel, String actor,
                                    String scanRef) {
        Set<Long> matterIds = new HashSet<>(em.createQuery("SELECT m.id FROM MatterEntity m WHERE m.voteId = :v", Long.class)
                .setParameter("v", v.id).getResultList());
        Validation val = new Validation(T);
        int i = 0;
        for (Long m : choices.keySet()) {
            if (!matterIds.contains(m)) {
                val.error("choices[" + i + "].matterId", "vote.matterUnknown");
            }
            i++;
        }
        val.throwIfInvalid();
        // the elector's row lock orders two requests of one elector (the second sees the first's ballots); others run side by side
        em.createNativeQuery("SELECT elector_key FROM vot_elector WHERE vote_id = ?1 AND elector_key = ?2 FOR UPDATE").setParameter(1, v.id)
                .setParameter(2, electorKey).getResultList();
        long now = now();
        List<Views.Receipt> receipts = new ArrayList<>();
        for (Map.Entry<Long, Choice> c : choices.entrySet()) {
            String current = BallotEntity.currentKey(v.id, c.getKey(), electorKey);
            List<BallotEntity> existing = em.createQuery("SELECT b FROM BallotEntity b WHERE b.currentKey = :k", BallotEntity.class)
                    .setParameter("k", current).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            boolean changed = !existing.isEmpty();
            if (changed) {
                if (!v.ballotChangeAllowed) {
                    throw ApiException.conflict(T, "vote.ballotFinal");
                }
                BallotEntity old = existing.get(0);
                old.currentKey = null;
                old.supersededAt = now;
                em.flush(); // the unique key is free before the new row takes it
            }
            BallotEntity b = new BallotEntity();
            b.voteId = v.id;
            b.matterId = c.getKey();
            b.electorKey = electorKey;
            b.choice = c.getValue().name();
            b.channel = channel.name();
            b.castAt = now;
            b.castBy = actor;
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            b.nonce = HexFormat.of().formatHex(nonce);
            b.receipt = receipt(v.id, b.matterId, electorKey, c.getValue(), now, b.nonce);
            b.currentKey = current;
            b.scanRef = scanRef;
            em.persist(b);
            receipts.add(new Views.Receipt(b.matterId, c.getValue(), channel, Instant.ofEpochMilli(now), b.receipt, changed));
        }
        em.flush();
        audit(em, actor, channel == Channel.PAPER ? "vote.paperBallot" : "vote.ballot", v.id,
                AuditEvent.summary("matters", choices.size(), "changed", receipts.stream().anyMatch(Views.Receipt::changed), "scanRef", scanRef));
        return new Views.CastResult(receipts);
    }

    /** SHA-256 hex of {@code vote|matter|elector|choice|castAt|nonce} (docs/voting-contract.md). */
    static String receipt(long voteId, long matterId, String electorKey, Choice choice, long castAt, String nonce) {
        return Tally.sha256(voteId + "|" + matterId + "|" + electorKey + "|" + choice.name() + "|" + castAt + "|" + nonce);
    }

    @Override
    public Page<Views.BallotRow> ballots(SpmPrincipal caller, long id, Long matterId, Channel channel, PageRequest page) {
        if (owner(caller)) {
            throw forbidden();
        }
        Set<Long> estates = estatesOf(caller);
        return tx.read(em -> {
            visible(em, caller, estates, id);
            StringBuilder where = new StringBuilder(" WHERE b.voteId = :v AND b.currentKey IS NOT NULL");
            Map<String, Object> params = new HashMap<>(Map.of("v", id));
            if (matterId != null) {
                where.append(" AND b.matterId = :m");
                params.put("m", matterId);
            }
            if (channel != null) {
                where.append(" AND b.channel = :c");
                params.put("c", channel.name());
            }
            Jpql.Rows<BallotEntity> rows = Jpql.page(em, BallotEntity.class, "b", where.toString(), params,
                    new PageRequest(page.page(), page.size(), List.of()));
            Map<String, List<String>> units = new HashMap<>();
            for (Tally.Elector e : electors(em, id)) {
                units.put(e.key(), e.units());
            }
            List<Views.BallotRow> items = rows.rows().stream().map(b -> new Views.BallotRow(b.electorKey, units.getOrDefault(b.electorKey, List.of()),
                    b.matterId, Choice.valueOf(b.choice), Channel.valueOf(b.channel), Instant.ofEpochMilli(b.castAt), b.receipt,
                    b.scanRef == null ? List.<Attachment>of() : files.attached(null, SCAN_KIND, b.scanRef))).toList();
            return new Page<>(items, page.page(), page.size(), rows.total());
        });
    }

    /** Scans of paper ballots: whoever may see the vote's ballots (not owners). */
    boolean mayReadScan(SpmPrincipal caller, String ownerRef) {
        if (owner(caller) || ownerRef == null || !ownerRef.contains(":")) {
            return false;
        }
        try {
            long voteId = Long.parseLong(ownerRef.substring(0, ownerRef.indexOf(':')));
            Set<Long> estates = estatesOf(caller);
            return tx.read(em -> {
                VoteEntity v = em.find(VoteEntity.class, voteId);
                return v != null && (estates == null || estates.contains(v.estateId));
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ================================================================== results

    @Override
    public VoteResult result(SpmPrincipal caller, long id) {
        Set<Long> estates = estatesOf(caller);
        return tx.read(em -> {
            VoteEntity v = visible(em, caller, estates, id);
            if (v.resultJson == null || (owner(caller) && !VoteStatus.PUBLISHED.name().equals(v.status))) {
                throw ApiException.conflict(T, "vote.noResult");
            }
            return resultOf(em, v);
        });
    }

    /** The stored snapshot as the API shows it (the tally's numbers, the matters' titles and rules). */
    VoteResult resultOf(EntityManager em, VoteEntity v) {
        return VoteResult.of(v.id, VoteEntity.time(v.closedAt), parse(v.resultJson), toDto(em, v).matters());
    }

    @Override
    public Views.Verification verify(SpmPrincipal caller, long id) {
        if (owner(caller)) {
            throw forbidden();
        }
        Set<Long> estates = estatesOf(caller);
        return tx.read(em -> {
            VoteEntity v = visible(em, caller, estates, id);
            if (v.resultJson == null) {
                throw ApiException.conflict(T, "vote.noResult");
            }
            List<Tally.Ballot> ballots = countedBallots(em, id);
            Tally.Result t = Tally.compute(electors(em, id), tallyMatters(em, id), ballots, Boolean.TRUE.equals(v.deemedAllowed));
            // the stored snapshot must be what its hash says, and the recomputation from the ballots must give the same hash
            boolean intact = parse(v.resultJson).hash().equals(v.resultHash);
            return new Views.Verification(intact && t.hash().equals(v.resultHash), v.resultHash, t.hash(), ballots.size());
        });
    }

    // ================================================================== rules and settings

    @Override
    public List<VoteRule> rules() {
        return tx.read(em -> em.createQuery("SELECT r FROM RuleEntity r ORDER BY r.article", RuleEntity.class).getResultList().stream()
                .map(VoteServiceImpl::toRule).toList());
    }

    @Override
    public VoteRule updateRule(SpmPrincipal caller, MatterCategory category, long expectedVersion, RuleInput input) {
        Validation val = new Validation(T);
        Fraction q = input == null ? null : input.quorum();
        Fraction p = input == null ? null : input.pass();
        if (val.required("quorum", q) && !q.wellFormed()) {
            val.error("quorum", "vote.rule.fraction");
        } else if (q != null && !q.atLeastAsStrictAs(MatterCategory.QUORUM)) {
            val.error("quorum", "vote.rule.belowLaw", MatterCategory.QUORUM.toString());
        }
        if (val.required("pass", p) && !p.wellFormed()) {
            val.error("pass", "vote.rule.fraction");
        } else if (p != null && !p.atLeastAsStrictAs(category.statutoryPass())) {
            val.error("pass", "vote.rule.belowLaw", category.statutoryPass().toString());
        }
        val.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            RuleEntity r = em.find(RuleEntity.class, category.name());
            checkVersion(r, expectedVersion);
            VoteRule before = toRule(r);
            r.quorumNum = q.numerator();
            r.quorumDen = q.denominator();
            r.quorumCmp = q.comparison().name();
            r.passNum = p.numerator();
            r.passDen = p.denominator();
            r.passCmp = p.comparison().name();
            r.touchedBy(actor);
            em.flush();
            audit(em, actor, "vote.rule", category.name(), AuditEvent.summary("quorum", before.quorum().toString() + " -> " + q,
                    "pass", before.pass().toString() + " -> " + p));
            return toRule(r);
        });
    }

    static VoteRule toRule(RuleEntity r) {
        return new VoteRule(MatterCategory.valueOf(r.category), r.article, new Fraction(r.quorumNum, r.quorumDen, Comparison.valueOf(r.quorumCmp)),
                new Fraction(r.passNum, r.passDen, Comparison.valueOf(r.passCmp)), r.getVersion());
    }

    @Override
    public Views.Setting setting(SpmPrincipal caller, long estateId) {
        Set<Long> estates = estatesOf(caller);
        if (estates != null && !estates.contains(estateId)) {
            throw new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text("objects.setting"), String.valueOf(estateId));
        }
        return tx.read(em -> {
            SettingEntity s = em.find(SettingEntity.class, estateId);
            return s == null ? new Views.Setting(estateId, false, null, 0) : new Views.Setting(estateId, s.deemedAllowed, s.basis, s.getVersion());
        });
    }

    @Override
    public Views.Setting updateSetting(SpmPrincipal caller, long estateId, long expectedVersion, Views.SettingInput input) {
        Set<Long> estates = estatesOf(caller);
        if (estates != null && !estates.contains(estateId)) {
            throw new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text("objects.setting"), String.valueOf(estateId));
        }
        Validation val = new Validation(T);
        String basis = input == null ? null : strip(input.basis());
        boolean allowed = input != null && Boolean.TRUE.equals(input.deemedAllowed());
        val.required("deemedAllowed", input == null ? null : input.deemedAllowed());
        val.maxLength("basis", basis, Vote.REASON_MAX);
        if (allowed && basis == null) {
            val.error("basis", "vote.basisRequired");
        }
        val.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            SettingEntity s = em.find(SettingEntity.class, estateId);
            if (s == null) {
                if (expectedVersion != 0) {
                    throw ApiException.stale(0);
                }
                s = new SettingEntity();
                s.estateId = estateId;
                s.deemedAllowed = allowed;
                s.basis = basis;
                s.touchedBy(actor);
                em.persist(s);
            } else {
                checkVersion(s, expectedVersion);
                s.deemedAllowed = allowed;
                s.basis = basis;
                s.touchedBy(actor);
            }
            em.flush();
            audit(em, actor, "vote.setting", estateId, AuditEvent.summary("deemedAllowed", allowed, "basis", basis));
            return new Views.Setting(estateId, s.deemedAllowed, s.basis, s.getVersion());
        });
    }

    // ================================================================== public (DIS-4, MAP-6)

    private static final List<String> PUBLIC = List.of("NOTICED", "OPEN", "CLOSED", "PUBLISHED", "SUSPENDED");

    @Override
    public Page<Views.PublicVote> publicList(Long estateId, PageRequest page) {
        return tx.read(em -> {
            String where = " WHERE e.status IN :st" + (estateId == null ? "" : " AND e.estateId = :estate");
            Map<String, Object> params = new HashMap<>(Map.of("st", PUBLIC));
            if (estateId != null) {
                params.put("estate", estateId);
            }
            PageRequest pr = page.sort().isEmpty() ? new PageRequest(page.page(), page.size(), List.of(new org.smartproperty.platform.SortOrder("endsAt", false)))
                    : page;
            Jpql.Rows<VoteEntity> rows = Jpql.page(em, VoteEntity.class, "e", where, params, pr);
            List<Long> ids = rows.rows().stream().map(v -> v.id).toList();
            Map<Long, Long> turnout = turnout(em, ids);
            Map<Long, List<MatterEntity>> matters = matters(em, ids);
            return new Page<>(rows.rows().stream().map(v -> toPublic(v, turnout.getOrDefault(v.id, 0L), matters.getOrDefault(v.id, List.of()).size()))
                    .toList(), page.page(), page.size(), rows.total());
        });
    }

    @Override
    public Views.PublicVoteDetail publicGet(long id) {
        return tx.read(em -> {
            VoteEntity v = em.find(VoteEntity.class, id);
            if (v == null || !PUBLIC.contains(v.status)) {
                throw notFound(id);
            }
            List<MatterEntity> ms = matters(em, id);
            long turnout = turnout(em, List.of(id)).getOrDefault(id, 0L);
            VoteResult r = VoteStatus.PUBLISHED.name().equals(v.status) && v.resultJson != null ? resultOf(em, v) : null;
            return new Views.PublicVoteDetail(toPublic(v, turnout, ms.size()), ms.stream().map(m -> new Views.PublicMatter(m.id, m.seq, m.title,
                    MatterCategory.valueOf(m.category), MatterCategory.valueOf(m.category).article())).toList(), r);
        });
    }

    private static Views.PublicVote toPublic(VoteEntity v, long turnout, int matters) {
        return new Views.PublicVote(v.id, v.estateId, v.estateName, v.title, v.initiatorKind, v.status(), Instant.ofEpochMilli(v.startsAt),
                Instant.ofEpochMilli(v.endsAt), v.electorHeads, turnout, matters);
    }

    @Override
    public Views.ReceiptCheck checkReceipt(String receipt) {
        String r = receipt == null ? "" : receipt.strip().toLowerCase(java.util.Locale.ROOT);
        if (!r.matches("[0-9a-f]{64}")) {
            throw ApiException.invalid(T, "receipt", "vote.receiptFormat");
        }
        return tx.read(em -> {
            List<BallotEntity> found = em.createQuery("SELECT b FROM BallotEntity b WHERE b.receipt = :r", BallotEntity.class).setParameter("r", r)
                    .getResultList();
            if (found.isEmpty()) {
                throw new ApiException(404, "vote.receiptUnknown", T, null);
            }
            BallotEntity b = found.get(0);
            VoteEntity v = em.find(VoteEntity.class, b.voteId);
            boolean counted = b.currentKey != null;
            return new Views.ReceiptCheck(r, counted, !counted, v.id, b.matterId, Channel.valueOf(b.channel), Instant.ofEpochMilli(b.castAt));
        });
    }

    // ================================================================== views

    static List<MatterEntity> matters(EntityManager em, long voteId) {
        return em.createQuery("SELECT m FROM MatterEntity m WHERE m.voteId = :v ORDER BY m.seq", MatterEntity.class).setParameter("v", voteId)
                .getResultList();
    }

    static Map<Long, List<MatterEntity>> matters(EntityManager em, List<Long> voteIds) {
        if (voteIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT m FROM MatterEntity m WHERE m.voteId IN :v ORDER BY m.voteId, m.seq", MatterEntity.class)
                .setParameter("v", voteIds).getResultList().stream().collect(Collectors.groupingBy(m -> m.voteId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Electors with at least one counted ballot, per vote, in one grouped query. */
    static Map<Long, Long> turnout(EntityManager em, List<Long> voteIds) {
        if (voteIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> out = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT b.voteId, COUNT(DISTINCT b.electorKey) FROM BallotEntity b WHERE b.voteId IN :v AND b.currentKey IS NOT NULL"
                + " GROUP BY b.voteId", Object[].class).setParameter("v", voteIds).getResultList()) {
            out.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return out;
    }

    /** The rule of a matter: frozen at notice, else the table's current one (a draft shows what would apply). */
    static Vote.Rule rule(EntityManager em, MatterEntity m) {
        if (m.quorumNum != null) {
            return new Vote.Rule(new Fraction(m.quorumNum, m.quorumDen, Comparison.valueOf(m.quorumCmp)),
                    new Fraction(m.passNum, m.passDen, Comparison.valueOf(m.passCmp)));
        }
        VoteRule r = toRule(em.find(RuleEntity.class, m.category));
        return new Vote.Rule(r.quorum(), r.pass());
    }

    Vote toDto(EntityManager em, VoteEntity v) {
        return toDto(em, v, matters(em, v.id), turnout(em, List.of(v.id)).getOrDefault(v.id, 0L));
    }

    Vote toDto(EntityManager em, VoteEntity v, List<MatterEntity> matters, long turnout) {
        List<Vote.Matter> ms = matters.stream().map(m -> new Vote.Matter(m.id, m.seq, m.title, m.description, MatterCategory.valueOf(m.category),
                MatterCategory.valueOf(m.category).article(), rule(em, m))).toList();
        return new Vote(v.id, v.estateId, v.estateName, v.title, v.description, v.initiatorKind, v.initiatorName, v.status(),
                v.suspendedFrom == null ? null : VoteStatus.valueOf(v.suspendedFrom), v.reason, Instant.ofEpochMilli(v.startsAt),
                Instant.ofEpochMilli(v.endsAt), VoteEntity.time(v.noticedAt), VoteEntity.time(v.openedAt), VoteEntity.time(v.closedAt),
                VoteEntity.time(v.publishedAt), v.ballotChangeAllowed, v.deemedAllowed, v.unsoldRule == null ? null : UnsoldRule.valueOf(v.unsoldRule),
                v.electorHeads, v.electorArea == null ? null : Tally.area(v.electorArea), turnout, ms, v.getCreatedBy(), v.getCreatedAt(),
                v.getVersion());
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Tally.Result parse(String json) {
        try {
            return JSON.readValue(json, Tally.Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void event(EntityManager em, VoteEntity v, String action, String from, String actor, String reason) {
        EventEntity e = new EventEntity();
        e.voteId = v.id;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = v.status;
        e.actor = actor;
        e.eventAt = now();
        e.reason = reason;
        em.persist(e);
    }

    /** One audit row in the same transaction; {@code summary} is JSON written by Jackson ({@code AuditEvent.summary}). */
    void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit == null) {
            return;
        }
        audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, action, AUDIT_KIND, id, summary));
    }
}
