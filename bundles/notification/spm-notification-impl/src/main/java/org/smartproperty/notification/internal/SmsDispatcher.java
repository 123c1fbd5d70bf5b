package org.smartproperty.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.notification.SmsTemplates;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * INT-SMS: sends the committed outbox rows.
 * <ul>
 * <li>Claiming takes the row lock of {@code ntf_dispatch_lock} ('sms') in a short transaction, so
 * one node claims at a time (plain {@code SELECT … FOR UPDATE}: the same on H2 and PostgreSQL).
 * A claimed row is {@code SENDING} (attempts + 1) and COMMITTED before the provider is called; only
 * {@code QUEUED} rows are ever claimed, so a row is never sent twice by two nodes or two passes.</li>
 * <li>Per-number limits (per minute / hour / day, counted over the calls in {@code ntf_sms_attempt},
 * {@link SmsRateLimits}) DEFER a row to the moment the number is allowed again; nothing is dropped.</li>
 * <li>Certain refusals (flow control, connection refused) go back to {@code QUEUED} with exponential
 * backoff, {@code FAILED} after {@code maxAttempts}; permanent refusals are {@code FAILED}.</li>
 * <li>An unknown outcome (timeout, 5xx, garbled reply) and a row left {@code SENDING} by a dead
 * dispatcher become {@code UNKNOWN}: after {@code reconcileDelay} the provider is asked by outId;
 * only when it does not know the message is the row queued again.</li>
 * </ul>
 * Result writes are guarded by (state, attempts), so a late result never overwrites a newer state.
 */
