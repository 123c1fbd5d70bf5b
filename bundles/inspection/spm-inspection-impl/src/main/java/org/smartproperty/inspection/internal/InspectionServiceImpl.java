package org.smartproperty.inspection.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;

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
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.inspection.CheckItem;
import org.smartproperty.inspection.CheckItemInput;
import org.smartproperty.inspection.Draw;
import org.smartproperty.inspection.DrawMode;
import org.smartproperty.inspection.DrawRule;
import org.smartproperty.inspection.InspectObject;
import org.smartproperty.inspection.InspectObjectInput;
import org.smartproperty.inspection.InspectionMessages;
import org.smartproperty.inspection.InspectionService;
import org.smartproperty.inspection.InspectionWorkflow;
import org.smartproperty.inspection.Inspector;
import org.smartproperty.inspection.InspectorInput;
import org.smartproperty.inspection.LibraryQuery;
import org.smartproperty.inspection.PublicInspection;
import org.smartproperty.inspection.Result;
import org.smartproperty.inspection.ResultInput;
import org.smartproperty.inspection.RiskLevel;
import org.smartproperty.inspection.Task;
import org.smartproperty.inspection.TaskEvent;
import org.smartproperty.inspection.TaskInput;
import org.smartproperty.inspection.TaskStatus;
import org.smartproperty.notification.Notifications;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.workflow.TransitionInput;
import org.smartproperty.platform.workflow.jpa.CaseTimeline;
import org.smartproperty.platform.workflow.jpa.CaseWorkflow;
import org.smartproperty.platform.workflow.jpa.Effect;
import org.smartproperty.platform.workflow.jpa.YearCounter;

/**
 * {@link InspectionService} on JPA (persistence unit {@code inspection}, tables {@code ins_*}; SUP-DR-1..4, DIS-5, DR-1..3).
 * Starts once the Liquibase extender has applied {@code db/inspection.changelog.xml} ({@link SchemaReady} of this bundle).
 * The task's transitions are {@link InspectionWorkflow#TABLE}'s, fired through the platform's workflow kernel
 * ({@link CaseWorkflow}: timeline {@code ins_task_event}, numbers JC-yyyy-nnnnnn from {@code ins_task_counter}, audit
 * {@code inspection-task}, the DR-3 deadline domain {@code inspection} / PUBLISH). Parts, one duty each: {@link Libraries}
 * (DR-1), {@link Draws} (DR-2), {@link Results} (SUP-DR-4, DIS-5). Other domains' services (deadline, notification,
 * credit) are DYNAMIC/OPTIONAL/GREEDY and read through {@code ApiException.requireAvailable} inside the transaction.
 */
@Component(service = InspectionService.class, configurationPid = "org.smartproperty.inspection", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = InspectionConfig.class)
public class InspectionServiceImpl implements InspectionService {

    static final String UNIT = "inspection";
    /** Deadline domain and default owner kind. */
    static final String DOMAIN = "inspection";
    /** The DR-3 time limit's category (timeLimit.inspection.PUBLISH). */
    static final String CATEGORY = "PUBLISH";
    /** Audit object kind of tasks (auditKind.inspection-task). */
    static final String TASK_KIND = "inspection-task";
    /** Owner kind of result photos (ResultPhotosAccess). */
    static final String RESULT_PHOTOS = "inspection-result";
    /** DR-2: never fewer inspectors per object than this, whatever the configuration. */
    static final int DR2_MINIMUM = 2;
    static final int COUNT_MAX = 10000;
    static final TypeReference<List<Long>> IDS = new TypeReference<>() {
    };
    private static final Logger LOG = LoggerFactory.getLogger(InspectionServiceImpl.class);
    private static final Messages T = InspectionMessages.TEXTS;

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.inspection.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference
    private FileStore files;

    @Reference
    private AccountDirectory directory;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeadlineTracker deadlines;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    // the credit domain (issue 14): a FAIL is reported as a signal in the same transaction; dynamic like the others
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CreditSignals creditSignals;

