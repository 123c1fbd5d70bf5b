package org.smartproperty.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
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
import org.smartproperty.estate.EstateService;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.publishing.Notice;
import org.smartproperty.publishing.NoticeCategory;
import org.smartproperty.publishing.NoticeInput;
import org.smartproperty.publishing.NoticeQuery;
import org.smartproperty.publishing.NoticeStatus;
import org.smartproperty.publishing.Policy;
import org.smartproperty.publishing.PolicyInput;
import org.smartproperty.publishing.PolicyQuery;
import org.smartproperty.publishing.PolicyStatus;
import org.smartproperty.publishing.PublicNotice;
import org.smartproperty.publishing.PublishingMessages;
import org.smartproperty.publishing.PublishingService;
import org.smartproperty.publishing.ScheduleRun;

/**
 * {@link PublishingService} on JPA (persistence unit {@code publishing}, tables {@code pub_*}): the policy library
 * ({@link Policies}) and notices ({@link Notices}); the job {@code publishing.schedule} publishes scheduled notices and expires
 * old ones. Other domains' services (estate registry, notifications, SMS outbox) are DYNAMIC/OPTIONAL/GREEDY and read through
 * {@code ApiException.requireAvailable} inside the transaction (503 while away).
 */
@Component(service = {PublishingService.class, PublishingInternals.class}, configurationPid = "org.smartproperty.publishing",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PublishingConfig.class)
public class PublishingServiceImpl implements PublishingService, PublishingInternals {