@Component(service = HealthCheck.class, immediate = true, configurationPid = "org.smartproperty.notification",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NotificationConfig.class)
public class SmsDispatcher implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SmsDispatcher.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.notification.impl)")
    private SchemaReady schema;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsSender sender;

    private volatile DispatchSettings settings = DispatchSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private final String instance = "d-" + UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService scheduler;
    private ServiceRegistration<Job> job;
    /** Held for a pass; a change of sendThreads waits for it before replacing the send pool. */
    private final Object pass = new Object();
    private volatile ExecutorService workers;
    /** Set by {@link #crash()}: results of calls in flight are dropped, as if the JVM had died. */
    private volatile boolean crashed;

    public SmsDispatcher() {
    }

    /** Outside OSGi (tests): not scheduled until {@link #start()}. */
    public SmsDispatcher(DataSource dataSource, SmsSender sender, DispatchSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.workers = newWorkers(settings.sendThreads());
    }

    @Activate
    void activate(NotificationConfig config, BundleContext context) {
        settings = DispatchSettings.from(config);
        workers = newWorkers(settings.sendThreads());
        job = context.registerService(Job.class, job(), null);
        LOG.info("SMS dispatcher {} registered as job notification.sms-dispatch ({})", instance, job().schedule());
    }

    /**
     * Inside the platform the passes are the job {@code notification.sms-dispatch} (issue 10 item 3): every
     * {@code pollMillis} on every node (no cluster lock: the claim's row lock on {@code ntf_dispatch_lock} lets
     * the nodes share the work), disabled while {@code enabled=false}; a new poll applies from the next pass.
     */
    Job job() {
        return Job.perNode("notification.sms-dispatch",
                () -> settings.enabled() ? JobSchedule.every(settings.poll()) : JobSchedule.disabled(),
                c -> runOnce() + " sent");
    }

    @Modified
    synchronized void modified(NotificationConfig config) {
        DispatchSettings next = DispatchSettings.from(config);
        boolean standalone = job == null;
        boolean reschedule = standalone && (!next.poll().equals(settings.poll()) || next.enabled() != settings.enabled()
                || next.sendThreads() != settings.sendThreads());
        if (reschedule) {
            stopScheduler(); // the current pass finishes first
        }
        if (next.sendThreads() != settings.sendThreads()) {
            synchronized (pass) { // the current pass finishes first
                workers.shutdown();
                workers = newWorkers(next.sendThreads());
            }
        }
        settings = next;
        if (reschedule) {
            start();
        }
        LOG.info("SMS dispatcher settings changed: {}", next);
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
        stop();
    }

    private static ExecutorService newWorkers(int n) {
        AtomicInteger seq = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "spm-sms-send-" + seq.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Outside the platform (tests, tools): schedules passes on a timer of its own; inside, the job runner runs {@link #job()}. */
    public synchronized void start() {
        if (!settings.enabled() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spm-sms-dispatch");
            t.setDaemon(true);
            return t;
        });
        long poll = settings.poll().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, poll, poll, TimeUnit.MILLISECONDS);
        LOG.info("SMS dispatcher {} started (every {} ms)", instance, poll);
    }

    private synchronized void stopScheduler() {
        if (scheduler != null) {
            scheduler.shutdown(); // never interrupt: a pass may be inside JDBC
            try {
                scheduler.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    /** Graceful stop: the current pass finishes and records its results. */
    public void stop() {
        stopScheduler();
        if (workers != null) {
            workers.shutdown();
        }
    }

    /**
     * Test hook simulating a crash: stops scheduling and drops the results of calls in flight (rows
     * stay SENDING, as after a kill -9 between the provider call and the result write).
     */
    void crash() {
        crashed = true;
        synchronized (this) {
            if (scheduler != null) {
                scheduler.shutdown();
                scheduler = null;
            }
        }
        if (workers != null) {
            workers.shutdown();
        }
    }

    public String instance() {
        return instance;
    }

    DispatchSettings settings() {
        return settings;
    }

    private void tick() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("SMS dispatcher pass failed: {}", e.toString());
        }
    }

    /** One pass: recover stale SENDING rows, reconcile due UNKNOWN rows, claim and send due QUEUED rows. Returns rows sent. */
    public int runOnce() {
        SmsSender s = sender;
        if (s == null || crashed) {
            return 0;
        }
        synchronized (pass) {
            recoverStale();
            List<Row> unknown = claimUnknown();
            run(unknown, r -> reconcile(s, r));
            List<Row> claimed = claim(s.provider());
            run(claimed, r -> send(s, r));
            return claimed.size();
        }
    }

    private void run(List<Row> rows, java.util.function.Consumer<Row> action) {
        List<Future<?>> futures = new ArrayList<>();
        for (Row r : rows) {
            futures.add(workers.submit(() -> {
                try {
                    action.accept(r);
                } catch (RuntimeException e) {
                    LOG.warn("SMS {}: {}", r.outId, e.toString());
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.warn("SMS worker failed", e.getCause());
            }
        }
    }

    /** A claimed row. */
    record Row(long id, String outId, String phone, MessageKind kind, Locale locale, Map<String, String> params, int attempts,
               int reconciles, Instant sendingAt, long attemptId) {
    }

    // ------------------------------------------------------------------ claiming

    private void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM ntf_dispatch_lock WHERE name = 'sms' FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_dispatch_lock SET holder = ?, claimed_at = ? WHERE name = 'sms'")) {
            ps.setString(1, instance);
            ps.setObject(2, Db.ts(clock.instant()));
            ps.executeUpdate();
        }
    }

    private void recoverStale() {
        Instant now = clock.instant();
        int n = Db.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET state = 'UNKNOWN', reconciles = 0, next_attempt_at = ?,"
                    + " last_error = ? WHERE channel = 'SMS' AND state = 'SENDING' AND sending_at < ?")) {
                ps.setObject(1, Db.ts(now));
                ps.setString(2, "no result recorded (dispatcher stopped while sending)");
                ps.setObject(3, Db.ts(now.minus(settings.staleSending())));
                return ps.executeUpdate();
            }
        });
        if (n > 0) {
            LOG.warn("SMS dispatcher {}: {} message(s) were left SENDING by a stopped dispatcher; reconciling them with the provider", instance, n);
        }
    }

    List<Row> claim(String provider) {
        Instant now = clock.instant();
        DispatchSettings st = settings;
        return Db.tx(dataSource, c -> {
            lock(c);
            List<Row> due = select(c, "QUEUED", now, st.batchSize());
            List<Row> claimed = new ArrayList<>();
            for (Row r : due) {
                Instant allowed = SmsRateLimits.allowedAt(c, r.phone, now, st);
                if (allowed.isAfter(now)) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                        ps.setObject(1, Db.ts(allowed));
                        ps.setString(2, "rate limit: deferred");
                        ps.setLong(3, r.id);
                        ps.executeUpdate();
                    }
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET state = 'SENDING', attempts = attempts + 1,"
                        + " sending_at = ?, claimed_by = ?, provider = ? WHERE id = ? AND state = 'QUEUED'")) {
                    ps.setObject(1, Db.ts(now));
                    ps.setString(2, instance);
                    ps.setString(3, provider);
                    ps.setLong(4, r.id);
                    if (ps.executeUpdate() != 1) {
                        continue;
                    }
                }
                long attemptId = Db.nextval(c, "ntf_sms_attempt_seq");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_sms_attempt (id, outbox_id, phone, at, outcome)"
                        + " VALUES (?,?,?,?,'SENDING')")) {
                    ps.setLong(1, attemptId);
                    ps.setLong(2, r.id);
                    ps.setString(3, r.phone);
                    ps.setObject(4, Db.ts(now));
                    ps.executeUpdate();
                }
                claimed.add(new Row(r.id, r.outId, r.phone, r.kind, r.locale, r.params, r.attempts + 1, r.reconciles, now, attemptId));
            }
            return claimed;
        });
    }

    private List<Row> claimUnknown() {
        Instant now = clock.instant();
        DispatchSettings st = settings;
        return Db.tx(dataSource, c -> {
            lock(c);
            List<Row> due = select(c, "UNKNOWN", now, st.batchSize());
            List<Row> leased = new ArrayList<>();
            for (Row r : due) {
                // lease: nobody else reconciles this row before reconcileDelay has passed again
                try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET next_attempt_at = ?, reconciles = reconciles + 1"
                        + " WHERE id = ? AND state = 'UNKNOWN' AND reconciles = ?")) {
                    ps.setObject(1, Db.ts(now.plus(st.reconcileDelay())));
                    ps.setLong(2, r.id);
                    ps.setInt(3, r.reconciles);
                    if (ps.executeUpdate() == 1) {
                        leased.add(new Row(r.id, r.outId, r.phone, r.kind, r.locale, r.params, r.attempts, r.reconciles + 1, r.sendingAt, 0));
                    }
                }
            }
            return leased;
        });
    }

    private static List<Row> select(Connection c, String state, Instant now, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, out_id, phone, kind, locale, params, attempts, reconciles, sending_at"
                + " FROM ntf_sms_outbox WHERE channel = 'SMS' AND state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT " + limit)) {
            ps.setString(1, state);
            ps.setObject(2, Db.ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong("id"), rs.getString("out_id"), rs.getString("phone"), MessageKind.valueOf(rs.getString("kind")),
                            Locale.forLanguageTag(rs.getString("locale")), Db.fromJson(rs.getString("params")), rs.getInt("attempts"),
                            rs.getInt("reconciles"), Db.instant(rs, "sending_at"), 0));
                }
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ sending

    private void send(SmsSender s, Row r) {
        SmsSender.SendResult res;
        try {
            res = s.send(List.of(r.phone), SmsTemplates.code(r.kind, r.locale), r.params, r.kind.params(), r.outId);
        } catch (RuntimeException e) {
            res = new SmsSender.SendResult(SmsSender.Outcome.UNKNOWN, null, "EXCEPTION", e.toString());
        }
        if (crashed) {
            return; // simulated crash: the result is lost, the row stays SENDING
        }
        record(r, res);
    }

    void record(Row r, SmsSender.SendResult res) {
        Instant now = clock.instant();
        DispatchSettings st = settings;
        String error = res.outcome() == SmsSender.Outcome.ACCEPTED ? null
                : Db.truncate(res.outcome() + " " + res.errorCode() + (res.message() == null ? "" : ": " + res.message()), 500);
        Db.tx(dataSource, c -> {
            String sql;
            List<Object> args = new ArrayList<>();
            switch (res.outcome()) {
                case ACCEPTED -> {
                    sql = "state = 'SENT', biz_id = ?, sent_at = ?, last_error = NULL";
                    args.add(res.bizId());
                    args.add(Db.ts(now));
                }
                case RETRYABLE -> {
                    if (r.attempts >= st.maxAttempts()) {
                        sql = "state = 'FAILED', finished_at = ?, last_error = ?";
                        args.add(Db.ts(now));
                        args.add(error);
                    } else {
                        sql = "state = 'QUEUED', next_attempt_at = ?, last_error = ?";
                        args.add(Db.ts(now.plus(st.backoff(r.attempts))));
                        args.add(error);
                    }
                }
                case PERMANENT -> {
                    sql = "state = 'FAILED', finished_at = ?, last_error = ?";
                    args.add(Db.ts(now));
                    args.add(error);
                }
                default -> {
                    sql = "state = 'UNKNOWN', reconciles = 0, next_attempt_at = ?, last_error = ?";
                    args.add(Db.ts(now.plus(st.reconcileDelay())));
                    args.add(error);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET " + sql + " WHERE id = ? AND state = 'SENDING' AND attempts = ?")) {
                int i = 1;
                for (Object a : args) {
                    ps.setObject(i++, a);
                }
                ps.setLong(i++, r.id);
                ps.setInt(i, r.attempts);
                ps.executeUpdate(); // 0 rows: a receipt or a reconciliation got there first
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_attempt SET outcome = ?, error = ? WHERE id = ?")) {
                ps.setString(1, res.outcome().name());
                ps.setString(2, error);
                ps.setLong(3, r.attemptId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ reconciliation

    private void reconcile(SmsSender s, Row r) {
        LocalDate day = (r.sendingAt == null ? clock.instant() : r.sendingAt).atZone(CHINA).toLocalDate();
        SmsSender.QueryResult q;
        try {
            q = s.query(r.outId, r.phone, day);
        } catch (RuntimeException e) {
            q = new SmsSender.QueryResult(SmsSender.QueryStatus.ERROR, null, e.toString());
        }
        if (crashed) {
            return;
        }
        Instant now = clock.instant();
        DispatchSettings st = settings;
        SmsSender.QueryResult result = q;
        Db.tx(dataSource, c -> {
            String sql;
            List<Object> args = new ArrayList<>();
            switch (result.status()) {
                case NOT_FOUND -> {
                    if (r.attempts >= st.maxAttempts()) {
                        sql = "state = 'FAILED', finished_at = ?, last_error = ?";
                        args.add(Db.ts(now));
                        args.add("not received by the provider after " + r.attempts + " attempts");
                    } else {
                        sql = "state = 'QUEUED', next_attempt_at = ?, last_error = ?";
                        args.add(Db.ts(now));
                        args.add("not received by the provider: queued again");
                    }
                }
                case ACCEPTED -> {
                    sql = "state = 'SENT', biz_id = COALESCE(?, biz_id), sent_at = COALESCE(sent_at, sending_at), last_error = NULL";
                    args.add(result.bizId());
                }
                case DELIVERED -> {
                    sql = "state = 'DELIVERED', biz_id = COALESCE(?, biz_id), sent_at = COALESCE(sent_at, sending_at), finished_at = ?, last_error = NULL";
                    args.add(result.bizId());
                    args.add(Db.ts(now));
                }
                case FAILED -> {
                    sql = "state = 'FAILED', biz_id = COALESCE(?, biz_id), finished_at = ?, last_error = ?";
                    args.add(result.bizId());
                    args.add(Db.ts(now));
                    args.add(Db.truncate("provider: " + result.errorCode(), 500));
                }
                default -> {
                    sql = "last_error = ?";
                    args.add(Db.truncate("query failed: " + result.errorCode(), 500));
                }
            }
            int changed;
            try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET " + sql + " WHERE id = ? AND state = 'UNKNOWN' AND reconciles = ?")) {
                int i = 1;
                for (Object a : args) {
                    ps.setObject(i++, a);
                }
                ps.setLong(i++, r.id);
                ps.setInt(i, r.reconciles);
                changed = ps.executeUpdate();
            }
            if (changed == 1 && result.status() == SmsSender.QueryStatus.NOT_FOUND) {
                // the provider never got it: that call does not count against the number's limits
                try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_attempt SET outcome = 'NOT_RECEIVED' WHERE outbox_id = ?"
                        + " AND outcome IN ('SENDING','UNKNOWN')")) {
                    ps.setLong(1, r.id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ health

    @Override
    public String name() {
        return "sms-outbox";
    }

    /** Operational, not a condition of serving: see {@link HealthCheck#readiness()}. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        try {
            DispatchSettings st = settings;
            Instant now = clock.instant();
            return Db.tx(dataSource, c -> {
                long backlog;
                Instant oldest;
                long unknown;
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(created_at), sum(CASE WHEN state = 'UNKNOWN' THEN 1 ELSE 0 END)"
                        + " FROM ntf_sms_outbox WHERE channel = 'SMS' AND state IN ('QUEUED','SENDING','UNKNOWN')"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    backlog = rs.getLong(1);
                    java.time.OffsetDateTime o = rs.getObject(2, java.time.OffsetDateTime.class);
                    oldest = o == null ? null : o.toInstant();
                    unknown = rs.getLong(3);
                }
                long ageSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).getSeconds());
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("backlog", backlog);
                details.put("unknown", unknown);
                details.put("oldestAgeSeconds", ageSeconds);
                details.put("provider", sender == null ? "none" : sender.provider());
                details.put("dispatching", settings.enabled());
                HealthStatus status = HealthStatus.UP;
                if (backlog >= st.warnBacklog() || ageSeconds >= st.warnAge().getSeconds() || sender == null) {
                    status = HealthStatus.WARNING;
                }
                if (backlog >= st.criticalBacklog() || ageSeconds >= st.criticalAge().getSeconds()) {
                    status = HealthStatus.DOWN;
                }
                String summary = sender == null ? "no SMS provider configured; " + backlog + " message(s) waiting"
                        : backlog + " message(s) waiting, oldest " + ageSeconds + " s";
                return new HealthResult(status, summary, details);
            });
        } catch (RuntimeException e) {
            return HealthResult.down("sms outbox unreadable: " + e.getMessage(), Map.of());
        }
    }
}
