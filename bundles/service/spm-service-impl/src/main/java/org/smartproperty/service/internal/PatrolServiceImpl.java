package org.smartproperty.service.internal;

import static org.smartproperty.service.internal.Workflows.T;
import static org.smartproperty.service.internal.Workflows.WHEN;
import static org.smartproperty.service.internal.Workflows.blankToNull;
import static org.smartproperty.service.internal.Workflows.scope;

import static org.smartproperty.service.internal.PatrolScopes.handler;
import static org.smartproperty.service.internal.PatrolScopes.inScope;
import static org.smartproperty.service.internal.PatrolScopes.notHandler;
import static org.smartproperty.service.internal.PatrolScopes.reportInScope;
import static org.smartproperty.service.internal.PatrolScopes.reportScope;
import static org.smartproperty.service.internal.PatrolScopes.taskInScope;
import static org.smartproperty.service.internal.PatrolScopes.taskScope;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.Phones;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.workflow.TransitionInput;
import org.smartproperty.platform.workflow.jpa.CaseTimeline;
import org.smartproperty.platform.workflow.jpa.CaseWorkflow;
import org.smartproperty.platform.workflow.jpa.Effect;
import org.smartproperty.platform.workflow.jpa.YearCounter;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.PatrolEvent;
import org.smartproperty.service.PatrolQuery;
import org.smartproperty.service.PatrolResult;
import org.smartproperty.service.PatrolService;
import org.smartproperty.service.PatrolStatus;
import org.smartproperty.service.PatrolTask;
import org.smartproperty.service.PatrolTaskInput;
import org.smartproperty.service.PatrolWorkflow;
import org.smartproperty.service.PhotoReport;
import org.smartproperty.service.PhotoReportInput;
import org.smartproperty.service.PhotoReportStatus;
import org.smartproperty.service.PublicPatrol;

/**
 * Photo reports and patrol tasks on JPA (SVC-PAT-1, COS-5; SVC-PAT-2 through the deadline
 * engine, domain {@code patrol}, category TASK). The task, its timeline, its deadline, the
 * reporters' notifications (in-app and SMS through the outbox) and the audit rows are written in
 * the one transaction of each call. The task's transitions are {@link PatrolWorkflow#TABLE}'s, fired
 * through the platform's workflow kernel ({@link CaseWorkflow}).
 */
@Component(service = {PatrolService.class, PatrolInternals.class})
public class PatrolServiceImpl implements PatrolService, PatrolInternals {

    static final String UNIT = "service";
    /** Domain of the deadlines. */
    static final String DOMAIN = "patrol";
    static final String CATEGORY = "TASK";
    /** Owner kinds of the photos: of a report, of a task's findings, of its fix. */
    static final String REPORT_PHOTOS = "patrol-report";
    static final String TASK_PHOTOS = "patrol-task";
    static final String FIX_PHOTOS = "patrol-fix";
    /** Hengqin (DOMAIN-RULES fixture bounds), CGCS2000 ≈ WGS84. */
    static final BigDecimal LAT_MIN = new BigDecimal("22.08");
    static final BigDecimal LAT_MAX = new BigDecimal("22.16");
    static final BigDecimal LON_MIN = new BigDecimal("113.47");
    static final BigDecimal LON_MAX = new BigDecimal("113.57");

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
    private CaseWorkflow<PatrolStatus, PatrolTaskEntity> wf;
    private Clock clock = Clock.systemUTC();

    public PatrolServiceImpl() {
    }

    /** Outside OSGi (tests of other modules, e.g. the demo data): as the package-private constructor. */
    public static PatrolService standalone(EntityManagerFactory emf, AuditTrail audit, FileStore files, DeadlineTracker deadlines, SmsOutbox sms,
                                    Notifications notifications, AccountDirectory directory, EstateService estates, Clock clock) {
        return new PatrolServiceImpl(emf, audit, files, deadlines, sms, notifications, directory, estates, clock);
    }