    private volatile int minimumInspectors = DR2_MINIMUM;
    private volatile int formerEmployerYears = 3;
    private EntityManagerFactory emf;
    private Transactions tx;
    private CaseWorkflow<TaskStatus, TaskEntity> wf;
    private Libraries libraries;
    private Draws draws;
    private Results results;
    private Clock clock = Clock.systemUTC();

    public InspectionServiceImpl() {
    }

    /** Outside OSGi (tests of other modules, e.g. the demo data): as the package-private constructor. */
    public static InspectionService standalone(EntityManagerFactory emf, AuditTrail audit, FileStore files, AccountDirectory directory,
                                               DeadlineTracker deadlines, Notifications notifications, CreditSignals signals, Clock clock) {
        return new InspectionServiceImpl(emf, audit, files, directory, deadlines, notifications, signals, clock);
    }

    /** Outside OSGi (tests): over an existing persistence unit, with a clock the test controls. */
    InspectionServiceImpl(EntityManagerFactory emf, AuditTrail audit, FileStore files, AccountDirectory directory, DeadlineTracker deadlines,
                          Notifications notifications, CreditSignals signals, Clock clock) {
        this.emf = emf;
        this.audit = audit;
        this.files = files;
        this.directory = directory;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.creditSignals = signals;
        this.clock = clock;
        init();
    }

    private void init() {
        tx = new Transactions(emf, UNIT);
        wf = CaseWorkflow.builder(InspectionWorkflow.TABLE, TaskEntity.class)
                .transactions(tx).clock(() -> clock)
                .timeline(new CaseTimeline("ins_task_event", "task_id", "ins_task_event_seq", 50))
                .counter(YearCounter.of("ins_task_counter", "JC"))
                .finder((em, caller, id) -> findTask(em, id))
                .parties((p, t, party) -> party == Party.REGULATOR && p.scope() != null && p.scope().all())
                .domain(DOMAIN).audit(TASK_KIND, "inspection")
                .links(t -> "/inspections/tasks/" + t.id, t -> "inspection-task:" + t.id)
                .trackedItem((t, now) -> new TrackedItem(DOMAIN, t.id, CATEGORY, t.number + " " + t.name, null, null, null, null, now))
                .services(() -> audit, () -> files, () -> new PublicationDeadline(deadlines()), () -> null, this::notifications)
                .build();
        libraries = new Libraries(tx, audit);
        draws = new Draws(this);
        results = new Results(this);
    }

    @Activate
    void activate(InspectionConfig config) {
        configure(config.inspectorsPerObject_minimum(), config.formerEmployer_years());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        init();
    }

    @Modified
    void modified(InspectionConfig config) {
        configure(config.inspectorsPerObject_minimum(), config.formerEmployer_years());
    }

    /** Applies a configuration; one weaker than DR-2 or out of range is refused as a whole and logged. @return whether applied */
    boolean configure(int minimum, int years) {
        List<String> problems = new ArrayList<>();
        if (minimum < DR2_MINIMUM || minimum > Task.INSPECTORS_MAX) {
            problems.add("inspectorsPerObject.minimum " + minimum + " is outside " + DR2_MINIMUM + ".." + Task.INSPECTORS_MAX + " (DR-2)");
        }
        if (years < 0 || years > 50) {
            problems.add("formerEmployer.years " + years + " is outside 0..50");
        }
        if (!problems.isEmpty()) {
            LOG.error("Inspection configuration refused: {}; the settings in force stay ({} inspectors, {} years)", problems, minimumInspectors,
                    formerEmployerYears);
            return false;
        }
        minimumInspectors = minimum;
        formerEmployerYears = years;
        return true;
    }

