package org.smartproperty.tender.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
import org.smartproperty.company.CompanyService;
import org.smartproperty.credit.CreditStanding;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.WorkingCalendar;
import org.smartproperty.estate.EstateService;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.tender.AnnouncementInput;
import org.smartproperty.tender.AnnouncementView;
import org.smartproperty.tender.Bidder;
import org.smartproperty.tender.Clarification;
import org.smartproperty.tender.ContractInput;
import org.smartproperty.tender.DirectInput;
import org.smartproperty.tender.PanelInput;
import org.smartproperty.tender.PanelView;
import org.smartproperty.tender.PublicTender;
import org.smartproperty.tender.Result;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.RuleInput;
import org.smartproperty.tender.Score;
import org.smartproperty.tender.ScoreInput;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderInput;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderQuery;
import org.smartproperty.tender.TenderRule;
import org.smartproperty.tender.TenderService;

/**
 * {@link TenderService} on JPA (persistence unit {@code tender}) with the review kernel for the project (SUP-TND-2), the
 * announcement (SUP-TND-3), the award filing (TND-6) and the contract filing (DEV-7). Other domains are DYNAMIC/OPTIONAL
 * references read through guards (503 while absent): estate (names, scope), company (FILED, the manager change), credit
 * (TND-7), expert (the project library and panel, TND-5), deadline (AWARD_FILING, CONTRACT_FILING), notification.
 * Jobs {@code tender.publish} (SCHEDULED announcements due) and {@code tender.bidding} (bid deadlines passed, publicity ended).
 * <p>The component keeps the references, the configuration and the jobs; the work is in one package-private part per duty,
 * sharing {@link TenderContext}: {@link TenderProjects} (DEV-2, OCS-5, SUP-TND-2, TND-1, TND-2), {@link Announcements} (DEV-3,
 * SUP-TND-3, TND-3, TND-4, rules), {@link Bidding} (DEV-4, COS-3, TND-2, TND-7), {@link Evaluation} (DEV-5, TND-5),
 * {@link Filings} (TND-6, DEV-7) and {@link TenderViews} (scope, DTOs, lists, DIS-3).
 */
@Component(service = TenderService.class, configurationPid = "org.smartproperty.tender", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TenderConfig.class)
public class TenderServiceImpl implements TenderService {

    static final String UNIT = "tender";
    static final String AUDIT_KIND = "tender";
    /** The deadline domain and the expert library's source. */
    static final String DOMAIN = "tender";
    static final String AWARD_FILING = "AWARD_FILING";
    static final String CONTRACT_FILING = "CONTRACT_FILING";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final MessageKind TENDER_ANNOUNCED = MessageKind.of("TENDER_ANNOUNCED");
    static final MessageKind TENDER_CLARIFIED = MessageKind.of("TENDER_CLARIFIED");
    static final MessageKind TENDER_RESULT = MessageKind.of("TENDER_RESULT");
    static final int MONTHS_MAX = 120;
    static final int CRITERIA_MAX = 20;
    private static final Logger LOG = LoggerFactory.getLogger(TenderServiceImpl.class);

    static final ReviewKind PROJECT = kind("tender-project", "project");
    static final ReviewKind ANNOUNCEMENT = kind("tender-announcement", "announcement");
    static final ReviewKind AWARD = kind("tender-award", "award");
    static final ReviewKind CONTRACT = kind("tender-contract", "contract");

