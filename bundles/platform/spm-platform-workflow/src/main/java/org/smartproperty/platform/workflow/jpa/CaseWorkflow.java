package org.smartproperty.platform.workflow.jpa;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.workflow.CaseEvent;
import org.smartproperty.platform.workflow.CaseRecord;
import org.smartproperty.platform.workflow.DeadlineStep;
import org.smartproperty.platform.workflow.PartyCheck;
import org.smartproperty.platform.workflow.Timeout;
import org.smartproperty.platform.workflow.Transition;
import org.smartproperty.platform.workflow.TransitionInput;
import org.smartproperty.platform.workflow.TransitionTable;

/**
 * The workflow kernel of one case-like domain on JPA (issue 10 item 2). Built once per domain
 * component over its {@link TransitionTable}, its entity class, timeline, finder and parties, and
 * the platform services it writes through — each given as a supplier, so a component whose
 * references are dynamic hands the current service to every call.
 * <p>
 * {@link #fire} is one transaction: 400 from the table's input checks before it; inside, the
 * item in the caller's scope (404), the version (412), the source state (409), permission and
 * party (403), the domain's {@link Effect}, the attachments (images only when the row says so,
 * owner kind = the workflow's or the step's), the row's {@link DeadlineStep}, the status, the
 * timeline entry and the audit row {@code <prefix>.<action>} with {@code {number, from, to, note,
 * detail}} written by Jackson. {@link #runTimeout} and {@link #job} move items that stayed too long
 * in a state, one transaction per item with the version check, so two nodes never move one twice.
 */
public final class CaseWorkflow<S extends Enum<S>, C extends CaseRecord<S>> {

    private static final Logger LOG = LoggerFactory.getLogger(CaseWorkflow.class);
    /** The actor of automatic transitions. */
    public static final String SYSTEM = AuditedEntity.SYSTEM;

    private final TransitionTable<S> table;
    private final Class<C> entity;
    private final Transactions tx;
    private final Supplier<Clock> clock;
    private final CaseTimeline timeline;
    private final CaseFinder<C> finder;
    private final PartyCheck<C> parties;
    private final String domain;
    private final String auditType;
    private final String auditPrefix;
    private final Function<C, String> link;
    private final Function<C, String> reference;
    private final BiFunction<C, Instant, TrackedItem> tracked;
    private final YearCounter counter;
    private final Supplier<AuditTrail> audit;
    private final Supplier<FileStore> files;
    private final Supplier<DeadlineTracker> deadlines;
    private final Supplier<SmsOutbox> sms;
    private final Supplier<Notifications> notifications;

    private CaseWorkflow(Builder<S, C> b) {
        this.table = Objects.requireNonNull(b.table, "table");
        this.entity = Objects.requireNonNull(b.entity, "entity");
        this.tx = Objects.requireNonNull(b.tx, "transactions");
        this.clock = b.clock;
        this.timeline = Objects.requireNonNull(b.timeline, "timeline");
        this.finder = Objects.requireNonNull(b.finder, "finder");
        this.parties = Objects.requireNonNull(b.parties, "parties");
        this.domain = Objects.requireNonNull(b.domain, "domain");
        this.auditType = b.auditType == null ? b.domain : b.auditType;
        this.auditPrefix = b.auditPrefix == null ? table.prefix() : b.auditPrefix;
        this.link = b.link;
        this.reference = b.reference;
        this.tracked = b.tracked;
        this.counter = b.counter;
        this.audit = b.audit;
        this.files = b.files;
        this.deadlines = b.deadlines;
        this.sms = b.sms;
        this.notifications = b.notifications;
        for (Transition<S> t : table.transitions()) {
            if (t.deadline() == DeadlineStep.START && tracked == null) {
                throw new IllegalStateException(t.name() + " starts a deadline: the workflow needs trackedItem(...)");
            }
        }
    }

    public static <S extends Enum<S>, C extends CaseRecord<S>> Builder<S, C> builder(TransitionTable<S> table, Class<C> entity) {
        return new Builder<>(table, entity);
    }

    public TransitionTable<S> table() {
        return table;
    }

    public CaseTimeline timeline() {
        return timeline;
    }

    public Instant now() {
        return clock.get().instant();
    }

    // ---------------------------------------------------------------- transitions

