package org.smartproperty.complaint.internal;

import static org.smartproperty.complaint.internal.ComplaintParties.assignee;
import static org.smartproperty.complaint.internal.ComplaintParties.complainant;
import static org.smartproperty.complaint.internal.ComplaintParties.findInScope;
import static org.smartproperty.complaint.internal.ComplaintParties.fullView;
import static org.smartproperty.complaint.internal.ComplaintParties.inScope;
import static org.smartproperty.complaint.internal.ComplaintParties.scope;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.smartproperty.company.CompanyService;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintEvent;
import org.smartproperty.complaint.ComplaintInput;
import org.smartproperty.complaint.ComplaintMessages;
import org.smartproperty.complaint.ComplaintQuery;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.complaint.ComplaintStatus;
import org.smartproperty.complaint.ComplaintWorkflow;
import org.smartproperty.complaint.Dispatch;
import org.smartproperty.complaint.Resolution;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.estate.EstateService;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.Phones;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.Job;
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
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Complaints on JPA (SVC-CMP-1..4; SVC-CMP-5 through the deadline engine): the complaint, its
 * timeline, its deadline (domain {@code complaint}, category = the complaint's), its SMS and
 * in-app notifications and its audit rows are all written in the one transaction of each call.
 * The transitions are {@link ComplaintWorkflow#TABLE}'s, fired through the platform's workflow
 * kernel ({@link CaseWorkflow}); this class adds what is the complaint's own (dispatch targets,
 * the claim of a forwarded complaint, the reopen window, who is told what).
 * The feedback step (SVC-CMP-4) is the SMS with the result queued when the complaint becomes
 * RESOLVED; it becomes CLOSED when the complainant confirms, or automatically
 * {@code autoClose.days} after the result; the complainant may reopen within
 * {@code reopen.windowDays} of the result (from RESOLVED or CLOSED).
 * Its parts (issue 10 item 5): {@link ComplaintParties} (who may do what, scope) and
 * {@link ComplaintRegistration} (SVC-CMP-1).
 */
@Component(service = {ComplaintService.class, ComplaintInternals.class}, configurationPid = "org.smartproperty.complaint",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ComplaintConfig.class)
public class ComplaintServiceImpl implements ComplaintService, ComplaintInternals {

    static final String UNIT = "complaint";
    /** Domain of the deadlines, owner kind of the photos in the file store. */
    static final String DOMAIN = "complaint";
    static final int MAX_PHOTOS = 9;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintServiceImpl.class);
    static final Messages T = ComplaintMessages.TEXTS;

    /** Settings in force (PID org.smartproperty.complaint). */
    record Settings(int reopenWindowDays, int autoCloseDays, int intervalMinutes) {
        static final Settings DEFAULTS = new Settings(15, 7, 60);

        static Settings of(int reopen, int autoClose, int interval) {
            StringBuilder problems = new StringBuilder();
            if (reopen < 1) {
                problems.append(" reopen.windowDays=").append(reopen).append(" (≥ 1)");
            }
            if (autoClose < 1) {
                problems.append(" autoClose.days=").append(autoClose).append(" (≥ 1)");
            }
            if (interval < 1) {
                problems.append(" autoClose.intervalMinutes=").append(interval).append(" (≥ 1)");
            }
            if (problems.length() > 0) {
                throw new IllegalArgumentException("Complaint configuration refused:" + problems);
            }
            return new Settings(reopen, autoClose, interval);
        }
    }

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.complaint.impl)")
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

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CompanyService companies;

    // the credit domain (issue 14, CRD-2): an upheld complaint is reported as a signal in the same transaction; dynamic
    // like the others, 503 for an upheld verdict while it is away (the verdict is not recorded without its signal)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CreditSignals creditSignals;

    private EntityManagerFactory emf;
    private Transactions tx;
    private CaseWorkflow<ComplaintStatus, ComplaintEntity> wf;
    private Clock clock = Clock.systemUTC();
    private volatile Settings settings = Settings.DEFAULTS;
    private ServiceRegistration<Job> job;
    private final ComplaintRegistration registration = new ComplaintRegistration(this, this::estates, this::companies);

    public ComplaintServiceImpl() {
    }

    /** Outside OSGi (tests of other modules, e.g. the demo data): as the package-private constructor. */
    public static ComplaintService standalone(EntityManagerFactory emf, AuditTrail audit, FileStore files, DeadlineTracker deadlines,
                                              SmsOutbox sms, Notifications notifications, AccountDirectory directory, EstateService estates,
                                              CompanyService companies, Clock clock) {
        return new ComplaintServiceImpl(emf, audit, files, deadlines, sms, notifications, directory, estates, companies, null, clock);
    }

    /** Outside OSGi, with the credit domain's signals (null: an upheld verdict answers 503). */
    public static ComplaintService standalone(EntityManagerFactory emf, AuditTrail audit, FileStore files, DeadlineTracker deadlines,
                                              SmsOutbox sms, Notifications notifications, AccountDirectory directory, EstateService estates,
                                              CompanyService companies, CreditSignals signals, Clock clock) {
        return new ComplaintServiceImpl(emf, audit, files, deadlines, sms, notifications, directory, estates, companies, signals, clock);
    }

    /** Outside OSGi (tests): over an existing persistence unit, with a clock the test controls. */
    ComplaintServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, DeadlineTracker deadlines, SmsOutbox sms,
                         Notifications notifications, AccountDirectory directory, EstateService estates, CompanyService companies,
                         Clock clock) {
        this(emf, audit, files, deadlines, sms, notifications, directory, estates, companies, null, clock);
    }

    /** Outside OSGi (tests): as above, with the credit domain's signals. */
    ComplaintServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, DeadlineTracker deadlines, SmsOutbox sms,
                         Notifications notifications, AccountDirectory directory, EstateService estates, CompanyService companies,
                         CreditSignals signals, Clock clock) {
        this.emf = emf;
        this.creditSignals = signals;
        this.audit = audit;
        this.files = files;
        this.deadlines = deadlines;
        this.sms = sms;
        this.notifications = notifications;
        this.directory = directory;
        this.estates = estates;
        this.companies = companies;
        this.clock = clock;
        this.tx = new Transactions(emf, "complaint");
        this.wf = workflow();
    }

    /** The kernel over the complaint's table, entity, timeline (cpl_event) and counter (cpl_complaint_counter). */
    private CaseWorkflow<ComplaintStatus, ComplaintEntity> workflow() {
        return CaseWorkflow.builder(ComplaintWorkflow.TABLE, ComplaintEntity.class)
                .transactions(tx).clock(() -> clock)
                .timeline(new CaseTimeline("cpl_event", "complaint_id", "cpl_event_seq", 50))
                .counter(YearCounter.of("cpl_complaint_counter", "TS"))
                .finder(ComplaintParties::findInScope)
                .parties(ComplaintParties::isParty)
                .domain(DOMAIN)
                .links(ComplaintServiceImpl::link, ComplaintServiceImpl::reference)
                .trackedItem((c, now) -> new TrackedItem(DOMAIN, c.id, c.category.name(), c.number + " " + c.title, c.estateId, c.companyId,
                        c.assigneeAccountId, null, now))
                .services(() -> audit, () -> files, () -> deadlines(), () -> sms(), () -> notifications())
                .build();
    }

    @Activate
    void activate(ComplaintConfig config, BundleContext context) {
        configure(config);
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, "complaint");
        wf = workflow();
        job = context.registerService(Job.class, autoCloseJob(), null);
    }

    /** The auto-close as a platform job (issue 10 item 3): every {@code autoClose.intervalMinutes}, one node at a time. */
    Job autoCloseJob() {
        return wf.job(autoClose, n -> n + " closed");
    }

    /** RESOLVED → CLOSED {@code autoClose.days} after the result, checked every {@code autoClose.intervalMinutes}. */
    private final Timeout autoClose = new Timeout("complaint.auto-close", "autoClose", "close",
            () -> Duration.ofDays(settings.autoCloseDays()), () -> Duration.ofMinutes(settings.intervalMinutes()));

    @Modified
    void modified(ComplaintConfig config) {
        configure(config);
    }

    void configure(ComplaintConfig config) {
        configure(config.reopen_windowDays(), config.autoClose_days(), config.autoClose_intervalMinutes());
    }

    /** Applies a configuration; an invalid one is refused as a whole and logged, the settings in force stay. @return whether applied */
    boolean configure(int reopenWindowDays, int autoCloseDays, int intervalMinutes) {
        try {
            settings = Settings.of(reopenWindowDays, autoCloseDays, intervalMinutes);
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

    CaseWorkflow<ComplaintStatus, ComplaintEntity> wf() {
        return wf;
    }

    Clock clock() {
        return clock;
    }

    AccountDirectory directory() {
        return directory;
    }

    // ---------------------------------------------------------------- who may do what, scope (ComplaintParties)

    /** Whether the caller may read a complaint's photos (its file access policy). */
    public boolean mayReadPhotos(SpmPrincipal caller, long complaintId) {
        return tx.read(em -> {
            ComplaintEntity c = em.find(ComplaintEntity.class, complaintId);
            return c != null && inScope(caller, c);
        });
    }

    // ---------------------------------------------------------------- registration (ComplaintRegistration, SVC-CMP-1, OWN-5, OCS-8)

    @Override
    public Complaint create(SpmPrincipal caller, ComplaintInput in) {
        return registration.create(caller, in);
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Page<Complaint> list(SpmPrincipal caller, ComplaintQuery q, PageRequest page) {
        ComplaintQuery query = q == null ? ComplaintQuery.all() : q;
        return tx.write(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            where.append(scope(caller, "c", params));
            if (query.status() != null) {
                where.append(" AND c.status = :status");
                params.put("status", query.status());
            }
            if (query.category() != null) {
                where.append(" AND c.category = :category");
                params.put("category", query.category());
            }
            if (query.estateId() != null) {
                where.append(" AND c.estateId = :estate");
                params.put("estate", query.estateId());
            }
            if (query.companyId() != null) {
                where.append(" AND c.companyId = :company");
                params.put("company", query.companyId());
            }
            Jpql.Rows<ComplaintEntity> rows = Jpql.page(em, ComplaintEntity.class, "c", where.toString(), params, page);
            List<Complaint> items = rows.rows().stream().map(c -> toDto(em, caller, c, true)).toList();
            return new Page<>(items, page.page(), page.size(), rows.total());
        });
    }

    @Override
    public Map<Long, Long> countByEstate(SpmPrincipal caller, java.util.Collection<Long> estateIds) {
        if (estateIds.isEmpty()) {
            return Map.of();
        }
        return tx.read(em -> {
            Map<String, Object> params = new HashMap<>();
            String where = " WHERE 1 = 1" + scope(caller, "c", params);
            return org.smartproperty.platform.persistence.Jpql.countBy(em, ComplaintEntity.class, "c", "estateId", where, params,
                    estateIds);
        });
    }

    @Override
    public Complaint get(SpmPrincipal caller, long id) {
        return tx.write(em -> {
            ComplaintEntity c = findInScope(em, caller, id);
            Complaint dto = toDto(em, caller, c, false);
            if (dto.fullPersonalData() && !complainant(caller, c) && c.complainantName != null) {
                wf.audit(em.unwrap(Connection.class), caller.username(), "view-full", c.id, CaseWorkflow.fields("number", c.number));
            }
            return dto;
        });
    }

    @Override
    public List<ComplaintEvent> events(SpmPrincipal caller, long id) {
        return wf.events(caller, id).stream().map(e -> new ComplaintEvent(e.id(), e.caseId(), e.action(), status(e.from()), status(e.to()),
                e.actor(), e.at(), e.note())).toList();
    }

    private static ComplaintStatus status(String name) {
        return name == null ? null : ComplaintStatus.valueOf(name);
    }

    // ---------------------------------------------------------------- transitions (SVC-CMP-2..4, ComplaintWorkflow.TABLE)

    @Override
    public Complaint dispatch(SpmPrincipal caller, long id, long expectedVersion, Dispatch d) {
        Validation v = new Validation(T);
        boolean forward = d != null && Boolean.TRUE.equals(d.forwardToCompany());
        Long officer = d == null ? null : d.officerAccountId();
        if (forward == (officer != null)) {
            v.error("officerAccountId", "dispatch.target");
        }
        if (d != null) {
            v.maxLength("note", d.note(), 4000);
        }
        v.throwIfInvalid();
        if (officer != null && directory.accountsWithRole(Role.OFFICER).stream().noneMatch(a -> a.accountId() == officer)) {
            throw ApiException.invalid(T, "officerAccountId", "dispatch.notOfficer", officer);
        }
        return fire(caller, id, expectedVersion, "dispatch", d == null ? null : d.note(), (step, c) -> {
            Connection con = step.connection();
            Long assignee = officer;
            if (forward) {
                if (c.companyId == null) {
                    throw ApiException.conflict(T, "dispatch.noCompany");
                }
                List<AccountDirectory.Contact> accounts = directory.accountsOf(DataScope.company(c.companyId));
                assignee = accounts.isEmpty() ? null : accounts.get(0).accountId();
            }
            c.assigneeAccountId = forward ? null : officer;
            c.forwarded = forward;
            Deadline dl = deadlines().reassign(con, DOMAIN, c.id, assignee, caller.accountId());
            Map<String, String> params = Map.of("no", c.number, "deadline", WHEN.format(dl.dueAt()));
            if (forward) {
                for (AccountDirectory.Contact a : directory.accountsOf(DataScope.company(c.companyId))) {
                    step.notify(a.accountId(), ComplaintMessageKinds.COMPLAINT_ASSIGNED, params);
                }
                step.detail("forwardToCompany", c.companyId);
            } else {
                step.notify(officer, ComplaintMessageKinds.COMPLAINT_ASSIGNED, params);
                step.detail("officer", officer);
            }
        });
    }

    @Override
    public Complaint accept(SpmPrincipal caller, long id, long expectedVersion, String note) {
        return fire(caller, id, expectedVersion, "accept", note, (step, c) -> {
            if (c.forwarded && c.assigneeAccountId == null && assignee(caller, c)) {
                c.assigneeAccountId = caller.accountId();
                Deadline dl = deadlines().find(step.connection(), DOMAIN, c.id).orElse(null);
                deadlines().reassign(step.connection(), DOMAIN, c.id, caller.accountId(), dl == null ? null : dl.supervisorAccountId());
            }
        });
    }

    @Override
    public Complaint waitForComplainant(SpmPrincipal caller, long id, long expectedVersion, String note) {
        return fire(caller, id, expectedVersion, "wait", note, null);
    }

    @Override
    public Complaint resume(SpmPrincipal caller, long id, long expectedVersion, String note) {
        return fire(caller, id, expectedVersion, "resume", note, null);
    }

    @Override
    public Complaint resolve(SpmPrincipal caller, long id, long expectedVersion, String result) {
        return resolve(caller, id, expectedVersion, Resolution.of(result));
    }

    /**
     * The result, and the verdict (issue 14, CRD-2) passed beside the kernel's text the way dispatch passes its target: read by
     * the effect, kept on the complaint and in the timeline's details. An upheld complaint naming a company emits
     * {@code COMPLAINT/upheld} (key {@code complaint-upheld:<id>}, so a complaint reopened and upheld again gives one record,
     * reference = the complaint's number) on the transaction's connection.
     */
    @Override
    public Complaint resolve(SpmPrincipal caller, long id, long expectedVersion, Resolution resolution) {
        Boolean upheld = resolution == null ? null : resolution.upheld();
        if (upheld != null && caller.scope() != null && caller.scope().kind() == DataScope.Kind.COMPANY) {
            // the company a complaint was forwarded to resolves it, but never judges it against itself (it sees only its own)
            throw ApiException.invalid(T, "upheld", "upheld.byCompany");
        }
        return fire(caller, id, expectedVersion, "resolve", resolution == null ? null : resolution.result(), (step, c) -> {
            c.result = step.text();
            c.upheld = upheld;
            if (upheld != null) {
                step.detail("upheld", upheld);
            }
            if (Boolean.TRUE.equals(upheld) && c.companyId != null) {
                ApiException.requireAvailable(creditSignals, "credit").emit(step.connection(), new CreditSignal("COMPLAINT", "upheld",
                        c.companyId, "complaint-upheld:" + c.id, LocalDate.ofInstant(step.now(), ZONE), c.number));
            }
            // SVC-CMP-4: the feedback to the complainant, queued with the result (a rollback sends nothing)
            tellResult(step, c, c.result);
        });
    }

    @Override
    public Complaint close(SpmPrincipal caller, long id, long expectedVersion, String note) {
        return fire(caller, id, expectedVersion, "close", note, null);
    }

    @Override
    public Complaint reopen(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        return fire(caller, id, expectedVersion, "reopen", reason, (step, c) -> {
            Instant resolvedAt = wf.lastAt(step.em(), c.id, "resolve");
            int days = settings.reopenWindowDays();
            Instant until = resolvedAt.plus(days, ChronoUnit.DAYS);
            if (step.now().isAfter(until)) {
                throw ApiException.conflict(T, "complaint.reopenWindow", WHEN.format(resolvedAt), days, WHEN.format(until));
            }
            c.assigneeAccountId = null;
            c.forwarded = false;
            c.result = null;
            c.upheld = null;
        });
    }

    @Override
    public Complaint reject(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        return fire(caller, id, expectedVersion, "reject", reason, (step, c) -> {
            c.reason = step.text();
            tellResult(step, c, c.reason);
        });
    }

    /** The result (or the reason of a rejection) to the complainant: SMS where {@link #smsPhone} allows, in-app to an account. */
    private void tellResult(org.smartproperty.platform.workflow.jpa.Step<ComplaintStatus, ComplaintEntity> step, ComplaintEntity c,
                            String text) {
        Map<String, String> params = Map.of("no", c.number, "result", smsText(text));
        step.sms(smsPhone(c).orElse(null), ComplaintMessageKinds.COMPLAINT_RESULT, params);
        if (c.complainantAccountId != null) {
            step.notify(c.complainantAccountId, ComplaintMessageKinds.COMPLAINT_RESULT, params);
        }
    }

    /**
     * Closes RESOLVED complaints whose result is older than {@code autoClose.days} (the complainant
     * did not confirm): the kernel's timeout, one transaction per complaint with the version check,
     * so two nodes never close one twice. @return how many were closed
     */
    int closeUnconfirmed() {
        return wf.runTimeout(autoClose);
    }

    private Complaint fire(SpmPrincipal caller, long id, long expectedVersion, String transition, String text,
                           Effect<ComplaintStatus, ComplaintEntity> effect) {
        return wf.fire(caller, id, expectedVersion, transition, TransitionInput.of(text), effect, (em, p, c) -> toDto(em, p, c, false));
    }

    // ---------------------------------------------------------------- views

    Complaint toDto(EntityManager em, SpmPrincipal caller, ComplaintEntity c, boolean list) {
        boolean full = list ? complainant(caller, c) : fullView(caller, c);
        Connection con = em.unwrap(Connection.class);
        List<Attachment> photos = files.attached(con, DOMAIN, Long.toString(c.id));
        Instant resolvedAt = c.status == ComplaintStatus.RESOLVED || c.status == ComplaintStatus.CLOSED ? wf.lastAt(em, c.id, "resolve") : null;
        Instant reopenUntil = resolvedAt == null ? null : resolvedAt.plus(settings.reopenWindowDays(), ChronoUnit.DAYS);
        Instant dueAt = null;
        if (con != null && c.status.open()) {
            dueAt = deadlines().find(con, DOMAIN, c.id).map(Deadline::dueAt).orElse(null);
        }
        return new Complaint(c.id, c.number, c.channel, c.category, c.estateId, c.companyId, c.complainantAccountId,
                full ? c.complainantName : PersonalData.maskName(c.complainantName),
                full ? c.complainantPhone : PersonalData.maskPhone(c.complainantPhone), full,
                c.title, c.content, photos, c.status, c.assigneeAccountId, c.forwarded, c.result, c.reason,
                c.registeredAt, c.getCreatedBy(), c.statusChangedAt, resolvedAt, reopenUntil, dueAt, c.getVersion(), c.upheld);
    }

    // ---------------------------------------------------------------- helpers

    /** SMS parameters are at most 100 characters; a longer result is cut (the full text is online). */
    static String smsText(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    /**
     * Where the complainant's SMS go (SVC-CMP-1, SVC-CMP-4; issue 20 item 5), empty when nowhere.
     * <ul>
     * <li>Filed online (PORTAL, MINI_PROGRAM: an owner, committee or company on its own account):
     * only the account's own phone, as {@link AccountDirectory#contact} gives it now (set by an
     * administrator or taken from the provincial identity provider). The phone in the request body
     * is kept as a contact number for the officer (SVC-CMP-3) but never texted: anyone can type
     * any number there, and the platform would send the regulator's SMS to a stranger. An account
     * without a phone gets the in-app notification only.</li>
     * <li>Registered by the regulator's staff for a caller (PHONE, HOTLINE_12345, WALK_IN,
     * LETTER): the number the clerk took from the caller, the only number such a complainant has
     * with us; the clerk is accountable for it (the registration is audited under the clerk's
     * name).</li>
     * </ul>
     * Either way only a mainland, Macao or Hong Kong mobile takes SMS; a landline is kept but gets none.
     */
    Optional<String> smsPhone(ComplaintEntity c) {
        String phone;
        if (c.channel.online()) {
            phone = c.complainantAccountId == null ? null
                    : directory.contact(c.complainantAccountId).map(AccountDirectory.Contact::phone).orElse(null);
        } else {
            phone = c.complainantPhone;
        }
        return Phones.normalize(phone);
    }

    private static String reference(ComplaintEntity c) {
        return "complaint:" + c.id;
    }

    private static String link(ComplaintEntity c) {
        return "/complaints/" + c.id;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
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

    /** The company domain's CompanyService, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private CompanyService companies() {
        return ApiException.requireAvailable(companies, "company");
    }
}