    static final String UNIT = "publishing";
    static final String JOB = "publishing.schedule";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(PublishingServiceImpl.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.publishing.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference
    private FileStore files;

    @Reference
    AccountDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EstateService estates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Notifications notifications;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile SmsOutbox sms;

    private volatile Clock clock = Clock.system(ZONE);
    private volatile int periodSeconds = 30;
    private EntityManagerFactory emf;
    private Transactions tx;
    private Policies policies;
    private Notices notices;
    private ServiceRegistration<Job> job;

    public PublishingServiceImpl() {
    }

    /** Outside OSGi (service tests): over an existing persistence unit, with stand-ins for the other domains. */
    PublishingServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, AccountDirectory directory, EstateService estates,
                          Notifications notifications, SmsOutbox sms, Clock clock) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.directory = directory;
        this.estates = estates;
        this.notifications = notifications;
        this.sms = sms;
        this.clock = clock;
        this.tx = new Transactions(emf, UNIT);
        init();
    }

    private void init() {
        policies = new Policies(this);
        notices = new Notices(this);
    }

    @Activate
    void activate(BundleContext context, PublishingConfig config) {
        configure(config.schedule_periodSeconds());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
        init();
        job = context.registerService(Job.class, Job.of(JOB, () -> JobSchedule.every(Duration.ofSeconds(periodSeconds)), c -> {
            ScheduleRun r = runSchedule(clock.instant());
            return r.published() + " published, " + r.expired() + " expired";
        }), null);
    }

    @Modified
    void modified(PublishingConfig config) {
        configure(config.schedule_periodSeconds());
    }

    /** Applies a configuration; a period outside 5..3600 s is refused and logged, the one in force stays. */
    boolean configure(int seconds) {
        if (seconds < 5 || seconds > 3600) {
            LOG.error("schedule.periodSeconds {} is outside 5..3600; {} stays", seconds, periodSeconds);
            return false;
        }
        periodSeconds = seconds;
        return true;
    }

    @Deactivate
    void deactivate() {
        if (job != null) {
            job.unregister();
            job = null;
        }
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    // ------------------------------------------------------------------ helpers for the parts

    FileStore files() {
        return files;
    }

    AuditTrail auditTrail() {
        return audit;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    void setClock(Clock c) {
        this.clock = c;
    }

    static ApiException notFound(String kindKey, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, PublishingMessages.TEXTS.text(kindKey), String.valueOf(id));
    }

    /** One audit row in the same transaction; {@code summary} is JSON written by Jackson ({@code AuditEvent.summary}). */
    void audit(EntityManager em, String actor, String action, String kind, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, kind, id, summary));
        }
    }

    // ------------------------------------------------------------------ policies

    @Override
    public Page<Policy> policies(SpmPrincipal caller, PolicyQuery query, PageRequest page) {
        Policies.validate(query);
        return tx.read(em -> policies.list(em, query, false, page));
    }

    @Override
    public Policy policy(SpmPrincipal caller, long id) {
        return tx.read(em -> policies.toDto(em, policies.find(em, id), true));
    }

    @Override
    public Policy createPolicy(SpmPrincipal caller, PolicyInput input) {
        Policies.validate(input);
        return tx.write(em -> policies.create(em, caller.getName(), input));
    }

    @Override
    public Policy updatePolicy(SpmPrincipal caller, long id, long expectedVersion, PolicyInput input) {
        Policies.validate(input);
        return tx.write(em -> policies.update(em, caller.getName(), id, expectedVersion, input));
    }

    @Override
    public Policy publishPolicy(SpmPrincipal caller, long id, long expectedVersion) {
        return tx.write(em -> policies.setStatus(em, caller.getName(), id, expectedVersion, PolicyStatus.PUBLISHED, clock.instant()));
    }

    @Override
    public Policy withdrawPolicy(SpmPrincipal caller, long id, long expectedVersion) {
        return tx.write(em -> policies.setStatus(em, caller.getName(), id, expectedVersion, PolicyStatus.WITHDRAWN, clock.instant()));
    }

    @Override
    public Page<Policy> publicPolicies(PolicyQuery query, PageRequest page) {
        Policies.validate(query);
        return tx.read(em -> policies.list(em, query, true, page)).map(PublishingServiceImpl::anonymous);
    }

    /** A policy as the public sees it: no account name. */
    static Policy anonymous(Policy p) {
        return new Policy(p.id(), p.level(), p.issuer(), p.docNumber(), p.title(), p.summary(), p.fullText(), p.effectiveDate(), p.repealDate(),
                p.repealed(), p.status(), p.publishedAt(), p.attachments(), null, p.createdAt(), p.updatedAt(), p.version());
    }

    @Override
    public Policy publicPolicy(long id) {
        return tx.read(em -> {
            PolicyEntity p = em.find(PolicyEntity.class, id);
            if (p == null || p.status != PolicyStatus.PUBLISHED) {
                throw notFound("objects.policy", id);
            }
            return anonymous(policies.toDto(em, p, true));
        });
    }

    @Override
    public boolean mayReadPolicyFiles(SpmPrincipal caller, String ownerRef) {
        long id;
        try {
            id = Long.parseLong(ownerRef);
        } catch (NumberFormatException e) {
            return false;
        }
        return tx.read(em -> {
            PolicyEntity p = em.find(PolicyEntity.class, id);
            return p != null && (p.status == PolicyStatus.PUBLISHED
                    || (caller.scope() != null && caller.scope().all() && caller.permissions().contains("publishing:read")));
        });
    }

    // ------------------------------------------------------------------ notices

    @Override
    public List<NoticeCategory> categories(Locale locale) {
        return tx.read(em -> Notices.categoryList(em, locale));
    }

    @Override
    public Page<Notice> notices(SpmPrincipal caller, NoticeQuery query, PageRequest page) {
        return tx.read(em -> notices.list(em, caller, query, null, page));
    }

    @Override
    public Notice notice(SpmPrincipal caller, long id) {
        return tx.read(em -> notices.toDto(em, notices.readable(em, caller, id), true, null));
    }

    @Override
    public Notice createNotice(SpmPrincipal caller, NoticeInput input) {
        Notices.validate(input);
        return tx.write(em -> notices.create(em, caller, input));
    }

    @Override
    public Notice updateNotice(SpmPrincipal caller, long id, long expectedVersion, NoticeInput input) {
        Notices.validate(input);
        return tx.write(em -> notices.update(em, caller, id, expectedVersion, input));
    }

    @Override
    public Notice submitNotice(SpmPrincipal caller, long id, long expectedVersion) {
        return tx.write(em -> notices.submit(em, caller, id, expectedVersion, clock.instant()));
    }

    @Override
    public Notice approveNotice(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        notices.reviews.validateDecision(ReviewAction.APPROVE, reason);
        return tx.write(em -> notices.decide(em, caller, id, expectedVersion, true, reason, clock.instant()));
    }

    @Override
    public Notice returnNotice(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        notices.reviews.validateDecision(ReviewAction.RETURN, reason);
        return tx.write(em -> notices.decide(em, caller, id, expectedVersion, false, reason, clock.instant()));
    }

    @Override
    public Notice withdrawNotice(SpmPrincipal caller, long id, long expectedVersion) {
        return tx.write(em -> notices.withdraw(em, caller, id, expectedVersion));
    }

    @Override
    public List<ReviewEvent> noticeHistory(SpmPrincipal caller, long id) {
        return tx.read(em -> notices.reviews.history(em, notices.readable(em, caller, id).id));
    }

    @Override
    public Page<PublicNotice> publicNotices(Long estateId, String category, Locale locale, PageRequest page) {
        Instant now = clock.instant();
        return tx.read(em -> notices.publicList(em, estateId, category, locale, page, now));
    }

    @Override
    public PublicNotice publicNotice(long id, Locale locale) {
        Instant now = clock.instant();
        return tx.read(em -> notices.publicGet(em, id, locale, now));
    }

    @Override
    public boolean mayReadNoticeFiles(SpmPrincipal caller, String ownerRef) {
        long id;
        try {
            id = Long.parseLong(ownerRef);
        } catch (NumberFormatException e) {
            return false;
        }
        return tx.read(em -> {
            NoticeEntity n = em.find(NoticeEntity.class, id);
            return n != null && (n.status == NoticeStatus.PUBLISHED || (caller != null && Notices.mayReadNotice(caller.scope(), n)));
        });
    }

    @Override
    public ScheduleRun runSchedule(Instant now) {
        int published = 0;
        int expired = 0;
        for (Long id : tx.read(em -> notices.due(em, NoticeStatus.SCHEDULED, "publishAt", now))) {
            try {
                if (tx.write(em -> notices.step(em, id, NoticeStatus.SCHEDULED, now))) {
                    published++;
                }
            } catch (RuntimeException e) {
                LOG.warn("notice {} not published this run: {}", id, e.toString());
            }
        }
        for (Long id : tx.read(em -> notices.due(em, NoticeStatus.PUBLISHED, "expireAt", now))) {
            try {
                if (tx.write(em -> notices.step(em, id, NoticeStatus.PUBLISHED, now))) {
                    expired++;
                }
            } catch (RuntimeException e) {
                LOG.warn("notice {} not expired this run: {}", id, e.toString());
            }
        }
        return new ScheduleRun(published, expired);
    }
}