    @Deactivate
    void deactivate() {
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    // ---------------------------------------------------------------- parts' access

    Transactions tx() {
        return tx;
    }

    CaseWorkflow<TaskStatus, TaskEntity> wf() {
        return wf;
    }

    AuditTrail audit() {
        return audit;
    }

    FileStore files() {
        return files;
    }

    AccountDirectory directory() {
        return directory;
    }

    int formerEmployerYears() {
        return formerEmployerYears;
    }

    /** The deadline domain's tracker, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    DeadlineTracker deadlines() {
        return ApiException.requireAvailable(deadlines, "deadline");
    }

    /** The notification domain's in-app notices, or 503 while its impl bundle is being updated. */
    Notifications notifications() {
        return ApiException.requireAvailable(notifications, "notification");
    }

    /** The credit domain's signals, or 503 while its impl bundle is being updated (the result is not recorded). */
    CreditSignals credit() {
        return ApiException.requireAvailable(creditSignals, "credit");
    }

    static TaskEntity findTask(EntityManager em, long id) {
        TaskEntity t = em.find(TaskEntity.class, id);
        if (t == null) {
            throw Libraries.notFound("objects.task", id);
        }
        return t;
    }

    // ---------------------------------------------------------------- libraries (DR-1)

    @Override
    public Page<CheckItem> items(SpmPrincipal caller, LibraryQuery query, PageRequest page) {
        return libraries.items(query, page);
    }

    @Override
    public CheckItem item(SpmPrincipal caller, long id) {
        return libraries.item(id);
    }

    @Override
    public CheckItem createItem(SpmPrincipal caller, CheckItemInput input) {
        return libraries.createItem(caller, input);
    }

    @Override
    public CheckItem updateItem(SpmPrincipal caller, long id, long expectedVersion, CheckItemInput input) {
        return libraries.updateItem(caller, id, expectedVersion, input);
    }

    @Override
    public Page<InspectObject> objects(SpmPrincipal caller, LibraryQuery query, PageRequest page) {
        return libraries.objects(query, page);
    }

    @Override
    public InspectObject object(SpmPrincipal caller, long id) {
        return libraries.object(id);
    }

    @Override
    public InspectObject createObject(SpmPrincipal caller, InspectObjectInput input) {
        return libraries.createObject(caller, input);
    }

    @Override
    public InspectObject updateObject(SpmPrincipal caller, long id, long expectedVersion, InspectObjectInput input) {
        return libraries.updateObject(caller, id, expectedVersion, input);
    }

    @Override
    public Page<Inspector> inspectors(SpmPrincipal caller, LibraryQuery query, PageRequest page) {
        return libraries.inspectors(query, page);
    }

    @Override
    public Inspector inspector(SpmPrincipal caller, long id) {
        return libraries.inspector(id);
    }

    @Override
    public Inspector createInspector(SpmPrincipal caller, InspectorInput input) {
        return libraries.createInspector(caller, input);
    }

    @Override
    public Inspector updateInspector(SpmPrincipal caller, long id, long expectedVersion, InspectorInput input) {
        return libraries.updateInspector(caller, id, expectedVersion, input);
    }

    // ---------------------------------------------------------------- tasks (SUP-DR-1)

    @Override
    public Page<Task> tasks(SpmPrincipal caller, TaskStatus status, PageRequest page) {
        // a write transaction: the timeline and the deadline are read on the unit's connection
        return tx.write(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (status != null) {
                where.append(" AND t.status = :status");
                params.put("status", status);
            }
            Jpql.Rows<TaskEntity> rows = Jpql.page(em, TaskEntity.class, "t", where.toString(), params, page);
            return new Page<>(rows.rows().stream().map(t -> toDto(em, t)).toList(), page.page(), page.size(), rows.total());
        });
    }

    @Override
    public Task task(SpmPrincipal caller, long id) {
        return tx.write(em -> toDto(em, findTask(em, id)));
    }

