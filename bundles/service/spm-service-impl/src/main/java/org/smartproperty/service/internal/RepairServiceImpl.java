package org.smartproperty.service.internal;

import static org.smartproperty.service.internal.Workflows.T;
import static org.smartproperty.service.internal.Workflows.WHEN;
import static org.smartproperty.service.internal.Workflows.scope;

import static org.smartproperty.service.internal.RepairParties.findInScope;
import static org.smartproperty.service.internal.RepairParties.fullView;
import static org.smartproperty.service.internal.RepairParties.inScope;
import static org.smartproperty.service.internal.RepairParties.requester;
import static org.smartproperty.service.internal.RepairParties.scopeWhere;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.estate.EstateService;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.Phones;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.workflow.Timeout;
import org.smartproperty.platform.workflow.TransitionInput;
import org.smartproperty.platform.workflow.jpa.CaseTimeline;
import org.smartproperty.platform.workflow.jpa.CaseWorkflow;
import org.smartproperty.platform.workflow.jpa.Effect;
import org.smartproperty.platform.workflow.jpa.YearCounter;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.Repair;
import org.smartproperty.service.RepairCompletion;
import org.smartproperty.service.RepairEvent;
import org.smartproperty.service.RepairInput;
import org.smartproperty.service.RepairQuery;
import org.smartproperty.service.RepairService;
import org.smartproperty.service.RepairStatus;
import org.smartproperty.service.RepairWorkflow;

/**
 * Repairs on JPA (SVC-REP-1, OWN-4, COS-6, OCS-7; SVC-REP-2 through the deadline engine): the
 * repair, its timeline, its deadline (domain {@code repair}, category = the repair's, from the
 * request to the completion), its SMS and in-app notifications and its audit rows are written in
 * the one transaction of each call. A COMPLETED repair becomes CONFIRMED when the requester
 * confirms, or automatically {@code autoConfirm.days} after the completion; the requester may
 * reopen within {@code reopen.windowDays} of the completion (from COMPLETED or CONFIRMED).
 * The transitions are {@link RepairWorkflow#TABLE}'s, fired through the platform's workflow
 * kernel ({@link CaseWorkflow}); this class adds what is the repair's own. Its parts (issue 10
 * item 5): {@link RepairParties} (who may do what, scope) and {@link RepairRequest} (SVC-REP-1).
 */
@Component(service = {RepairService.class, RepairInternals.class}, configurationPid = "org.smartproperty.service",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ServiceConfig.class)
public class RepairServiceImpl implements RepairService, RepairInternals {

    static final String UNIT = "service";
    /** Domain of the deadlines, owner kind of the request photos in the file store. */
    static final String DOMAIN = "repair";
    /** Owner kind of the photos the company reports back with. */
    static final String RESULT_PHOTOS = "repair-result";
    private static final Logger LOG = LoggerFactory.getLogger(RepairServiceImpl.class);

    /** Settings in force (PID org.smartproperty.service). */
    record Settings(int reopenWindowDays, int autoConfirmDays, int intervalMinutes) {
        static final Settings DEFAULTS = new Settings(15, 7, 60);

        static Settings of(int reopen, int autoConfirm, int interval) {
            StringBuilder problems = new StringBuilder();
            if (reopen < 1) {
                problems.append(" reopen.windowDays=").append(reopen).append(" (≥ 1)");
            }
            if (autoConfirm < 1) {
                problems.append(" autoConfirm.days=").append(autoConfirm).append(" (≥ 1)");
            } else if (autoConfirm > reopen) {
                problems.append(" autoConfirm.days=").append(autoConfirm).append(" (≤ reopen.windowDays ").append(reopen).append(')');
            }
            if (interval < 1) {
                problems.append(" autoConfirm.intervalMinutes=").append(interval).append(" (≥ 1)");
            }
            if (problems.length() > 0) {
                throw new IllegalArgumentException("Repair configuration refused:" + problems);
            }
            return new Settings(reopen, autoConfirm, interval);
        }
    }

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.service.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference
    private FileStore files;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeadlineTracker deadlines;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsOutbox sms;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    @Reference
    private AccountDirectory directory;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EstateService estates;

    private EntityManagerFactory emf;
    private Transactions tx;
    private CaseWorkflow<RepairStatus, RepairEntity> wf;
    /** COMPLETED → CONFIRMED {@code autoConfirm.days} after the completion, checked every {@code autoConfirm.intervalMinutes}. */
    private final Timeout autoConfirm = new Timeout("repair.auto-confirm", "autoConfirm", "confirm",
            () -> Duration.ofDays(this.settings.autoConfirmDays()), () -> Duration.ofMinutes(this.settings.intervalMinutes()));
    private Clock clock = Clock.systemUTC();
    private volatile Settings settings = Settings.DEFAULTS;
    private ServiceRegistration<Job> job;
    private final RepairRequest request = new RepairRequest(this, this::estates);