    private static ReviewKind kind(String name, String prefix) {
        return new ReviewKind(name, AUDIT_KIND, prefix, "tender:read", "tender:apply", "tender:review", new ReviewTexts(TenderMessages.TEXTS,
                "objects.round", prefix + ".pending", prefix + ".approved", prefix + ".illegalTransition", prefix + ".noTransition",
                "reason.required", "materials.required", "material.title"));
    }

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;
    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.tender.impl)")
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
    volatile CompanyService companies;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CreditStanding credit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ExpertProjects experts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ExpertService expertService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile DeadlineTracker deadlines;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile WorkingCalendar calendar;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Notifications notifications;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile SmsOutbox sms;

    volatile String evaluationMethod = "TRIMMED_MEAN";
    volatile int publicityDays = 3;
    private volatile int jobSeconds = 60;
    private EntityManagerFactory emf;
    private TenderContext ctx;
    private TenderProjects projects;
    private Announcements announcements;
    private Bidding bidding;
    private Evaluation evaluation;
    private Filings filings;
    private TenderViews views;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    public TenderServiceImpl() {
    }

    /** Outside OSGi (tests): over an existing persistence unit; the other domains are set on the fields. */
    TenderServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, AccountDirectory directory) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.directory = directory;
        parts(new Transactions(emf, UNIT));
    }

    @Activate
    void activate(BundleContext context, TenderConfig config) {
        configure(config.evaluation_method(), config.publicity_days(), config.jobs_intervalSeconds());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        parts(new Transactions(emf, UNIT));
        for (ReviewKind k : List.of(PROJECT, ANNOUNCEMENT, AWARD, CONTRACT)) {
            FileAccessPolicy policy = (caller, ownerRef) -> ctx.mayReadFiles(caller, k, ownerRef);
            registrations.add(context.registerService(FileAccessPolicy.class, policy,
                    new java.util.Hashtable<>(Map.of(FileAccessPolicy.OWNER_KIND, k.name()))));
        }
        registrations.add(context.registerService(Job.class, Job.of("tender.publish",
                () -> JobSchedule.every(Duration.ofSeconds(jobSeconds), Duration.ofSeconds(30)), c -> publishDue(Instant.now()) + " published"), null));
        registrations.add(context.registerService(Job.class, Job.of("tender.bidding",
                () -> JobSchedule.every(Duration.ofSeconds(jobSeconds), Duration.ofSeconds(30)), c -> closeDue(Instant.now()) + " closed or moved"), null));
    }

    private void parts(Transactions tx) {
        ctx = new TenderContext(this, tx, files, audit);
        filings = new Filings(ctx);
        projects = new TenderProjects(ctx, filings);
        announcements = new Announcements(ctx);
        bidding = new Bidding(ctx);
        evaluation = new Evaluation(ctx, filings);
        views = new TenderViews(ctx);
    }

    @Modified
    void modified(TenderConfig config) {
        configure(config.evaluation_method(), config.publicity_days(), config.jobs_intervalSeconds());
    }

    /** Applies a configuration; anything out of range is refused whole and logged, the settings in force stay. @return whether applied */
    boolean configure(String method, int days, int seconds) {
        List<String> problems = new ArrayList<>();
        if (!"TRIMMED_MEAN".equals(method) && !"MEAN".equals(method)) {
            problems.add("evaluation.method " + method + " is not TRIMMED_MEAN or MEAN");
        }
        if (days < 3 || days > 15) {
            problems.add("publicity.days " + days + " is outside 3..15");
        }
        if (seconds < 5 || seconds > 3600) {
            problems.add("jobs.intervalSeconds " + seconds + " is outside 5..3600");
        }
        if (!problems.isEmpty()) {
            LOG.error("Tender configuration refused: {}; the settings in force stay", problems);
            return false;
        }
        evaluationMethod = method;
        publicityDays = days;
        jobSeconds = seconds;
        return true;
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // the bundle is stopping
            }
        }
        registrations.clear();
        if (ctx != null) {
            ctx.tx.close();
        }
    }

    // ================================================================== tenders (DEV-2, OCS-5, SUP-TND-2, TND-1, TND-2)

    @Override
    public Page<Tender> list(SpmPrincipal caller, TenderQuery q, PageRequest page) {
        return views.list(caller, q, page);
    }

    @Override
    public Tender get(SpmPrincipal caller, long id) {
        return views.get(caller, id);
    }

    @Override
    public Tender create(SpmPrincipal caller, TenderInput in) {
        return projects.create(caller, in);
    }

    @Override
    public Tender update(SpmPrincipal caller, long id, long expectedVersion, TenderInput in) {
        return projects.update(caller, id, expectedVersion, in);
    }

    @Override
    public Tender retender(SpmPrincipal caller, long id) {
        return projects.retender(caller, id);
    }

    @Override
    public Tender direct(SpmPrincipal caller, long id, DirectInput in) {
        return projects.direct(caller, id, in);
    }

    // ================================================================== reviews (SUP-TND-2, SUP-TND-3, TND-6, DEV-7)

    @Override
    public Round submitProject(SpmPrincipal caller, long id, List<AttachmentInput> materials) {
        return projects.submitProject(caller, id, materials);
    }

    @Override
    public Round submitAnnouncement(SpmPrincipal caller, long id, List<AttachmentInput> materials) {
        return announcements.submitAnnouncement(caller, id, materials);
    }

    @Override
    public Round submitAward(SpmPrincipal caller, long id, List<AttachmentInput> materials) {
        return filings.submitAward(caller, id, materials);
    }

    @Override
    public Round submitContract(SpmPrincipal caller, long id, ContractInput in) {
        return filings.submitContract(caller, id, in);
    }

    /** The regulator's decision on the kernel, then the stage change of the part that owns the step. */
    @Override
    public Round decide(SpmPrincipal caller, long id, ReviewStep step, long roundId, long expectedVersion, boolean approve, String reason) {
        ReviewAction action = approve ? ReviewAction.APPROVE : ReviewAction.RETURN;
        ctx.reviews(step).validateDecision(action, reason);
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = TenderViews.find(em, caller, id);
            TenderRound r = (TenderRound) ctx.reviews(step).decide(em, id, roundId, expectedVersion, action, reason, actor);
            Instant now = Instant.now();
            switch (step) {
                case PROJECT -> projects.projectDecided(em, t, r, approve, now);
                case ANNOUNCEMENT -> announcements.announcementDecided(em, t, r, approve, now, actor);
                case AWARD -> filings.awardDecided(em, t, approve, now);
                case CONTRACT -> filings.contractDecided(em, t, (ContractRound) r, approve, now, actor);
                default -> throw new IllegalStateException(step.name());
            }
            t.touchedBy(actor);
            return ctx.toRound(em, step, r);
        });
    }

    @Override
    public List<Round> rounds(SpmPrincipal caller, long id, ReviewStep step) {
        return views.rounds(caller, id, step);
    }

    @Override
    public List<ReviewEvent> history(SpmPrincipal caller, long id, ReviewStep step) {
        return views.history(caller, id, step);
    }

    // ================================================================== announcement (DEV-3, SUP-TND-3, TND-3, TND-4)

    @Override
    public Tender saveAnnouncement(SpmPrincipal caller, long id, long expectedVersion, AnnouncementInput in) {
        return announcements.saveAnnouncement(caller, id, expectedVersion, in);
    }

    @Override
    public AnnouncementView announcement(SpmPrincipal caller, long id) {
        return announcements.announcement(caller, id);
    }

    @Override
    public Clarification clarify(SpmPrincipal caller, long id, String text) {
        return announcements.clarify(caller, id, text);
    }

    @Override
    public List<Clarification> clarifications(SpmPrincipal caller, long id) {
        return announcements.clarifications(caller, id);
    }

    // ================================================================== bidders (DEV-4, COS-3, TND-2, TND-7)

    @Override
    public List<Bidder> bidders(SpmPrincipal caller, long id) {
        return bidding.bidders(caller, id);
    }

    @Override
    public Bidder register(SpmPrincipal caller, long id) {
        return bidding.register(caller, id);
    }

    @Override
    public Tender closeBidding(SpmPrincipal caller, long id) {
        return bidding.closeBidding(caller, id);
    }

    // ================================================================== panel, scores, result (DEV-5, TND-5)

    @Override
    public PanelView panel(SpmPrincipal caller, long id) {
        return evaluation.panel(caller, id);
    }

    @Override
    public PanelView createPanel(SpmPrincipal caller, long id, PanelInput in) {
        return evaluation.createPanel(caller, id, in);
    }

    @Override
    public List<Score> scores(SpmPrincipal caller, long id) {
        return evaluation.scores(caller, id);
    }

    @Override
    public List<Score> score(SpmPrincipal caller, long id, ScoreInput in) {
        return evaluation.score(caller, id, in);
    }

    @Override
    public Result computeResult(SpmPrincipal caller, long id) {
        return evaluation.computeResult(caller, id);
    }

    @Override
    public Result result(SpmPrincipal caller, long id) {
        return evaluation.result(caller, id);
    }

    // ================================================================== rules (tnd_rule: TND-2, TND-3, TND-4)

    @Override
    public List<TenderRule> rules() {
        return announcements.rules();
    }

    @Override
    public TenderRule updateRule(SpmPrincipal caller, String code, long expectedVersion, RuleInput in) {
        return announcements.updateRule(caller, code, expectedVersion, in);
    }

    // ================================================================== public (DIS-3)

    @Override
    public Page<PublicTender> publicList(String kind, Long estateId, PageRequest page) {
        return views.publicList(kind, estateId, page);
    }

    @Override
    public PublicTender publicGet(long id) {
        return views.publicGet(id);
    }

    // ================================================================== jobs

    /** Job tender.publish: SCHEDULED announcements whose publishAt has come, one transaction each. @return how many were published */
    int publishDue(Instant now) {
        return announcements.publishDue(now);
    }

    /** Job tender.bidding: bid deadlines passed (closed: FAILED or EVALUATION), publicity periods ended (→ AWARD). */
    int closeDue(Instant now) {
        return bidding.closeDue(now) + evaluation.endPublicity(now);
    }

    <T> T read(Function<EntityManager, T> work) {
        return ctx.tx.read(work);
    }
}
