package org.smartproperty.service.internal;

import static org.smartproperty.service.internal.Workflows.T;
import static org.smartproperty.service.internal.Workflows.WHEN;
import static org.smartproperty.service.internal.Workflows.blankToNull;
import static org.smartproperty.service.internal.Workflows.checkText;
import static org.smartproperty.service.internal.Workflows.quote;
import static org.smartproperty.service.internal.Workflows.scope;

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
import java.util.stream.Collectors;
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
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.House;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.Phones;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
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
import org.smartproperty.service.Repair;
import org.smartproperty.service.RepairCategory;
import org.smartproperty.service.RepairCompletion;
import org.smartproperty.service.RepairEvent;
import org.smartproperty.service.RepairInput;
import org.smartproperty.service.RepairQuery;
import org.smartproperty.service.RepairService;
import org.smartproperty.service.RepairStatus;

/**
 * Repairs on JPA (SVC-REP-1, OWN-4, COS-6, OCS-7; SVC-REP-2 through the deadline engine): the
 * repair, its timeline, its deadline (domain {@code repair}, category = the repair's, from the
 * request to the completion), its SMS and in-app notifications and its audit rows are written in
 * the one transaction of each call. A COMPLETED repair becomes CONFIRMED when the requester
 * confirms, or automatically {@code autoConfirm.days} after the completion; the requester may
 * reopen within {@code reopen.windowDays} of the completion (from COMPLETED or CONFIRMED).
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
    private static final String SYSTEM = AuditedEntity.SYSTEM;

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
    private Clock clock = Clock.systemUTC();
    private volatile Settings settings = Settings.DEFAULTS;
    private ServiceRegistration<Job> job;

    public RepairServiceImpl() {
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
        this.tx = new Transactions(emf);
    }

    @Activate
    void activate(ServiceConfig config, BundleContext context) {
        configure(config);
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf);
        job = context.registerService(Job.class, autoConfirmJob(), null);
    }

    /** The auto-confirm as a platform job (issue 10 item 3): every {@code autoConfirm.intervalMinutes}, one node at a time. */
    Job autoConfirmJob() {
        return Job.of("repair.auto-confirm", () -> JobSchedule.every(Duration.ofMinutes(settings.intervalMinutes())), c -> {
            int n = confirmUnconfirmed();
            if (n > 0) {
                LOG.info("Repairs confirmed automatically: {}", n);
            }
            return n + " confirmed";
        });
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
        if (emf != null) {
            emf.close();
        }
    }

    // ---------------------------------------------------------------- who may do what

    private static boolean requester(SpmPrincipal p, RepairEntity r) {
        return r.requesterAccountId == p.accountId();
    }

    /** A user of the company managing the repair's estate (the scope has already matched the company). */
    private static boolean handler(SpmPrincipal p, RepairEntity r) {
        DataScope s = scope(p);
        return p.can("repair:handle") && s.kind() == DataScope.Kind.COMPANY && r.companyId != null && r.companyId.equals(s.companyId());
    }

    private static void requireHandler(SpmPrincipal p, RepairEntity r) {
        if (!handler(p, r)) {
            throw new ApiException(403, "repair.notHandler", T, null);
        }
    }

    private static void requireRequester(SpmPrincipal p, RepairEntity r) {
        if (!requester(p, r)) {
            throw new ApiException(403, "repair.notRequester", T, null);
        }
    }

    /** Names and phones in full: for the requester, the company handling it, and the regulator's staff who may see personal data (ID-2). */
    private static boolean fullView(SpmPrincipal p, RepairEntity r) {
        return requester(p, r) || handler(p, r) || (scope(p).all() && p.fullPersonalData());
    }

    // ---------------------------------------------------------------- scope

    /** JPQL condition limiting repairs (alias {@code r}) to what the caller may see. */
    static String scopeWhere(SpmPrincipal p, String r, Map<String, Object> params) {
        DataScope s = scope(p);
        switch (s.kind()) {
            case ALL:
                return "";
            case COMPANY:
                params.put("scopeCompany", s.companyId());
                return " AND " + r + ".companyId = :scopeCompany";
            case COMMITTEE:
                params.put("me", p.accountId());
                if (s.estateIds().isEmpty()) {
                    return " AND " + r + ".requesterAccountId = :me";
                }
                params.put("scopeEstates", List.copyOf(s.estateIds()));
                return " AND (" + r + ".estateId IN :scopeEstates OR " + r + ".requesterAccountId = :me)";
            case OWNER:
                params.put("me", p.accountId());
                return " AND " + r + ".requesterAccountId = :me";
            default:
                return " AND 1 = 0";
        }
    }

    static boolean inScope(SpmPrincipal p, RepairEntity r) {
        DataScope s = scope(p);
        switch (s.kind()) {
            case ALL:
                return true;
            case COMPANY:
                return r.companyId != null && r.companyId.equals(s.companyId());
            case COMMITTEE:
                return requester(p, r) || s.estateIds().contains(r.estateId);
            case OWNER:
                return requester(p, r);
            default:
                return false;
        }
    }

    private static RepairEntity findInScope(EntityManager em, SpmPrincipal caller, long id) {
        RepairEntity r = em.find(RepairEntity.class, id);
        if (r == null || !inScope(caller, r)) {
            throw notFound(id);
        }
        return r;
    }

    static ApiException notFound(Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text("objects.repair"), String.valueOf(id));
    }

    /** Whether the caller may read a repair's photos (its file access policy). */
    public boolean mayReadPhotos(SpmPrincipal caller, long repairId) {
        return tx.read(em -> {
            RepairEntity r = em.find(RepairEntity.class, repairId);
            return r != null && inScope(caller, r);
        });
    }

    // ---------------------------------------------------------------- request (SVC-REP-1, OWN-4, OCS-7)

    @Override
    public Repair create(SpmPrincipal caller, RepairInput in) {
        DataScope s = scope(caller);
        boolean owner = s.kind() == DataScope.Kind.OWNER;
        boolean committee = s.kind() == DataScope.Kind.COMMITTEE;
        if (!caller.can("repair:request") || !(owner || committee)) {
            throw new ApiException(403, "repair.requester", T, null);
        }
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
            return null;
        }
        String unitCode = blankToNull(in.unitCode());
        Long estateId = in.estateId();
        String location = blankToNull(in.location());
        if (committee && unitCode != null) {
            v.error("unitCode", "repair.requester");
            unitCode = null;
        }
        if (committee && estateId == null && s.estateIds().size() == 1) {
            estateId = s.estateIds().iterator().next();
        }
        if ((unitCode == null) == (estateId == null)) {
            v.error("unitCode", "repair.target");
        }
        if (unitCode == null && estateId != null && location == null) {
            v.error("location", "location.required");
        }
        v.maxLength("location", location, 200);
        if (v.required("description", blankToNull(in.description()))) {
            v.maxLength("description", in.description(), 4000);
        }
        String phone = blankToNull(in.contactPhone());
        if (phone != null && !phone.matches("[+0-9 ()\\-]{5,20}")) {
            v.error("contactPhone", "phone.format");
        }
        List<AttachmentInput> photos = in.photos() == null ? List.of() : in.photos();
        Workflows.checkPhotoCount(v, "photos", photos, false);
        // the house must be the owner's own; a common area lies in an estate in the caller's scope
        House house = null;
        Estate estate = null;
        if (unitCode != null) {
            try {
                house = estates().house(s, unitCode);
                estateId = house.estateId();
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                v.error("unitCode", "house.unknown", unitCode);
            }
        } else if (estateId != null) {
            if (committee && !s.estateIds().contains(estateId)) {
                v.error("estateId", "estate.unknown", estateId);
                estateId = null;
            } else {
                try {
                    estates().get(s, estateId);
                } catch (ApiException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    v.error("estateId", "estate.unknown", estateId);
                    estateId = null;
                }
            }
        }
        if (estateId != null) {
            try {
                estate = estates().get(DataScope.ALL, estateId);
                if (estate.companyId() == null) {
                    v.error(house != null ? "unitCode" : "estateId", "estate.noCompany");
                }
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                v.error("estateId", "estate.unknown", estateId);
            }
        }
        v.throwIfInvalid();
        Optional<AccountDirectory.Contact> me = directory.contact(caller.accountId());
        final String fPhone = phone != null ? phone : me.map(AccountDirectory.Contact::phone).orElse(null);
        final String fName = me.map(AccountDirectory.Contact::displayName).orElse(caller.username());
        final House fHouse = house;
        final Estate fEstate = estate;
        final String fLocation = location;
        final RepairCategory category = in.category() == null ? RepairCategory.NORMAL : in.category();
        return tx.write(em -> {
            Instant now = clock.instant();
            RepairEntity r = new RepairEntity();
            r.number = Workflows.nextNumber(em, "BX", now);
            r.estateId = fEstate.id();
            r.companyId = fEstate.companyId();
            r.houseId = fHouse == null ? null : fHouse.id();
            r.unitCode = fHouse == null ? null : fHouse.unitCode();
            r.location = fLocation;
            r.category = category;
            r.description = in.description().trim();
            r.requesterAccountId = caller.accountId();
            r.requesterName = fName;
            r.requesterPhone = fPhone == null ? null : Phones.normalize(fPhone).orElse(fPhone);
            r.status = RepairStatus.REQUESTED;
            r.requestedAt = now;
            r.statusChangedAt = now;
            r.touchedBy(caller.username());
            em.persist(r);
            em.flush();
            Connection con = em.unwrap(Connection.class);
            Workflows.attachPhotos(files, con, photos, caller.username(), DOMAIN, Long.toString(r.id), "photos");
            event(em, r, "create", null, RepairStatus.REQUESTED, caller.username(), now, null);
            // until a user of the company accepts it, warnings and escalations (SLA-3) go to the company's first account
            List<AccountDirectory.Contact> companyAccounts = directory.accountsOf(DataScope.company(r.companyId));
            Long companyAccount = companyAccounts.stream().map(AccountDirectory.Contact::accountId).findFirst().orElse(null);
            deadlines().start(con, new TrackedItem(DOMAIN, r.id, r.category.name(), r.number + " " + title(r), r.estateId, r.companyId,
                    companyAccount, null, now));
            Map<String, String> params = Map.of("no", r.number);
            smsPhone(r).ifPresent(to -> sms().enqueue(con, new SmsRequest(to, MessageKind.REPAIR_RECEIVED, params, reference(r))));
            notifications().notify(con, r.requesterAccountId, MessageKind.REPAIR_RECEIVED, params, link(r));
            // COS-6: the company learns of the request in its portal at once, in the same transaction
            Map<String, String> forCompany = Map.of("no", r.number, "place", r.unitCode != null ? r.unitCode : String.valueOf(r.location));
            for (AccountDirectory.Contact a : companyAccounts) {
                notifications().notify(con, a.accountId(), MessageKind.REPAIR_NEW, forCompany, link(r));
            }
            audit(em, caller.username(), "repair.create", r.id, "{\"number\":" + quote(r.number) + ",\"category\":\"" + r.category
                    + "\",\"estateId\":" + r.estateId + ",\"unitCode\":" + quote(r.unitCode) + ",\"companyId\":" + r.companyId + "}");
            return toDto(em, caller, r, false);
        });
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
    public Repair get(SpmPrincipal caller, long id) {
        return tx.write(em -> {
            RepairEntity r = findInScope(em, caller, id);
            Repair dto = toDto(em, caller, r, false);
            if (dto.fullPersonalData() && !requester(caller, r) && r.requesterPhone != null) {
                audit(em, caller.username(), "repair.view-full", r.id, "{\"number\":" + quote(r.number) + "}");
            }
            return dto;
        });
    }

    @Override
    public List<RepairEvent> events(SpmPrincipal caller, long id) {
        return tx.read(em -> {
            findInScope(em, caller, id);
            return em.createQuery("SELECT e FROM RepairEventEntity e WHERE e.repairId = :r ORDER BY e.id", RepairEventEntity.class)
                    .setParameter("r", id).getResultList().stream()
                    .map(e -> new RepairEvent(e.id, e.repairId, e.action, e.fromStatus, e.toStatus, e.actor, e.at, e.note)).toList();
        });
    }

    // ---------------------------------------------------------------- transitions (COS-6, OWN-4)

    @Override
    public Repair accept(SpmPrincipal caller, long id, long expectedVersion, String note) {
        checkText(note, "note");
        return transition(caller, id, expectedVersion, RepairStatus.ACCEPTED, (em, r, con, now) -> {
            requireHandler(caller, r);
            r.handlerAccountId = caller.accountId();
            deadlines().reassign(con, DOMAIN, r.id, caller.accountId(), null);
            return new Step("accept", note, null);
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
        return transition(caller, id, expectedVersion, RepairStatus.SCHEDULED, (em, r, con, now) -> {
            requireHandler(caller, r);
            boolean again = r.status == RepairStatus.SCHEDULED;
            em.createNativeQuery("UPDATE svc_repair SET appointment_at = ? WHERE id = ?")
                    .setParameter(1, Timestamp.from(appointmentAt)).setParameter(2, r.id).executeUpdate();
            r.appointmentAt = appointmentAt;
            String text = WHEN.format(appointmentAt) + (blankToNull(note) == null ? "" : " " + note.trim());
            return new Step(again ? "reschedule" : "schedule", text, "{\"appointmentAt\":\"" + appointmentAt + "\"}");
        });
    }

    @Override
    public Repair complete(SpmPrincipal caller, long id, long expectedVersion, RepairCompletion c) {
        Validation v = new Validation(T);
        String report = c == null ? null : blankToNull(c.report());
        if (report == null) {
            v.error("report", "report.required");
        } else {
            v.maxLength("report", report, 4000);
        }
        List<AttachmentInput> photos = c == null || c.photos() == null ? List.of() : c.photos();
        Workflows.checkPhotoCount(v, "photos", photos, false);
        v.throwIfInvalid();
        return transition(caller, id, expectedVersion, RepairStatus.COMPLETED, (em, r, con, now) -> {
            requireHandler(caller, r);
            r.report = report;
            Workflows.attachPhotos(files, con, photos, caller.username(), RESULT_PHOTOS, Long.toString(r.id), "photos");
            deadlines().complete(con, DOMAIN, r.id, now);
            // COS-6: the result is fed back to the requester, queued with the completion (a rollback sends nothing)
            Map<String, String> params = Map.of("no", r.number);
            smsPhone(r).ifPresent(to -> sms().enqueue(con, new SmsRequest(to, MessageKind.REPAIR_DONE, params, reference(r))));
            notifications().notify(con, r.requesterAccountId, MessageKind.REPAIR_DONE, params, link(r));
            return new Step("complete", report, null);
        });
    }

    @Override
    public Repair confirm(SpmPrincipal caller, long id, long expectedVersion, String note) {
        checkText(note, "note");
        return transition(caller, id, expectedVersion, RepairStatus.CONFIRMED, (em, r, con, now) -> {
            requireRequester(caller, r);
            return new Step("confirm", note, null);
        });
    }

    @Override
    public Repair reopen(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        checkText(reason, "reason");
        return transition(caller, id, expectedVersion, RepairStatus.REOPENED, (em, r, con, now) -> {
            requireRequester(caller, r);
            Instant completedAt = completedAt(em, r.id);
            int days = settings.reopenWindowDays();
            Instant until = completedAt.plus(days, ChronoUnit.DAYS);
            if (now.isAfter(until)) {
                throw ApiException.conflict(T, "repair.reopenWindow", WHEN.format(completedAt), days, WHEN.format(until));
            }
            r.report = null;
            deadlines().start(con, new TrackedItem(DOMAIN, r.id, r.category.name(), r.number + " " + title(r), r.estateId, r.companyId,
                    r.handlerAccountId, null, now));
            return new Step("reopen", blankToNull(reason), null);
        });
    }

    @Override
    public Repair reject(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid(T, "reason", "reason.required");
        }
        checkText(reason, "reason");
        return transition(caller, id, expectedVersion, RepairStatus.REJECTED, (em, r, con, now) -> {
            requireHandler(caller, r);
            r.reason = reason.trim();
            deadlines().cancel(con, DOMAIN, r.id, now);
            return new Step("reject", r.reason, null);
        });
    }

    /**
     * Confirms COMPLETED repairs whose completion is older than {@code autoConfirm.days}: one
     * transaction per repair, optimistic version check, so two nodes never confirm one twice.
     * @return how many were confirmed
     */
    int confirmUnconfirmed() {
        Instant cutoff = clock.instant().minus(settings.autoConfirmDays(), ChronoUnit.DAYS);
        List<Long> ids = tx.read(em -> em.createQuery("SELECT r.id FROM RepairEntity r WHERE r.status = :s AND r.statusChangedAt < :cutoff "
                + "ORDER BY r.id", Long.class).setParameter("s", RepairStatus.COMPLETED).setParameter("cutoff", cutoff)
                .setMaxResults(500).getResultList());
        int confirmed = 0;
        for (long id : ids) {
            try {
                confirmed += tx.write(em -> {
                    RepairEntity r = em.find(RepairEntity.class, id);
                    if (r == null || r.status != RepairStatus.COMPLETED || !r.statusChangedAt.isBefore(cutoff)) {
                        return 0;
                    }
                    Instant now = clock.instant();
                    event(em, r, "autoConfirm", r.status, RepairStatus.CONFIRMED, SYSTEM, now, null);
                    r.status = RepairStatus.CONFIRMED;
                    r.statusChangedAt = now;
                    r.touchedBy(SYSTEM);
                    em.flush();
                    audit(em, SYSTEM, "repair.confirm", r.id, "{\"from\":\"COMPLETED\",\"to\":\"CONFIRMED\",\"automatic\":true}");
                    return 1;
                });
            } catch (ApiException e) {
                if (e.status() != 412) {
                    throw e;
                }
            }
        }
        return confirmed;
    }

    /** What a transition did: the timeline action, its note, extra audit JSON fields. */
    record Step(String action, String note, String auditDetail) {
    }

    @FunctionalInterface
    interface Work {
        Step apply(EntityManager em, RepairEntity r, Connection con, Instant now);
    }

    private Repair transition(SpmPrincipal caller, long id, long expectedVersion, RepairStatus target, Work work) {
        return tx.write(em -> {
            RepairEntity r = findInScope(em, caller, id);
            if (r.getVersion() != expectedVersion) {
                throw ApiException.stale(r.getVersion());
            }
            if (!r.status.next().contains(target)) {
                throw illegal(r, target);
            }
            RepairStatus from = r.status;
            Instant now = clock.instant();
            Step step = work.apply(em, r, em.unwrap(Connection.class), now);
            r.status = target;
            r.statusChangedAt = now;
            r.touchedBy(caller.username());
            event(em, r, step.action(), from, target, caller.username(), now, blankToNull(step.note()));
            em.flush();
            audit(em, caller.username(), "repair." + step.action(), r.id, "{\"number\":" + quote(r.number) + ",\"from\":\"" + from
                    + "\",\"to\":\"" + target + "\",\"note\":" + quote(blankToNull(step.note()))
                    + (step.auditDetail() == null ? "" : ",\"detail\":" + step.auditDetail()) + "}");
            return toDto(em, caller, r, false);
        });
    }

    private static ApiException illegal(RepairEntity r, RepairStatus target) {
        List<RepairStatus> allowed = r.status.next();
        return ApiException.conflict(T, "repair.illegalTransition", r.status.name(), target.name(),
                allowed.isEmpty() ? T.text("repair.noTransition") : allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static void event(EntityManager em, RepairEntity r, String action, RepairStatus from, RepairStatus to, String actor,
                              Instant at, String note) {
        RepairEventEntity e = new RepairEventEntity();
        e.repairId = r.id;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = to;
        e.actor = actor;
        e.at = at;
        e.note = note;
        em.persist(e);
    }

    /** When the latest completion was reported (the latest complete event), null before any. */
    private static Instant completedAt(EntityManager em, long repairId) {
        List<Instant> at = em.createQuery("SELECT e.at FROM RepairEventEntity e WHERE e.repairId = :r AND e.action = 'complete' "
                + "ORDER BY e.id DESC", Instant.class).setParameter("r", repairId).setMaxResults(1).getResultList();
        return at.isEmpty() ? null : at.get(0);
    }

    // ---------------------------------------------------------------- views

    private Repair toDto(EntityManager em, SpmPrincipal caller, RepairEntity r, boolean list) {
        boolean full = list ? requester(caller, r) : fullView(caller, r);
        Connection con = em.unwrap(Connection.class);
        String ref = Long.toString(r.id);
        List<Attachment> photos = files.attached(con, DOMAIN, ref);
        List<Attachment> reportPhotos = files.attached(con, RESULT_PHOTOS, ref);
        Instant completedAt = r.status == RepairStatus.COMPLETED || r.status == RepairStatus.CONFIRMED ? completedAt(em, r.id) : null;
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

    private static String title(RepairEntity r) {
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
    private Optional<String> smsPhone(RepairEntity r) {
        return Phones.normalize(directory.contact(r.requesterAccountId).map(AccountDirectory.Contact::phone).orElse(null));
    }

    private static String reference(RepairEntity r) {
        return "repair:" + r.id;
    }

    private static String link(RepairEntity r) {
        return "/repairs/" + r.id;
    }

    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, action, "repair", id, summary));
        }
    }

    /** The deadline domain's DeadlineTracker, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private DeadlineTracker deadlines() {
        DeadlineTracker s = deadlines;
        if (s == null) {
            throw ApiException.unavailable("deadline");
        }
        return s;
    }

    /** The notification domain's SmsOutbox, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private SmsOutbox sms() {
        SmsOutbox s = sms;
        if (s == null) {
            throw ApiException.unavailable("notification");
        }
        return s;
    }

    /** The notification domain's Notifications, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private Notifications notifications() {
        Notifications s = notifications;
        if (s == null) {
            throw ApiException.unavailable("notification");
        }
        return s;
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