    @Override
    public Task createTask(SpmPrincipal caller, TaskInput in) {
        DrawRule rule = validate(in, minimumInspectors);
        return tx.write(em -> {
            List<Long> itemIds = List.copyOf(in.itemIds());
            Validation v = new Validation(T);
            for (int i = 0; i < itemIds.size(); i++) {
                CheckItemEntity item = em.find(CheckItemEntity.class, itemIds.get(i));
                String f = "itemIds[" + i + "]";
                if (item == null) {
                    v.error(f, "item.unknown", itemIds.get(i));
                } else if (!item.active) {
                    v.error(f, "item.inactive", item.code);
                } else if (item.target != in.target()) {
                    v.error(f, "item.wrongTarget", item.code);
                }
            }
            v.throwIfInvalid();
            Instant now = wf.now();
            TaskEntity t = new TaskEntity();
            t.number = wf.number(em, now);
            t.name = in.name().strip();
            t.authority = in.authority().strip();
            t.target = in.target();
            t.itemIds = InspectionJson.write(itemIds);
            t.drawDate = in.drawDate();
            t.startDate = in.startDate();
            t.endDate = in.endDate();
            t.rule = InspectionJson.write(rule);
            t.inspectorsPerObject = in.inspectorsPerObject();
            t.seed = DoubleRandomDraw.newSeed(); // DR-2: recorded now, before any draw, and never changed
            t.status = TaskStatus.PLANNED;
            t.statusChangedAt = now;
            t.touchedBy(caller.username());
            em.persist(t);
            em.flush();
            wf.created(em, caller.username(), t, now, t.name, CaseWorkflow.fields("number", t.number, "name", t.name, "target", t.target.name(),
                    "itemIds", itemIds, "drawDate", t.drawDate.toString(), "rule", rule, "inspectorsPerObject", t.inspectorsPerObject,
                    "seed", t.seed));
            return toDto(em, t);
        });
    }