    /** Fires transition {@code name} of the table on item {@code id} (see the class comment); the domain's DTO of the result. */
    public <R> R fire(SpmPrincipal caller, long id, long expectedVersion, String name, TransitionInput input, Effect<S, C> effect,
                      CaseView<C, R> view) {
        TransitionInput in = input == null ? TransitionInput.none() : input;
        Transition<S> t = table.get(name);
        table.validate(name, in);
        return tx.write(em -> {
            C item = finder.find(em, caller, id);
            if (item.caseVersion() != expectedVersion) {
                throw ApiException.stale(item.caseVersion());
            }
            S from = item.caseStatus();
            table.allowed(name, from);
            table.authorize(name, caller, item, parties);
            Instant now = now();
            Connection con = em.unwrap(Connection.class);
            Step<S, C> step = new Step<>(this, em, con, now, caller, t, in, item);
            (effect == null ? Effect.<S, C>none() : effect).apply(step, item);
            if (t.attachmentsField() != null && !in.attachments().isEmpty()) {
                attach(con, in.attachments(), caller.username(), step.attachTo() != null ? step.attachTo() : domain,
                        Long.toString(item.caseId()), t.attachmentsField(), t.imagesOnly());
            }
            deadline(con, t.deadline(), item, now);
            item.moveTo(t.to(), now, caller.username());
            timeline.append(con, item.caseId(), step.action(), from.name(), t.to().name(), caller.username(), now, step.note(),
                    step.details());
            em.flush();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("number", item.caseNumber());
            summary.put("from", from.name());
            summary.put("to", t.to().name());
            summary.put("note", step.note());
            if (!step.details().isEmpty()) {
                summary.put("detail", step.details());
            }
            audit(con, caller.username(), step.action(), item.caseId(), summary);
            return view.view(em, caller, item);
        });
    }

    private void deadline(Connection con, DeadlineStep step, C item, Instant now) {
        if (step == DeadlineStep.NONE) {
            return;
        }
        DeadlineTracker d = deadlines.get();
        long id = item.caseId();
        switch (step) {
            case START -> d.start(con, tracked.apply(item, now));
            case PAUSE -> d.pause(con, domain, id, now);
            case RESUME -> d.resume(con, domain, id, now);
            case COMPLETE -> d.complete(con, domain, id, now);
            case CANCEL -> d.cancel(con, domain, id, now);
            default -> throw new IllegalStateException(step.name());
        }
    }

    // ---------------------------------------------------------------- creation

    /** The next number of the year of {@code now} (the workflow's {@link YearCounter}), in the caller's transaction. */
    public String number(EntityManager em, Instant now) {
        if (counter == null) {
            throw new IllegalStateException(domain + ": no counter configured");
        }
        return counter.next(em.unwrap(Connection.class), now);
    }

    /**
     * Records a new item (after {@code em.persist} and {@code flush}): the timeline's {@code create}
     * entry (from null to its status, with {@code note}) and the audit row {@code <prefix>.create}
     * with {@code summary}.
     */
    public void created(EntityManager em, String actor, C item, Instant now, String note, Map<String, ?> summary) {
        created(em, actor, item, now, "create", note, summary);
    }

    /** {@link #created(EntityManager, String, CaseRecord, Instant, String, Map)} with an action of the domain's ({@code createTask}). */
    public void created(EntityManager em, String actor, C item, Instant now, String action, String note, Map<String, ?> summary) {
        Connection con = em.unwrap(Connection.class);
        timeline.append(con, item.caseId(), action, null, item.caseStatus().name(), actor, now, note, null);
        audit(con, actor, action, item.caseId(), summary);
    }

    /** Starts the item's deadline with the workflow's tracked item (creation). */
    public void startDeadline(Connection con, TrackedItem item) {
        deadlines.get().start(con, item);
    }

    // ---------------------------------------------------------------- reads

    /** The item's timeline (in the caller's scope, else 404), oldest first. */
    public List<CaseEvent> events(SpmPrincipal caller, long id) {
        // a write transaction: EclipseLink binds a connection to the unit only inside one
        return tx.write(em -> {
            finder.find(em, caller, id);
            return timeline.list(em.unwrap(Connection.class), id);
        });
    }

    /** When {@code action} last happened to the item (inside a write transaction), null if never. */
    public Instant lastAt(EntityManager em, long id, String action) {
        Connection con = em.unwrap(Connection.class);
        if (con == null) {
            throw new IllegalStateException("lastAt needs a write transaction (EclipseLink has no connection outside one)");
        }
        return timeline.lastAt(con, id, action);
    }