    /** Outside OSGi (tests): over an existing persistence unit, with a clock the test controls. */
    PatrolServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, DeadlineTracker deadlines, SmsOutbox sms,
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
        this.tx = new Transactions(emf, "patrol");
        this.wf = workflow();
    }

    /** The kernel over the task's table, entity, timeline (svc_patrol_event) and counter (svc_counter, kind XC). */
    private CaseWorkflow<PatrolStatus, PatrolTaskEntity> workflow() {
        return CaseWorkflow.builder(PatrolWorkflow.TABLE, PatrolTaskEntity.class)
                .transactions(tx).clock(() -> clock)
                .timeline(new CaseTimeline("svc_patrol_event", "task_id", "svc_patrol_event_seq", 50))
                .counter(YearCounter.shared("svc_counter", "kind", "XC", "XC"))
                .finder(PatrolScopes::taskInScope)
                .parties((p, t, party) -> party == Party.COMPANY && handler(p, t.companyId))
                .domain(DOMAIN).audit("patrol-task", "patrol")
                .links(t -> "/patrols/tasks/" + t.id, t -> "patrol-task:" + t.id)
                .services(() -> audit, () -> files, () -> deadlines(), () -> sms(), () -> notifications())
                .build();
    }

    @Activate
    void activate() {
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, "patrol");
        wf = workflow();
    }

    @Deactivate
    void deactivate() {
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    // ---------------------------------------------------------------- scope (PatrolScopes)

    /** File access: the photos of a report for whoever has the report in scope. */
    public boolean mayReadReportPhotos(SpmPrincipal caller, long reportId) {
        return tx.read(em -> {
            PhotoReportEntity r = em.find(PhotoReportEntity.class, reportId);
            return r != null && inScope(caller, r);
        });
    }

    /** File access: the photos of a task for whoever has it in scope, and for anyone once it is closed (published). */
    public boolean mayReadTaskPhotos(SpmPrincipal caller, long taskId) {
        return tx.read(em -> {
            PatrolTaskEntity t = em.find(PatrolTaskEntity.class, taskId);
            return t != null && (t.status == PatrolStatus.CLOSED || (caller.can("patrol:read") && inScope(em, caller, t)));
        });
    }

    // ---------------------------------------------------------------- photo reports (随手拍)

    @Override
    public PhotoReport report(SpmPrincipal caller, PhotoReportInput in) {
        DataScope s = scope(caller);
        if (!caller.can("patrol:report") || s.kind() != DataScope.Kind.OWNER) {
            throw new ApiException(403, "patrol.notReporter", T, null);
        }
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
            return null;
        }
        if (v.required("latitude", in.latitude()) && (in.latitude().compareTo(LAT_MIN) < 0 || in.latitude().compareTo(LAT_MAX) > 0)) {
            v.error("latitude", "latitude.range", LAT_MIN, LAT_MAX);
        }
        if (v.required("longitude", in.longitude()) && (in.longitude().compareTo(LON_MIN) < 0 || in.longitude().compareTo(LON_MAX) > 0)) {
            v.error("longitude", "longitude.range", LON_MIN, LON_MAX);
        }
        v.maxLength("location", blankToNull(in.location()), 200);
        if (v.required("description", blankToNull(in.description()))) {
            v.maxLength("description", in.description(), 4000);
        }
        List<AttachmentInput> photos = in.photos() == null ? List.of() : in.photos();
        Workflows.checkPhotoCount(v, "photos", photos, true);
        Estate estate = null;
        if (in.estateId() == null) {
            List<Estate> mine = estates().list(s, EstateQuery.all(), PageRequest.of(0, 2)).items();
            if (mine.size() == 1) {
                estate = mine.get(0);
            } else {
                v.error("estateId", "estate.choose");
            }
        } else {
            try {
                estate = estates().get(s, in.estateId());
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                v.error("estateId", "estate.unknown", in.estateId());
            }
        }
        if (estate != null && estate.companyId() == null) {
            v.error("estateId", "estate.noCompany");
        }
        v.throwIfInvalid();
        final Estate fEstate = estate;
        String name = directory.contact(caller.accountId()).map(AccountDirectory.Contact::displayName).orElse(caller.username());
        return tx.write(em -> {
            Instant now = clock.instant();
            PhotoReportEntity r = new PhotoReportEntity();
            r.estateId = fEstate.id();
            r.companyId = fEstate.companyId();
            r.reporterAccountId = caller.accountId();
            r.reporterName = name;
            r.latitude = in.latitude();
            r.longitude = in.longitude();
            r.location = blankToNull(in.location());
            r.description = in.description().trim();
            r.status = PhotoReportStatus.REPORTED;
            r.reportedAt = now;
            r.touchedBy(caller.username());
            em.persist(r);
            em.flush();
            Connection con = em.unwrap(Connection.class);
            wf.attach(con, photos, caller.username(), REPORT_PHOTOS, Long.toString(r.id), "photos", true);
            wf.audit(con, caller.username(), "report", "photo-report", r.id, CaseWorkflow.fields("estateId", r.estateId, "latitude", r.latitude,
                    "longitude", r.longitude));
            return toDto(em, caller, r);
        });
    }

    @Override
    public Page<PhotoReport> reports(SpmPrincipal caller, PatrolQuery q, PageRequest page) {
        PatrolQuery query = q == null ? PatrolQuery.all() : q;
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            where.append(reportScope(caller, "r", params));
            filters(query, "r", where, params, false);
            Jpql.Rows<PhotoReportEntity> rows = Jpql.page(em, PhotoReportEntity.class, "r", where.toString(), params, page);
            return new Page<>(rows.rows().stream().map(r -> toDto(em, caller, r)).toList(), page.page(), page.size(), rows.total());
        });
    }

    @Override
    public PhotoReport getReport(SpmPrincipal caller, long id) {
        return tx.read(em -> toDto(em, caller, reportInScope(em, caller, id)));
    }

    private static void filters(PatrolQuery q, String a, StringBuilder where, Map<String, Object> params, boolean task) {
        if (task && q.status() != null) {
            where.append(" AND ").append(a).append(".status = :status");
            params.put("status", q.status());
        }
        if (q.estateId() != null) {
            where.append(" AND ").append(a).append(".estateId = :estate");
            params.put("estate", q.estateId());
        }
        if (q.companyId() != null) {
            where.append(" AND ").append(a).append(".companyId = :company");
            params.put("company", q.companyId());
        }
    }

    // ---------------------------------------------------------------- patrol tasks (COS-5)

    @Override
    public PatrolTask createTask(SpmPrincipal caller, PatrolTaskInput in) {
        DataScope s = scope(caller);
        if (!caller.can("patrol:handle") || s.kind() != DataScope.Kind.COMPANY) {
            throw notHandler();
        }
        Validation v = new Validation(T);
        List<Long> ids = in == null || in.reportIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(in.reportIds()));
        if (ids.isEmpty() || ids.contains(null)) {
            v.error("reportIds", "reports.required");
        }
        String title = in == null ? null : blankToNull(in.title());
        if (title != null && title.length() > 200) {
            v.error("title", "title.length", 200);
        }
        Instant dueAt = in == null ? null : in.dueAt();
        Instant now0 = clock.instant();
        if (dueAt != null && !dueAt.isAfter(now0)) {
            v.error("dueAt", "dueAt.past");
        }
        v.throwIfInvalid();
        return tx.write(em -> {
            Instant now = clock.instant();
            Validation rv = new Validation(T);
            List<PhotoReportEntity> reports = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                PhotoReportEntity r = em.find(PhotoReportEntity.class, ids.get(i));
                if (r == null || !inScope(caller, r)) {
                    rv.error("reportIds[" + i + "]", "report.unknown", ids.get(i));
                } else if (r.status != PhotoReportStatus.REPORTED) {
                    rv.error("reportIds[" + i + "]", "report.taken", ids.get(i));
                } else if (!reports.isEmpty() && reports.get(0).estateId != r.estateId) {
                    rv.error("reportIds[" + i + "]", "report.otherEstate");
                } else {
                    reports.add(r);
                }
            }
            rv.throwIfInvalid();
            PhotoReportEntity first = reports.get(0);
            PatrolTaskEntity t = new PatrolTaskEntity();
            t.number = wf.number(em, now);
            t.estateId = first.estateId;
            t.companyId = first.companyId;
            t.title = title != null ? title : (first.description.length() <= 200 ? first.description : first.description.substring(0, 199) + "…");
            t.dueAt = now; // set below from the time limit
            t.moveTo(PatrolStatus.OPEN, now, caller.username());
            em.persist(t);
            em.flush();
            Connection con = em.unwrap(Connection.class);
            Deadline limit = deadlines().start(con, new TrackedItem(DOMAIN, t.id, CATEGORY, t.number + " " + t.title, t.estateId, t.companyId,
                    caller.accountId(), null, now));
            if (dueAt != null && dueAt.isAfter(limit.dueAt())) {
                throw ApiException.invalid(T, "dueAt", "dueAt.beyondLimit", WHEN.format(limit.dueAt()));
            }
            t.dueAt = dueAt != null ? dueAt : limit.dueAt();
            for (PhotoReportEntity r : reports) {
                r.status = PhotoReportStatus.TASKED;
                r.taskId = t.id;
                r.touchedBy(caller.username());
            }
            em.flush();
            wf.created(em, caller.username(), t, now, "createTask", reports.stream().map(r -> "#" + r.id).collect(Collectors.joining(" ")),
                    CaseWorkflow.fields("number", t.number, "estateId", t.estateId, "reports", ids, "dueAt", t.dueAt.toString()));
            return toDto(em, t);
        });
    }

    @Override
    public Page<PatrolTask> tasks(SpmPrincipal caller, PatrolQuery q, PageRequest page) {
        PatrolQuery query = q == null ? PatrolQuery.all() : q;
        // a write transaction so the deadline is read on the unit's connection (a read-only one has none bound)
        return tx.write(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            where.append(taskScope(caller, "t", params));
            filters(query, "t", where, params, true);
            Jpql.Rows<PatrolTaskEntity> rows = Jpql.page(em, PatrolTaskEntity.class, "t", where.toString(), params, page);
            return new Page<>(rows.rows().stream().map(t -> toDto(em, t)).toList(), page.page(), page.size(), rows.total());
        });
    }

    @Override
    public PatrolTask getTask(SpmPrincipal caller, long id) {
        return tx.write(em -> toDto(em, taskInScope(em, caller, id)));
    }

    @Override
    public List<PatrolEvent> events(SpmPrincipal caller, long taskId) {
        return wf.events(caller, taskId).stream().map(e -> new PatrolEvent(e.id(), e.caseId(), e.action(), status(e.from()), status(e.to()),
                e.actor(), e.at(), e.note())).toList();
    }

    private static PatrolStatus status(String name) {
        return name == null ? null : PatrolStatus.valueOf(name);
    }

    @Override
    public PatrolTask inspect(SpmPrincipal caller, long id, long expectedVersion, PatrolResult findings) {
        return fire(caller, id, expectedVersion, "inspect", findings, (step, t) -> {
            t.findings = step.text();
            step.attachTo(TASK_PHOTOS);
        });
    }

    @Override
    public PatrolTask close(SpmPrincipal caller, long id, long expectedVersion, PatrolResult fix) {
        return fire(caller, id, expectedVersion, "close", fix, (step, t) -> {
            t.fix = step.text();
            step.attachTo(FIX_PHOTOS);
            List<PhotoReportEntity> reports = step.em().createQuery("SELECT r FROM PhotoReportEntity r WHERE r.taskId = :t ORDER BY r.id",
                    PhotoReportEntity.class).setParameter("t", t.id).getResultList();
            // COS-5: the result is fed back to every reporting owner, in-app and by SMS, with the close (a rollback sends nothing)
            String estateName = estates().get(DataScope.ALL, t.estateId).name();
            Map<String, String> params = Map.of("estate", estateName, "result", Workflows.smsText(t.fix));
            Set<Long> told = new LinkedHashSet<>();
            for (PhotoReportEntity r : reports) {
                r.status = PhotoReportStatus.CLOSED;
                r.touchedBy(caller.username());
                if (told.add(r.reporterAccountId)) {
                    step.notify(r.reporterAccountId, ServiceMessageKinds.PATROL_RESULT, params);
                    step.sms(directory.contact(r.reporterAccountId).map(AccountDirectory.Contact::phone)
                            .filter(p -> p != null && Phones.isValid(p)).orElse(null), ServiceMessageKinds.PATROL_RESULT, params);
                }
            }
        });
    }

    private PatrolTask fire(SpmPrincipal caller, long id, long expectedVersion, String transition, PatrolResult result,
                            Effect<PatrolStatus, PatrolTaskEntity> effect) {
        TransitionInput in = result == null ? null : new TransitionInput(result.text(), result.photos());
        return wf.fire(caller, id, expectedVersion, transition, in, effect, (em, p, t) -> toDto(em, t));
    }

    private Instant closedAt(EntityManager em, PatrolTaskEntity t) {
        return t.status == PatrolStatus.CLOSED ? wf.lastAt(em, t.id, "close") : null;
    }

    // ---------------------------------------------------------------- public (SVC-PAT-1, DIS-5)

    @Override
    public Page<PublicPatrol> published(Long estateId, Long companyId, PageRequest page) {
        Map<String, Estate> estateCache = new HashMap<>();
        // a write transaction: the timeline (the time of the close) is read on the unit's connection
        return tx.write(em -> {
            StringBuilder where = new StringBuilder(" WHERE t.status = :closed");
            Map<String, Object> params = new HashMap<>();
            params.put("closed", PatrolStatus.CLOSED);
            filters(new PatrolQuery(null, estateId, companyId), "t", where, params, false);
            Jpql.Rows<PatrolTaskEntity> rows = Jpql.page(em, PatrolTaskEntity.class, "t", where.toString(), params, page);
            Connection con = em.unwrap(Connection.class);
            List<PublicPatrol> items = new ArrayList<>();
            for (PatrolTaskEntity t : rows.rows()) {
                Estate e = estateCache.computeIfAbsent(Long.toString(t.estateId), k -> estates().get(DataScope.ALL, t.estateId));
                List<String> photoIds = new ArrayList<>();
                files.attached(con, TASK_PHOTOS, Long.toString(t.id)).forEach(a -> photoIds.add(a.fileId()));
                files.attached(con, FIX_PHOTOS, Long.toString(t.id)).forEach(a -> photoIds.add(a.fileId()));
                items.add(new PublicPatrol(t.id, t.number, t.estateId, e.name(), t.companyId, e.companyName(), t.title, t.findings, t.fix,
                        t.getCreatedAt(), t.dueAt, closedAt(em, t), photoIds));
            }
            return new Page<>(items, page.page(), page.size(), rows.total());
        });
    }

    @Override
    public boolean publishedPhoto(long taskId, String fileId) {
        return tx.read(em -> {
            PatrolTaskEntity t = em.find(PatrolTaskEntity.class, taskId);
            if (t == null || t.status != PatrolStatus.CLOSED || fileId == null) {
                return false;
            }
            Connection con = em.unwrap(Connection.class);
            String ref = Long.toString(taskId);
            return files.attached(con, TASK_PHOTOS, ref).stream().anyMatch(a -> fileId.equals(a.fileId()))
                    || files.attached(con, FIX_PHOTOS, ref).stream().anyMatch(a -> fileId.equals(a.fileId()));
        });
    }

    // ---------------------------------------------------------------- views

    private PhotoReport toDto(EntityManager em, SpmPrincipal caller, PhotoReportEntity r) {
        boolean mine = r.reporterAccountId == caller.accountId();
        List<Attachment> photos = files.attached(em.unwrap(Connection.class), REPORT_PHOTOS, Long.toString(r.id));
        return new PhotoReport(r.id, r.estateId, r.companyId, r.reporterAccountId, mine ? r.reporterName : PersonalData.maskName(r.reporterName),
                r.latitude, r.longitude, r.location, r.description, photos, r.status, r.taskId, r.reportedAt, r.getVersion());
    }

    private PatrolTask toDto(EntityManager em, PatrolTaskEntity t) {
        Connection con = em.unwrap(Connection.class);
        String ref = Long.toString(t.id);
        List<Long> reportIds = em.createQuery("SELECT r.id FROM PhotoReportEntity r WHERE r.taskId = :t ORDER BY r.id", Long.class)
                .setParameter("t", t.id).getResultList();
        Instant limitDue = con == null ? null : deadlines().find(con, DOMAIN, t.id).map(Deadline::dueAt).orElse(null);
        return new PatrolTask(t.id, t.number, t.estateId, t.companyId, t.title, reportIds, t.status, t.dueAt, limitDue, t.findings,
                files.attached(con, TASK_PHOTOS, ref), t.fix, files.attached(con, FIX_PHOTOS, ref), t.getCreatedBy(), t.getCreatedAt(),
                t.statusChangedAt, closedAt(em, t), t.getVersion());
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