    /** All field errors at once; the rule normalised (levels in order, values as given). */
    static DrawRule validate(TaskInput in, int minimumInspectors) {
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name().strip(), Task.NAME_MAX);
        }
        if (v.required("authority", in.authority())) {
            v.maxLength("authority", in.authority().strip(), Task.AUTHORITY_MAX);
        }
        v.required("target", in.target());
        List<Long> ids = in.itemIds() == null ? List.of() : in.itemIds();
        if (ids.isEmpty()) {
            v.error("itemIds", "items.required");
        } else if (ids.size() > Task.ITEMS_MAX) {
            v.error("itemIds", "items.tooMany", Task.ITEMS_MAX);
        } else {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) == null) {
                    v.required("itemIds[" + i + "]", null);
                } else if (!seen.add(ids.get(i))) {
                    v.error("itemIds[" + i + "]", "item.duplicate", ids.get(i));
                }
            }
        }
        boolean draw = v.required("drawDate", in.drawDate());
        boolean start = v.required("startDate", in.startDate());
        boolean end = v.required("endDate", in.endDate());
        if (draw && start && in.startDate().isBefore(in.drawDate())) {
            v.error("startDate", "startDate.beforeDraw");
        }
        if (start && end && in.endDate().isBefore(in.startDate())) {
            v.error("endDate", "endDate.beforeStart");
        }
        DrawRule normalised = null;
        if (v.required("rule", in.rule()) && v.required("rule.mode", in.rule().mode())) {
            Map<RiskLevel, BigDecimal> per = in.rule().perLevel() == null ? Map.of() : in.rule().perLevel();
            Map<RiskLevel, BigDecimal> kept = new EnumMap<>(RiskLevel.class);
            for (Map.Entry<RiskLevel, BigDecimal> e : per.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                String f = "rule.perLevel." + e.getKey().name();
                BigDecimal value = e.getValue();
                if (in.rule().mode() == DrawMode.COUNT) {
                    if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(COUNT_MAX)) > 0) {
                        v.error(f, "rule.count", COUNT_MAX);
                        continue;
                    }
                    value = value.stripTrailingZeros().setScale(0);
                } else if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
                    v.error(f, "rule.ratio");
                    continue;
                }
                kept.put(e.getKey(), value);
            }
            if (per.values().stream().allMatch(x -> x == null)) {
                v.error("rule.perLevel", "rule.levelsRequired");
            }
            normalised = new DrawRule(in.rule().mode(), kept);
        }
        if (v.required("inspectorsPerObject", in.inspectorsPerObject())) {
            if (in.inspectorsPerObject() < minimumInspectors) {
                v.error("inspectorsPerObject", "inspectors.tooFew", minimumInspectors);
            } else if (in.inspectorsPerObject() > Task.INSPECTORS_MAX) {
                v.error("inspectorsPerObject", "inspectors.tooMany", Task.INSPECTORS_MAX);
            }
        }
        v.throwIfInvalid();
        return normalised;
    }

    @Override
    public List<TaskEvent> events(SpmPrincipal caller, long taskId) {
        return wf.events(caller, taskId).stream().map(e -> new TaskEvent(e.id(), e.caseId(), e.action(), status(e.from()), status(e.to()),
                e.actor(), e.at(), e.note())).toList();
    }

    private static TaskStatus status(String name) {
        return name == null ? null : TaskStatus.valueOf(name);
    }

    @Override
    public Task draw(SpmPrincipal caller, long id, long expectedVersion, String note) {
        return fire(caller, id, expectedVersion, "draw", note, draws::draw);
    }

    @Override
    public Draw drawList(SpmPrincipal caller, long id) {
        return draws.list(id);
    }

    @Override
    public Draw replay(SpmPrincipal caller, long id) {
        return draws.replay(id);
    }

    @Override
    public Task finish(SpmPrincipal caller, long id, long expectedVersion, String note) {
        return fire(caller, id, expectedVersion, "finish", note, null);
    }

    @Override
    public Task publish(SpmPrincipal caller, long id, long expectedVersion, String note) {
        return fire(caller, id, expectedVersion, "publish", note, null);
    }

    @Override
    public Task cancel(SpmPrincipal caller, long id, long expectedVersion, String reason) {
        return fire(caller, id, expectedVersion, "cancel", reason, null);
    }

    private Task fire(SpmPrincipal caller, long id, long expectedVersion, String transition, String text,
                      Effect<TaskStatus, TaskEntity> effect) {
        return wf.fire(caller, id, expectedVersion, transition, TransitionInput.of(text), effect, (em, p, t) -> toDto(em, t));
    }

    // ---------------------------------------------------------------- results (SUP-DR-4) and public (DIS-5)

    @Override
    public List<Result> results(SpmPrincipal caller, long taskId) {
        return results.list(taskId);
    }

    @Override
    public Result recordResult(SpmPrincipal caller, long taskId, ResultInput input) {
        return results.record(caller, taskId, input);
    }

    @Override
    public Page<PublicInspection> published(PageRequest page) {
        return results.published(page);
    }

    // ---------------------------------------------------------------- views

    static List<Long> itemIds(TaskEntity t) {
        return InspectionJson.read(t.itemIds, IDS);
    }

    static DrawRule rule(TaskEntity t) {
        return InspectionJson.read(t.rule, DrawRule.class);
    }

    /** Inside a write transaction (timeline and deadline on the unit's connection). */
    Task toDto(EntityManager em, TaskEntity t) {
        Instant drawnAt = t.status == TaskStatus.PLANNED ? null : wf.lastAt(em, t.id, "draw");
        Instant publishedAt = t.status == TaskStatus.PUBLISHED ? wf.lastAt(em, t.id, "publish") : null;
        Instant due = null;
        if (t.status == TaskStatus.FINISHED || t.status == TaskStatus.PUBLISHED) {
            due = deadlines().find(em.unwrap(Connection.class), DOMAIN, t.id).map(Deadline::dueAt).orElse(null);
        }
        return new Task(t.id, t.number, t.name, t.authority, t.target, itemIds(t), t.drawDate, t.startDate, t.endDate, rule(t),
                t.inspectorsPerObject, t.seed, t.status, drawnAt, due, publishedAt, t.getCreatedBy(), t.getCreatedAt(), t.statusChangedAt,
                t.getVersion());
    }
}