    // ---------------------------------------------------------------- timeouts

    /**
     * Moves the items that stayed in the timeout transition's source states longer than
     * {@code after}: one transaction per item, re-checked inside it (status, time, version), the
     * timeline entry by {@code system} and the audit row {@code <prefix>.<auditAction>} with
     * {@code {from, to, automatic: true}}. At most 500 per run. @return how many were moved
     */
    public int runTimeout(Timeout timeout) {
        Transition<S> t = table.get(timeout.transition());
        if (!t.automatic()) {
            throw new IllegalArgumentException(timeout.transition() + " is not an automatic (SYSTEM) transition");
        }
        Instant cutoff = now().minus(timeout.after().get());
        List<Long> ids = tx.read(em -> em.createQuery("SELECT c.id FROM " + entity.getSimpleName()
                        + " c WHERE c.status IN :from AND c.statusChangedAt < :cutoff ORDER BY c.id", Long.class)
                .setParameter("from", List.copyOf(t.from())).setParameter("cutoff", cutoff).setMaxResults(500).getResultList());
        int moved = 0;
        for (long id : ids) {
            try {
                moved += tx.write(em -> {
                    C item = em.find(entity, id);
                    if (item == null || !t.from(item.caseStatus()) || !item.caseStatusChangedAt().isBefore(cutoff)) {
                        return 0;
                    }
                    Instant now = now();
                    S from = item.caseStatus();
                    Connection con = em.unwrap(Connection.class);
                    deadline(con, t.deadline(), item, now);
                    timeline.append(con, item.caseId(), t.name(), from.name(), t.to().name(), SYSTEM, now, null, null);
                    item.moveTo(t.to(), now, SYSTEM);
                    em.flush();
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("from", from.name());
                    summary.put("to", t.to().name());
                    summary.put("automatic", true);
                    audit(con, SYSTEM, timeout.auditAction(), item.caseId(), summary);
                    return 1;
                });
            } catch (ApiException e) {
                if (e.status() != 412) {
                    throw e;
                }
                // changed meanwhile (a person moved it, or another node)
            }
        }
        return moved;
    }

    /** The timeout as a platform job (one node at a time through the runner's cluster lock); {@code outcome} words the count. */
    public Job job(Timeout timeout, IntFunction<String> outcome) {
        table.get(timeout.transition());
        return Job.of(timeout.jobName(), () -> JobSchedule.every(timeout.every().get()), c -> {
            int n = runTimeout(timeout);
            if (n > 0) {
                LOG.info("{}: {} item(s) moved by {}", timeout.jobName(), n, timeout.transition());
            }
            return outcome.apply(n);
        });
    }

    // ---------------------------------------------------------------- same-transaction services

    /** Appends {@code <prefix>.<action>} on the item with a JSON summary written by Jackson. */
    public void audit(Connection con, String actor, String action, Object id, Map<String, ?> summary) {
        audit(con, actor, action, auditType, id, summary);
    }

    /** Appends {@code <prefix>.<action>} on another object of the domain ({@code photo-report}) with a JSON summary by Jackson. */
    public void audit(Connection con, String actor, String action, String objectType, Object id, Map<String, ?> summary) {
        AuditTrail a = audit.get();
        if (a != null) {
            a.append(con, AuditEvent.of(actor, auditPrefix + "." + action, objectType, id, summary == null ? null : Json.write(summary)));
        }
    }

    /**
     * Attaches uploaded files in the caller's transaction; with {@code imagesOnly} anything but an
     * image is a field error {@code photos.notImage} of the domain's texts (the transaction rolls back).
     */
    public List<Attachment> attach(Connection con, List<AttachmentInput> inputs, String uploader, String ownerKind, String ownerRef,
                                   String field, boolean imagesOnly) {
        if (inputs == null || inputs.isEmpty()) {
            return List.of();
        }
        List<Attachment> attached = files.get().attach(con, inputs, uploader, ownerKind, ownerRef, field + "[]");
        if (imagesOnly) {
            Validation v = new Validation(table.texts());
            for (int i = 0; i < attached.size(); i++) {
                String type = attached.get(i).contentType();
                if (type == null || !type.startsWith("image/")) {
                    v.error(field + "[" + i + "].fileId", "photos.notImage");
                }
            }
            v.throwIfInvalid();
        }
        return attached;
    }

