package org.smartproperty.complaint.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyService;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintChannel;
import org.smartproperty.complaint.ComplaintEvent;
import org.smartproperty.complaint.ComplaintInput;
import org.smartproperty.complaint.ComplaintMessages;
import org.smartproperty.complaint.ComplaintQuery;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.complaint.ComplaintStatus;
import org.smartproperty.complaint.ComplaintWorkflow;
import org.smartproperty.complaint.Dispatch;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.notification.MessageKind;
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
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.workflow.Party;
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
    private static final Messages T = ComplaintMessages.TEXTS;

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

    private EntityManagerFactory emf;
    private Transactions tx;
    private CaseWorkflow<ComplaintStatus, ComplaintEntity> wf;
    private Clock clock = Clock.systemUTC();
    private volatile Settings settings = Settings.DEFAULTS;
    private ServiceRegistration<Job> job;

    public ComplaintServiceImpl() {
    }

    /** Outside OSGi (tests): over an existing persistence unit, with a clock the test controls. */
    ComplaintServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, DeadlineTracker deadlines, SmsOutbox sms,
                         Notifications notifications, AccountDirectory directory, EstateService estates, CompanyService companies,
                         Clock clock) {
        this.emf = emf;
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
                .finder(ComplaintServiceImpl::findInScope)
                .parties(ComplaintServiceImpl::isParty)
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

    // ---------------------------------------------------------------- who may do what

    private static boolean staff(SpmPrincipal p) {
        return p.can("complaint:dispatch");
    }

    private static boolean complainant(SpmPrincipal p, ComplaintEntity c) {
        return c.complainantAccountId != null && c.complainantAccountId == p.accountId();
    }

    /** The assigned officer, or a user of the company the complaint was forwarded to. */
    private static boolean assignee(SpmPrincipal p, ComplaintEntity c) {
        if (c.assigneeAccountId != null && c.assigneeAccountId == p.accountId()) {
            return true;
        }
        DataScope s = p.scope();
        return c.forwarded && p.can("complaint:handle") && s != null && s.kind() == DataScope.Kind.COMPANY
                && Objects.equals(s.companyId(), c.companyId);
    }

    /** The parties of {@link ComplaintWorkflow#TABLE}. */
    private static boolean isParty(SpmPrincipal p, ComplaintEntity c, Party party) {
        switch (party) {
            case ASSIGNEE:
                return assignee(p, c);
            case REGULATOR:
                return staff(p);
            case REPORTER:
                return complainant(p, c);
            default:
                return false;
        }
    }

    /** Names and phones in full: for the complainant, the handler, and the regulator's staff who may see personal data (ID-2). */
    private static boolean fullView(SpmPrincipal p, ComplaintEntity c) {
        return complainant(p, c) || assignee(p, c) || (staff(p) && p.fullPersonalData());
    }

    // ---------------------------------------------------------------- scope

    /** JPQL condition limiting complaints (alias {@code c}) to what the caller may see. */
    static String scope(SpmPrincipal p, String c, Map<String, Object> params) {
        DataScope s = p == null || p.scope() == null ? DataScope.NONE : p.scope();
        switch (s.kind()) {
            case ALL:
                return "";
            case COMPANY:
                params.put("scopeCompany", s.companyId());
                return " AND " + c + ".companyId = :scopeCompany";
            case COMMITTEE:
                params.put("me", p.accountId());
                if (s.estateIds().isEmpty()) {
                    return " AND " + c + ".complainantAccountId = :me";
                }
                params.put("scopeEstates", List.copyOf(s.estateIds()));
                return " AND (" + c + ".estateId IN :scopeEstates OR " + c + ".complainantAccountId = :me)";
            case OWNER:
                params.put("me", p.accountId());
                return " AND " + c + ".complainantAccountId = :me";
            default:
                return " AND 1 = 0";
        }
    }

    static boolean inScope(SpmPrincipal p, ComplaintEntity c) {
        DataScope s = p == null || p.scope() == null ? DataScope.NONE : p.scope();
        switch (s.kind()) {
            case ALL:
                return true;
            case COMPANY:
                return c.companyId != null && c.companyId.equals(s.companyId());
            case COMMITTEE:
                return complainant(p, c) || (c.estateId != null && s.estateIds().contains(c.estateId));
            case OWNER:
                return complainant(p, c);
            default:
                return false;
        }
    }

    private static ComplaintEntity findInScope(EntityManager em, SpmPrincipal caller, long id) {
        ComplaintEntity c = em.find(ComplaintEntity.class, id);
        if (c == null || !inScope(caller, c)) {
            throw notFound(id);
        }
        return c;
    }

    static ApiException notFound(Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text("objects.complaint"), String.valueOf(id));
    }

    /** Whether the caller may read a complaint's photos (its file access policy). */
    public boolean mayReadPhotos(SpmPrincipal caller, long complaintId) {
        return tx.read(em -> {
            ComplaintEntity c = em.find(ComplaintEntity.class, complaintId);
            return c != null && inScope(caller, c);
        });
    }

    // ---------------------------------------------------------------- registration (SVC-CMP-1, OWN-5, OCS-8)

    @Override
    public Complaint create(SpmPrincipal caller, ComplaintInput in) {
        boolean registrar = caller.can("complaint:register");
        boolean filer = caller.can("complaint:file");
        if (!registrar && !filer) {
            throw new ApiException(403, "complaint.notHandler", T, null);
        }
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
            return null;
        }
        ComplaintChannel channel = in.channel();
        String name = blankToNull(in.complainantName());
        String phone = blankToNull(in.complainantPhone());
        Long estateId = in.estateId();
        DataScope s = caller.scope() == null ? DataScope.NONE : caller.scope();
        if (registrar) {
            if (v.required("channel", channel) && channel.online()) {
                v.error("channel", "channel.staff");
            }
            if (name == null) {
                v.error("complainantName", "complainant.name");
            }
            if (phone == null) {
                v.error("complainantPhone", "complainant.phone");
            }
        } else {
            channel = channel == null ? ComplaintChannel.PORTAL : channel;
            if (!channel.online()) {
                v.error("channel", "channel.online");
            }
            if (s.kind() == DataScope.Kind.COMMITTEE) {
                if (estateId == null && s.estateIds().size() == 1) {
                    estateId = s.estateIds().iterator().next();
                } else if (estateId == null || !s.estateIds().contains(estateId)) {
                    v.error("estateId", "estate.committee");
                }
            }
            Optional<AccountDirectory.Contact> me = directory.contact(caller.accountId());
            if (name == null) {
                name = me.map(AccountDirectory.Contact::displayName).orElse(caller.username());
            }
            if (phone == null) {
                phone = me.map(AccountDirectory.Contact::phone).orElse(null);
            }
        }
        v.maxLength("complainantName", name, 100);
        if (phone != null && !phone.matches("[+0-9 ()\\-]{5,20}")) {
            v.error("complainantPhone", "phone.format");
        }
        v.required("category", in.category());
        if (v.required("title", blankToNull(in.title()))) {
            v.maxLength("title", in.title().trim(), 200);
        }
        if (v.required("content", blankToNull(in.content()))) {
            v.maxLength("content", in.content(), 4000);
        }
        List<AttachmentInput> photos = in.photos() == null ? List.of() : in.photos();
        if (photos.size() > MAX_PHOTOS) {
            v.error("photos", "photos.tooMany", MAX_PHOTOS);
        }
        // the estate and the company must exist; a company complaint about an estate names the company managing it
        Estate estate = null;
        if (estateId != null) {
            try {
                estate = estates().get(DataScope.ALL, estateId);
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                v.error("estateId", "estate.unknown", estateId);
            }
        }
        if (in.companyId() != null) {
            // the company managing the named estate is accepted as such (estates may name a company the registry does not hold yet)
            boolean managesEstate = estate != null && in.companyId().equals(estate.companyId());
            if (!managesEstate) {
                try {
                    Company company = companies().get(DataScope.ALL, in.companyId());
                    if (estate != null && estate.companyId() != null) {
                        v.error("companyId", "company.notOfEstate", company.name());
                    }
                } catch (ApiException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    v.error("companyId", "company.unknown", in.companyId());
                }
            }
        }
        v.throwIfInvalid();
        final ComplaintChannel ch = channel;
        final String fName = name;
        final String fPhone = phone;
        final Long fEstate = estateId;
        return tx.write(em -> {
            Instant now = clock.instant();
            ComplaintEntity c = new ComplaintEntity();
            c.number = wf.number(em, now);
            c.channel = ch;
            c.category = in.category();
            c.estateId = fEstate;
            c.companyId = in.companyId();
            c.complainantAccountId = registrar ? null : caller.accountId();
            c.complainantName = fName;
            c.complainantPhone = fPhone == null ? null : Phones.normalize(fPhone).orElse(fPhone);
            c.title = in.title().trim();
            c.content = in.content().trim();
            c.registeredAt = now;
            c.moveTo(ComplaintStatus.REGISTERED, now, caller.username());
            em.persist(c);
            em.flush();
            Connection con = em.unwrap(Connection.class);
            wf.attach(con, photos, caller.username(), DOMAIN, Long.toString(c.id), "photos", true);
            wf.startDeadline(con, new TrackedItem(DOMAIN, c.id, c.category.name(), c.number + " " + c.title, c.estateId, c.companyId,
                    null, registrar ? caller.accountId() : null, now));
            wf.sms(con, smsPhone(c).orElse(null), ComplaintMessageKinds.COMPLAINT_RECEIVED, Map.of("no", c.number), c);
            wf.created(em, caller.username(), c, now, null, CaseWorkflow.fields("number", c.number, "channel", c.channel, "category",
                    c.category, "estateId", c.estateId, "companyId", c.companyId));
            return toDto(em, caller, c, false);
        });
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
        return fire(caller, id, expectedVersion, "resolve", result, (step, c) -> {
            c.result = step.text();
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

    private Complaint toDto(EntityManager em, SpmPrincipal caller, ComplaintEntity c, boolean list) {
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
                c.registeredAt, c.getCreatedBy(), c.statusChangedAt, resolvedAt, reopenUntil, dueAt, c.getVersion());
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
    private Optional<String> smsPhone(ComplaintEntity c) {
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

    private static String blankToNull(String s) {
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