    public RepairServiceImpl() {
    }

    /** Outside OSGi (tests of other modules, e.g. the demo data): as the package-private constructor. */
    public static RepairService standalone(EntityManagerFactory emf, AuditTrail audit, FileStore files, DeadlineTracker deadlines, SmsOutbox sms,
                                    Notifications notifications, AccountDirectory directory, EstateService estates, Clock clock) {
        return new RepairServiceImpl(emf, audit, files, deadlines, sms, notifications, directory, estates, clock);
    }

    /** Outside OSGi (tests): over an existing persistence unit, with a clock the test controls. */
    RepairServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, DeadlineTracker deadlines, SmsOutbox sms,
                      Notifications notifications, AccountDirectory directory, EstateService estates, Clock clock) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.deadlines = deadlines;
        this.sms = sms;
        this.notifications = notifications;
        this.directory = directory;
        this.estates = estates;
        this.clock = clock;
        this.tx = new Transactions(emf, "repair");
        this.wf = workflow();
    }

    /** The kernel over the repair's table, entity, timeline (svc_repair_event) and counter (svc_counter, kind BX). */
    private CaseWorkflow<RepairStatus, RepairEntity> workflow() {
        return CaseWorkflow.builder(RepairWorkflow.TABLE, RepairEntity.class)
                .transactions(tx).clock(() -> clock)
                .timeline(new CaseTimeline("svc_repair_event", "repair_id", "svc_repair_event_seq", 50))
                .counter(YearCounter.shared("svc_counter", "kind", "BX", "BX"))
                .finder(RepairParties::findInScope)
                .parties(RepairParties::isParty)
                .domain(DOMAIN)
                .links(RepairServiceImpl::link, RepairServiceImpl::reference)
                .trackedItem((r, now) -> new TrackedItem(DOMAIN, r.id, r.category.name(), r.number + " " + title(r), r.estateId, r.companyId,
                        r.handlerAccountId, null, now))
                .services(() -> audit, () -> files, () -> deadlines(), () -> sms(), () -> notifications())
                .build();
    }

    @Activate
    void activate(ServiceConfig config, BundleContext context) {
        configure(config);
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, "repair");
        wf = workflow();
        job = context.registerService(Job.class, autoConfirmJob(), null);
    }

    /** The auto-confirm as a platform job (issue 10 item 3): every {@code autoConfirm.intervalMinutes}, one node at a time. */
    Job autoConfirmJob() {
        return wf.job(autoConfirm, n -> n + " confirmed");
    }

    @Modified
    void modified(ServiceConfig config) {
        configure(config);
    }

    void configure(ServiceConfig config) {
        configure(config.reopen_windowDays(), config.autoConfirm_days(), config.autoConfirm_intervalMinutes());
    }

    /** Applies a configuration; an invalid one is refused as a whole and logged, the settings in force stay. @return whether applied */
    boolean configure(int reopenWindowDays, int autoConfirmDays, int intervalMinutes) {
        try {
            settings = Settings.of(reopenWindowDays, autoConfirmDays, intervalMinutes);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.error("{}; the settings in force stay: {}", e.getMessage(), settings);
            return false;
        }
    }

    Settings settings() {
        return settings;
    }

    @Deactivate
    void deactivate() {
        if (job != null) {
            try {
                job.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            job = null;
        }
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    Transactions tx() {
        return tx;
    }

    CaseWorkflow<RepairStatus, RepairEntity> wf() {
        return wf;
    }

    Clock clock() {
        return clock;
    }

    AccountDirectory directory() {
        return directory;
    }

    // ---------------------------------------------------------------- who may do what, scope (RepairParties)

    /** Whether the caller may read a repair's photos (its file access policy). */
    public boolean mayReadPhotos(SpmPrincipal caller, long repairId) {
        return tx.read(em -> {
            RepairEntity r = em.find(RepairEntity.class, repairId);
            return r != null && inScope(caller, r);
        });
    }

    // ---------------------------------------------------------------- request (RepairRequest, SVC-REP-1, OWN-4, OCS-7)

    @Override
    public Repair create(SpmPrincipal caller, RepairInput in) {
        return request.create(caller, in);
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Page<Repair> list(SpmPrincipal caller, RepairQuery q, PageRequest page) {
        RepairQuery query = q == null ? RepairQuery.all() : q;
        // a write transaction so the deadlines are read on the unit's connection (a read-only one has none bound)
        return tx.write(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            where.append(scopeWhere(caller, "r", params));
            if (query.status() != null) {
                where.append(" AND r.status = :status");
                params.put("status", query.status());
            }
            if (query.category() != null) {
                where.append(" AND r.category = :category");
                params.put("category", query.category());
            }
            if (query.estateId() != null) {
                where.append(" AND r.estateId = :estate");
                params.put("estate", query.estateId());
            }
            if (query.companyId() != null) {
                where.append(" AND r.companyId = :company");
                params.put("company", query.companyId());
            }
            Jpql.Rows<RepairEntity> rows = Jpql.page(em, RepairEntity.class, "r", where.toString(), params, page);
            List<Repair> items = rows.rows().stream().map(r -> toDto(em, caller, r, true)).toList();
            return new Page<>(items, page.page(), page.size(), rows.total());
        });
    }

    @Override
    public Map<Long, Long> countByEstate(SpmPrincipal caller, java.util.Set<RepairStatus> statuses,
                                         java.util.Collection<Long> estateIds) {
        if (estateIds.isEmpty() || statuses.isEmpty()) {
            return Map.of();
        }
        return tx.read(em -> {
            Map<String, Object> params = new HashMap<>();
            String where = " WHERE r.status IN :countStatuses" + scopeWhere(caller, "r", params);
            params.put("countStatuses", List.copyOf(statuses));
            return org.smartproperty.platform.persistence.Jpql.countBy(em, RepairEntity.class, "r", "estateId", where, params,
                    estateIds);
        });
    }

    @Override
    public Repair get(SpmPrincipal caller, long id) {
        return tx.write(em -> {
            RepairEntity r = findInScope(em, caller, id);
            Repair dto = toDto(em, caller, r, false);
            if (dto.fullPersonalData() && !requester(caller, r) && r.requesterPhone != null) {
                wf.audit(em.unwrap(Connection.class), caller.username(), "view-full", r.id, CaseWorkflow.fields("number", r.number));
            }
            return dto;
        });
    }

    @Override
    public List<RepairEvent> events(SpmPrincipal caller, long id) {
        return wf.events(caller, id).stream().map(e -> new RepairEvent(e.id(), e.caseId(), e.action(), status(e.from()), status(e.to()),
                e.actor(), e.at(), e.note())).toList();
    }

    private static RepairStatus status(String name) {
        return name == null ? null : RepairStatus.valueOf(name);
    }

    // ---------------------------------------------------------------- transitions (COS-6, OWN-4; RepairWorkflow.TABLE)

    @Override
    public Repair accept(SpmPrincipal caller, long id, long expectedVersion, String note) {
        return fire(caller, id, expectedVersion, "accept", TransitionInput.of(note), (step, r) -> {
            r.handlerAccountId = caller.accountId();
            deadlines().reassign(step.connection(), DOMAIN, r.id, caller.accountId(), null);
        });
    }

    @Override
    public Repair schedule(SpmPrincipal caller, long id, long expectedVersion, Instant appointmentAt, String note) {
        Validation v = new Validation(T);
        if (appointmentAt == null) {
            v.error("appointmentAt", "appointment.required");
        } else if (appointmentAt.isBefore(clock.instant())) {
            v.error("appointmentAt", "appointment.past");
        }
        v.maxLength("note", note, 4000);
        v.throwIfInvalid();
        return fire(caller, id, expectedVersion, "schedule", TransitionInput.of(note), (step, r) -> {
            boolean again = r.status == RepairStatus.SCHEDULED;
            step.em().createNativeQuery("UPDATE svc_repair SET appointment_at = ? WHERE id = ?")
                    .setParameter(1, Timestamp.from(appointmentAt)).setParameter(2, r.id).executeUpdate();
            r.appointmentAt = appointmentAt;
            step.action(again ? "reschedule" : "schedule")
                    .note(WHEN.format(appointmentAt) + (step.text() == null ? "" : " " + step.text()))
                    .detail("appointmentAt", appointmentAt.toString());
        });
    }

    @Override
    public Repair complete(SpmPrincipal caller, long id, long expectedVersion, RepairCompletion c) {
        TransitionInput in = c == null ? null : new TransitionInput(c.report(), c.photos());
        return fire(caller, id, expectedVersion, "complete", in, (step, r) -> {
            r.report = step.text();
            step.attachTo(RESULT_PHOTOS);
            // COS-6: the result is fed back to the requester, queued with the completion (a rollback sends nothing)
            Map<String, String> params = Map.of("no", r.number);
            step.sms(smsPhone(r).orElse(null), ServiceMessageKinds.REPAIR_DONE, params);
            step.notify(r.requesterAccountId, ServiceMessageKinds.REPAIR_DONE, params);
        });
    }

    @Override
    public Repair confirm(SpmPrincipal caller, long id, long expectedVersion, String note) {
        return fire(caller, id, expectedVersion, "confirm", TransitionInput.of(note), null);
    }

    @Override
    public Repair reopen(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        return fire(caller, id, expectedVersion, "reopen", TransitionInput.of(reason), (step, r) -> {
            Instant completedAt = wf.lastAt(step.em(), r.id, "complete");
            int days = settings.reopenWindowDays();
            Instant until = completedAt.plus(days, ChronoUnit.DAYS);
            if (step.now().isAfter(until)) {
                throw ApiException.conflict(T, "repair.reopenWindow", WHEN.format(completedAt), days, WHEN.format(until));
            }
            r.report = null;
        });
    }

    @Override
    public Repair reject(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        return fire(caller, id, expectedVersion, "reject", TransitionInput.of(reason), (step, r) -> r.reason = step.text());
    }

    /**
     * Confirms COMPLETED repairs whose completion is older than {@code autoConfirm.days}: the
     * kernel's timeout, one transaction per repair with the version check, so two nodes never
     * confirm one twice. @return how many were confirmed
     */
    int confirmUnconfirmed() {
        return wf.runTimeout(autoConfirm);
    }

    private Repair fire(SpmPrincipal caller, long id, long expectedVersion, String transition, TransitionInput in,
                        Effect<RepairStatus, RepairEntity> effect) {
        return wf.fire(caller, id, expectedVersion, transition, in, effect, (em, p, r) -> toDto(em, p, r, false));
    }

    // ---------------------------------------------------------------- views

    Repair toDto(EntityManager em, SpmPrincipal caller, RepairEntity r, boolean list) {
        boolean full = list ? requester(caller, r) : fullView(caller, r);
        Connection con = em.unwrap(Connection.class);
        String ref = Long.toString(r.id);
        List<Attachment> photos = files.attached(con, DOMAIN, ref);
        List<Attachment> reportPhotos = files.attached(con, RESULT_PHOTOS, ref);
        Instant completedAt = r.status == RepairStatus.COMPLETED || r.status == RepairStatus.CONFIRMED ? wf.lastAt(em, r.id, "complete") : null;
        Instant reopenUntil = completedAt == null ? null : completedAt.plus(settings.reopenWindowDays(), ChronoUnit.DAYS);
        Instant dueAt = null;
        if (con != null && r.status.open()) {
            dueAt = deadlines().find(con, DOMAIN, r.id).map(Deadline::dueAt).orElse(null);
        }
        return new Repair(r.id, r.number, r.estateId, r.companyId, r.houseId, r.unitCode, r.houseId == null, r.location, r.category,
                r.description, photos, r.requesterAccountId,
                full ? r.requesterName : PersonalData.maskName(r.requesterName),
                full ? r.requesterPhone : PersonalData.maskPhone(r.requesterPhone), full,
                r.status, r.handlerAccountId, r.appointmentAt, r.report, reportPhotos, r.reason, r.requestedAt, r.statusChangedAt,
                completedAt, reopenUntil, dueAt, r.getVersion());
    }

    // ---------------------------------------------------------------- helpers

    static String title(RepairEntity r) {
        return r.unitCode != null ? r.unitCode : T.format(Messages.DEFAULT_LOCALE, "commonArea") + " " + r.location;
    }

    /**
     * Where the requester's SMS go (SVC-REP-1 receipt, SVC-REP-2/COS-6 completion; issue 20 item 5),
     * empty when nowhere. Every repair is requested online by an owner or a committee on its own
     * account, so only the account's own phone, as {@link AccountDirectory#contact} gives it now
     * (set by an administrator or taken from the provincial identity provider). The contactPhone of
     * the request body is kept as {@code requesterPhone}, the number the company calls, but never
     * texted: anyone can type any number there, and the platform would send its SMS to a stranger.
     * An account without a phone gets the in-app notification only. Only a mainland, Macao or Hong
     * Kong mobile takes SMS; a landline gets none.
     */
    Optional<String> smsPhone(RepairEntity r) {
        return Phones.normalize(directory.contact(r.requesterAccountId).map(AccountDirectory.Contact::phone).orElse(null));
    }

    private static String reference(RepairEntity r) {
        return "repair:" + r.id;
    }

    private static String link(RepairEntity r) {
        return "/repairs/" + r.id;
    }

    /** The deadline domain's DeadlineTracker, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private DeadlineTracker deadlines() {
        return ApiException.requireAvailable(deadlines, "deadline");
    }

    /** The notification domain's SmsOutbox, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private SmsOutbox sms() {
        return ApiException.requireAvailable(sms, "notification");
    }

    /** The notification domain's Notifications, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private Notifications notifications() {
        return ApiException.requireAvailable(notifications, "notification");
    }

    /** The estate domain's EstateService, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private EstateService estates() {
        return ApiException.requireAvailable(estates, "estate");
    }
}