    /** Attachments of the item under {@code ownerKind} (the workflow's kind when null). */
    public List<Attachment> attached(Connection con, String ownerKind, long id) {
        return files.get().attached(con, ownerKind == null ? domain : ownerKind, Long.toString(id));
    }

    /** An in-app notice linking to the item, on the caller's connection. */
    public void notify(Connection con, long accountId, MessageKind kind, Map<String, String> params, C item) {
        notifications.get().notify(con, accountId, kind, params, link == null ? null : link.apply(item));
    }

    /** An SMS about the item queued on the caller's connection; nothing when {@code phone} is null. */
    public void sms(Connection con, String phone, MessageKind kind, Map<String, String> params, C item) {
        if (phone != null) {
            sms.get().enqueue(con, new SmsRequest(phone, kind, params, reference == null ? null : reference.apply(item)));
        }
    }

    /** Declares one domain's kernel. */
    public static final class Builder<S extends Enum<S>, C extends CaseRecord<S>> {
        private final TransitionTable<S> table;
        private final Class<C> entity;
        private Transactions tx;
        private Supplier<Clock> clock = Clock::systemUTC;
        private CaseTimeline timeline;
        private CaseFinder<C> finder;
        private PartyCheck<C> parties;
        private String domain;
        private String auditType;
        private String auditPrefix;
        private Function<C, String> link;
        private Function<C, String> reference;
        private BiFunction<C, Instant, TrackedItem> tracked;
        private YearCounter counter;
        private Supplier<AuditTrail> audit = () -> null;
        private Supplier<FileStore> files;
        private Supplier<DeadlineTracker> deadlines;
        private Supplier<SmsOutbox> sms;
        private Supplier<Notifications> notifications;

        private Builder(TransitionTable<S> table, Class<C> entity) {
            this.table = table;
            this.entity = entity;
        }

        public Builder<S, C> transactions(Transactions t) {
            tx = t;
            return this;
        }

        public Builder<S, C> clock(Supplier<Clock> c) {
            clock = c;
            return this;
        }

        public Builder<S, C> timeline(CaseTimeline t) {
            timeline = t;
            return this;
        }

        public Builder<S, C> finder(CaseFinder<C> f) {
            finder = f;
            return this;
        }

        public Builder<S, C> parties(PartyCheck<C> p) {
            parties = p;
            return this;
        }

        /** Deadline domain and default owner kind of attachments ({@code complaint}). */
        public Builder<S, C> domain(String d) {
            domain = d;
            return this;
        }

        /** Audit object type (default the domain) and action prefix (default the table's prefix). */
        public Builder<S, C> audit(String objectType, String actionPrefix) {
            auditType = objectType;
            auditPrefix = actionPrefix;
            return this;
        }

        /** In-app link and SMS reference of an item ({@code /complaints/42}, {@code complaint:42}). */
        public Builder<S, C> links(Function<C, String> appLink, Function<C, String> smsReference) {
            link = appLink;
            reference = smsReference;
            return this;
        }

        /** What a {@link DeadlineStep#START} hands to the deadline tracker. */
        public Builder<S, C> trackedItem(BiFunction<C, Instant, TrackedItem> t) {
            tracked = t;
            return this;
        }

        public Builder<S, C> counter(YearCounter c) {
            counter = c;
            return this;
        }

        public Builder<S, C> services(Supplier<AuditTrail> auditTrail, Supplier<FileStore> fileStore, Supplier<DeadlineTracker> tracker,
                                      Supplier<SmsOutbox> outbox, Supplier<Notifications> inApp) {
            audit = auditTrail;
            files = fileStore;
            deadlines = tracker;
            sms = outbox;
            notifications = inApp;
            return this;
        }

        public CaseWorkflow<S, C> build() {
            return new CaseWorkflow<>(this);
        }
    }

    /** An ordered map of audit or timeline fields from key, value pairs; values may be null (unlike {@code Map.of}). */
    public static Map<String, Object> fields(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key, value pairs expected");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A period for {@link Timeout}: {@code days} read at every run. */
    public static Supplier<Duration> days(java.util.function.IntSupplier days) {
        return () -> Duration.ofDays(days.getAsInt());
    }
}
