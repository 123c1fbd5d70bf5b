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
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
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
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyService;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintCategory;
import org.smartproperty.complaint.ComplaintChannel;
import org.smartproperty.complaint.ComplaintEvent;
import org.smartproperty.complaint.ComplaintInput;
import org.smartproperty.complaint.ComplaintMessages;
import org.smartproperty.complaint.ComplaintQuery;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.complaint.ComplaintStatus;
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
import org.smartproperty.notification.SmsRequest;
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
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Complaints on JPA (SVC-CMP-1..4; SVC-CMP-5 through the deadline engine): the complaint, its
 * timeline, its deadline (domain {@code complaint}, category = the complaint's), its SMS and
 * in-app notifications and its audit rows are all written in the one transaction of each call.
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
    private static final String SYSTEM = org.smartproperty.platform.persistence.AuditedEntity.SYSTEM;

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

    private final ObjectMapper json = new ObjectMapper();
    private EntityManagerFactory emf;
    private Transactions tx;
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
        this.tx = new Transactions(emf);
    }

    @Activate
    void activate(ComplaintConfig config, BundleContext context) {
        configure(config);
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf);
        job = context.registerService(Job.class, autoCloseJob(), null);
    }

    /** The auto-close as a platform job (issue 10 item 3): every {@code autoClose.intervalMinutes}, one node at a time. */
    Job autoCloseJob() {
        return Job.of("complaint.auto-close", () -> {
            Duration every = Duration.ofMinutes(settings.intervalMinutes());
            return JobSchedule.every(every);
        }, c -> {
            int n = closeUnconfirmed();
            if (n > 0) {
                LOG.info("Complaints closed automatically: {}", n);
            }
            return n + " closed";
        });
    }

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
        if (emf != null) {
            emf.close();
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

    private static void requireHandler(SpmPrincipal p, ComplaintEntity c) {
        if (!assignee(p, c) && !staff(p)) {
            throw new ApiException(403, "complaint.notHandler", T, null);
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
            c.number = nextNumber(em, now);
            c.channel = ch;
            c.category = in.category();
            c.estateId = fEstate;
            c.companyId = in.companyId();
            c.complainantAccountId = registrar ? null : caller.accountId();
            c.complainantName = fName;
            c.complainantPhone = fPhone == null ? null : Phones.normalize(fPhone).orElse(fPhone);
            c.title = in.title().trim();
            c.content = in.content().trim();
            c.status = ComplaintStatus.REGISTERED;
            c.registeredAt = now;
            c.statusChangedAt = now;
            c.touchedBy(caller.username());
            em.persist(c);
            em.flush();
            Connection con = em.unwrap(Connection.class);
            if (!photos.isEmpty()) {
                List<Attachment> attached = files.attach(con, photos, caller.username(), DOMAIN, Long.toString(c.id), "photos[]");
                Validation pv = new Validation(T);
                for (int i = 0; i < attached.size(); i++) {
                    String type = attached.get(i).contentType();
                    if (type == null || !type.startsWith("image/")) {
                        pv.error("photos[" + i + "].fileId", "photos.notImage");
                    }
                }
                pv.throwIfInvalid();
            }
            event(em, c, "create", null, ComplaintStatus.REGISTERED, caller.username(), now, null);
            deadlines().start(con, new TrackedItem(DOMAIN, c.id, c.category.name(), c.number + " " + c.title, c.estateId, c.companyId,
                    null, registrar ? caller.accountId() : null, now));
            smsPhone(c).ifPresent(to -> sms().enqueue(con, new SmsRequest(to, MessageKind.COMPLAINT_RECEIVED, Map.of("no", c.number),
                    reference(c))));
            audit(em, caller.username(), "complaint.create", c.id, "{\"number\":" + quote(c.number) + ",\"channel\":\"" + c.channel
                    + "\",\"category\":\"" + c.category + "\",\"estateId\":" + c.estateId + ",\"companyId\":" + c.companyId + "}");
            return toDto(em, caller, c, false);
        });
    }

    /** TS-yyyy-nnnnnn: a counter per year (Asia/Shanghai), incremented under the row lock of the UPDATE. */
    static String nextNumber(EntityManager em, Instant now) {
        int year = now.atZone(ZONE).getYear();
        int updated = em.createNativeQuery("UPDATE cpl_complaint_counter SET last_no = last_no + 1 WHERE yr = ?")
                .setParameter(1, year).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO cpl_complaint_counter (yr, last_no) VALUES (?, 1)").setParameter(1, year).executeUpdate();
        }
        Number n = (Number) em.createNativeQuery("SELECT last_no FROM cpl_complaint_counter WHERE yr = ?").setParameter(1, year)
                .getSingleResult();
        return String.format("TS-%d-%06d", year, n.longValue());
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
                audit(em, caller.username(), "complaint.view-full", c.id, "{\"number\":" + quote(c.number) + "}");
            }
            return dto;
        });
    }

    @Override
    public List<ComplaintEvent> events(SpmPrincipal caller, long id) {
        return tx.read(em -> {
            findInScope(em, caller, id);
            return em.createQuery("SELECT e FROM EventEntity e WHERE e.complaintId = :c ORDER BY e.id", EventEntity.class)
                    .setParameter("c", id).getResultList().stream()
                    .map(e -> new ComplaintEvent(e.id, e.complaintId, e.action, e.fromStatus, e.toStatus, e.actor, e.at, e.note)).toList();
        });
    }

    // ---------------------------------------------------------------- transitions (SVC-CMP-2..4)

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
        return transition(caller, id, expectedVersion, ComplaintStatus.DISPATCHED, (em, c, con, now) -> {
            if (!staff(caller)) {
                throw new ApiException(403, "complaint.notHandler", T, null);
            }
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
                    notifications().notify(con, a.accountId(), MessageKind.COMPLAINT_ASSIGNED, params, link(c));
                }
            } else {
                notifications().notify(con, officer, MessageKind.COMPLAINT_ASSIGNED, params, link(c));
            }
            return new Step(forward ? "forward" : "dispatch", d.note(),
                    forward ? "{\"forwardToCompany\":" + c.companyId + "}" : "{\"officer\":" + officer + "}");
        });
    }

    @Override
    public Complaint accept(SpmPrincipal caller, long id, long expectedVersion, String note) {
        checkNote(note, "note");
        return transition(caller, id, expectedVersion, ComplaintStatus.IN_PROGRESS, (em, c, con, now) -> {
            if (c.status != ComplaintStatus.DISPATCHED) {
                throw illegal(c, ComplaintStatus.IN_PROGRESS);
            }
            requireHandler(caller, c);
            if (c.forwarded && c.assigneeAccountId == null && assignee(caller, c)) {
                c.assigneeAccountId = caller.accountId();
                Deadline dl = deadlines().find(con, DOMAIN, c.id).orElse(null);
                deadlines().reassign(con, DOMAIN, c.id, caller.accountId(), dl == null ? null : dl.supervisorAccountId());
            }
            return new Step("accept", note, null);
        });
    }

    @Override
    public Complaint waitForComplainant(SpmPrincipal caller, long id, long expectedVersion, String note) {
        checkNote(note, "note");
        return transition(caller, id, expectedVersion, ComplaintStatus.WAITING, (em, c, con, now) -> {
            requireHandler(caller, c);
            deadlines().pause(con, DOMAIN, c.id, now);
            return new Step("wait", note, null);
        });
    }

    @Override
    public Complaint resume(SpmPrincipal caller, long id, long expectedVersion, String note) {
        checkNote(note, "note");
        return transition(caller, id, expectedVersion, ComplaintStatus.IN_PROGRESS, (em, c, con, now) -> {
            if (c.status != ComplaintStatus.WAITING) {
                throw illegal(c, ComplaintStatus.IN_PROGRESS);
            }
            requireHandler(caller, c);
            deadlines().resume(con, DOMAIN, c.id, now);
            return new Step("resume", note, null);
        });
    }

    @Override
    public Complaint resolve(SpmPrincipal caller, long id, long expectedVersion, String result) {
        if (result == null || result.isBlank()) {
            throw ApiException.invalid(T, "result", "result.required");
        }
        checkNote(result, "result");
        return transition(caller, id, expectedVersion, ComplaintStatus.RESOLVED, (em, c, con, now) -> {
            requireHandler(caller, c);
            c.result = result.trim();
            deadlines().complete(con, DOMAIN, c.id, now);
            // SVC-CMP-4: the feedback to the complainant, queued with the result (a rollback sends nothing)
            Map<String, String> params = Map.of("no", c.number, "result", smsText(c.result));
            smsPhone(c).ifPresent(to -> sms().enqueue(con, new SmsRequest(to, MessageKind.COMPLAINT_RESULT, params, reference(c))));
            if (c.complainantAccountId != null) {
                notifications().notify(con, c.complainantAccountId, MessageKind.COMPLAINT_RESULT, params, link(c));
            }
            return new Step("resolve", c.result, null);
        });
    }

    @Override
    public Complaint close(SpmPrincipal caller, long id, long expectedVersion, String note) {
        checkNote(note, "note");
        return transition(caller, id, expectedVersion, ComplaintStatus.CLOSED, (em, c, con, now) -> {
            if (!complainant(caller, c) && !staff(caller)) {
                throw new ApiException(403, "complaint.notComplainant", T, null);
            }
            return new Step("close", note, null);
        });
    }

    @Override
    public Complaint reopen(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        checkNote(reason, "reason");
        return transition(caller, id, expectedVersion, ComplaintStatus.REOPENED, (em, c, con, now) -> {
            if (!complainant(caller, c)) {
                throw new ApiException(403, "complaint.notComplainant", T, null);
            }
            Instant resolvedAt = resolvedAt(em, c.id);
            int days = settings.reopenWindowDays();
            Instant until = resolvedAt.plus(days, ChronoUnit.DAYS);
            if (now.isAfter(until)) {
                throw ApiException.conflict(T, "complaint.reopenWindow", WHEN.format(resolvedAt), days, WHEN.format(until));
            }
            c.assigneeAccountId = null;
            c.forwarded = false;
            c.result = null;
            deadlines().start(con, new TrackedItem(DOMAIN, c.id, c.category.name(), c.number + " " + c.title, c.estateId, c.companyId,
                    null, null, now));
            return new Step("reopen", blankToNull(reason), null);
        });
    }

    @Override
    public Complaint reject(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid(T, "reason", "reason.required");
        }
        checkNote(reason, "reason");
        return transition(caller, id, expectedVersion, ComplaintStatus.REJECTED, (em, c, con, now) -> {
            requireHandler(caller, c);
            c.reason = reason.trim();
            deadlines().cancel(con, DOMAIN, c.id, now);
            Map<String, String> params = Map.of("no", c.number, "result", smsText(c.reason));
            smsPhone(c).ifPresent(to -> sms().enqueue(con, new SmsRequest(to, MessageKind.COMPLAINT_RESULT, params, reference(c))));
            if (c.complainantAccountId != null) {
                notifications().notify(con, c.complainantAccountId, MessageKind.COMPLAINT_RESULT, params, link(c));
            }
            return new Step("reject", c.reason, null);
        });
    }

    /**
     * Closes RESOLVED complaints whose result is older than {@code autoClose.days} (the complainant
     * did not confirm): one transaction per complaint, optimistic version check, so two nodes never
     * close one twice. @return how many were closed
     */
    int closeUnconfirmed() {
        Instant cutoff = clock.instant().minus(settings.autoCloseDays(), ChronoUnit.DAYS);
        List<Long> ids = tx.read(em -> em.createQuery("SELECT c.id FROM ComplaintEntity c WHERE c.status = :s AND c.statusChangedAt < :cutoff "
                + "ORDER BY c.id", Long.class).setParameter("s", ComplaintStatus.RESOLVED).setParameter("cutoff", cutoff)
                .setMaxResults(500).getResultList());
        int closed = 0;
        for (long id : ids) {
            try {
                closed += tx.write(em -> {
                    ComplaintEntity c = em.find(ComplaintEntity.class, id);
                    if (c == null || c.status != ComplaintStatus.RESOLVED || !c.statusChangedAt.isBefore(cutoff)) {
                        return 0;
                    }
                    Instant now = clock.instant();
                    event(em, c, "autoClose", c.status, ComplaintStatus.CLOSED, SYSTEM, now, null);
                    c.status = ComplaintStatus.CLOSED;
                    c.statusChangedAt = now;
                    c.touchedBy(SYSTEM);
                    em.flush();
                    audit(em, SYSTEM, "complaint.close", c.id, "{\"from\":\"RESOLVED\",\"to\":\"CLOSED\",\"automatic\":true}");
                    return 1;
                });
            } catch (ApiException e) {
                if (e.status() != 412) {
                    throw e;
                }
                // changed meanwhile (the complainant reopened or another node closed it)
            }
        }
        return closed;
    }

    /** What a transition did: the timeline action, its note, extra audit JSON fields. */
    record Step(String action, String note, String auditDetail) {
    }

    @FunctionalInterface
    interface Work {
        Step apply(EntityManager em, ComplaintEntity c, Connection con, Instant now);
    }

    private Complaint transition(SpmPrincipal caller, long id, long expectedVersion, ComplaintStatus target, Work work) {
        return tx.write(em -> {
            ComplaintEntity c = findInScope(em, caller, id);
            if (c.getVersion() != expectedVersion) {
                throw ApiException.stale(c.getVersion());
            }
            if (!c.status.next().contains(target)) {
                throw illegal(c, target);
            }
            ComplaintStatus from = c.status;
            Instant now = clock.instant();
            Step step = work.apply(em, c, em.unwrap(Connection.class), now);
            c.status = target;
            c.statusChangedAt = now;
            c.touchedBy(caller.username());
            event(em, c, step.action(), from, target, caller.username(), now, blankToNull(step.note()));
            em.flush();
            audit(em, caller.username(), "complaint." + step.action(), c.id, "{\"number\":" + quote(c.number) + ",\"from\":\"" + from
                    + "\",\"to\":\"" + target + "\",\"note\":" + quote(blankToNull(step.note()))
                    + (step.auditDetail() == null ? "" : ",\"detail\":" + step.auditDetail()) + "}");
            return toDto(em, caller, c, false);
        });
    }

    private static ApiException illegal(ComplaintEntity c, ComplaintStatus target) {
        List<ComplaintStatus> allowed = c.status.next();
        return ApiException.conflict(T, "complaint.illegalTransition", c.status.name(), target.name(),
                allowed.isEmpty() ? T.text("complaint.noTransition") : allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static void checkNote(String text, String field) {
        Validation v = new Validation(T);
        v.maxLength(field, text, 4000);
        v.throwIfInvalid();
    }

    private static void event(EntityManager em, ComplaintEntity c, String action, ComplaintStatus from, ComplaintStatus to, String actor,
                              Instant at, String note) {
        EventEntity e = new EventEntity();
        e.complaintId = c.id;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = to;
        e.actor = actor;
        e.at = at;
        e.note = note;
        em.persist(e);
    }

    /** When the latest result was recorded (the latest resolve event), null before any. */
    private static Instant resolvedAt(EntityManager em, long complaintId) {
        List<Instant> at = em.createQuery("SELECT e.at FROM EventEntity e WHERE e.complaintId = :c AND e.action = 'resolve' ORDER BY e.id DESC",
                Instant.class).setParameter("c", complaintId).setMaxResults(1).getResultList();
        return at.isEmpty() ? null : at.get(0);
    }

    // ---------------------------------------------------------------- views

    private Complaint toDto(EntityManager em, SpmPrincipal caller, ComplaintEntity c, boolean list) {
        boolean full = list ? complainant(caller, c) : fullView(caller, c);
        Connection con = em.unwrap(Connection.class);
        List<Attachment> photos = files.attached(con, DOMAIN, Long.toString(c.id));
        Instant resolvedAt = c.status == ComplaintStatus.RESOLVED || c.status == ComplaintStatus.CLOSED ? resolvedAt(em, c.id) : null;
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

    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, action, "complaint", id, summary));
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

    /** The company domain's CompanyService, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private CompanyService companies() {
        CompanyService s = companies;
        if (s == null) {
            throw ApiException.unavailable("company");
        }
        return s;
    }
}
