package org.smartproperty.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.notification.WechatSender;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AccountDirectory;

/**
 * INT-WX (issue 18): the WECHAT channel of the outbox ({@code ntf_sms_outbox} rows with {@code channel = 'WECHAT'}), queued by
 * {@link NotificationsImpl#notify} beside an in-app notification when the WeChat adapter has a template for the kind. A pass
 * claims due QUEUED rows under the row lock {@code ntf_dispatch_lock} ('wechat'), marks them SENDING and commits, then for each
 * looks up the recipient's openid ({@link AccountDirectory#wechatOpenId}) and sends:
 * <ul>
 * <li>no binding: {@code SKIPPED}, reason recorded; accepted: {@code SENT} (WeChat's msgid as biz_id; WeChat sends no receipts);</li>
 * <li>busy, rate limit, token trouble, not reachable before sending: {@code QUEUED} again with the SMS backoff, {@code FAILED}
 *     after {@code maxAttempts};</li>
 * <li>a refusal (43101 the user has not subscribed, a bad template, …): {@code FAILED}, final, never retried;</li>
 * <li>an unknown outcome (timeout after sending, 5xx) and a row left SENDING by a stopped node: {@code FAILED} with the reason —
 *     WeChat cannot be asked whether a message went out, and a second one would spend another subscription of the user.</li>
 * </ul>
 * Settings (poll, batch, attempts, backoff, stale SENDING) are the outbox's, PID {@code org.smartproperty.notification}.
 */
@Component(service = {}, immediate = true, configurationPid = "org.smartproperty.notification", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class WechatDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WechatDispatcher.class);
    static final String CHANNEL = "WECHAT";

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.notification.impl)")
    private SchemaReady schema;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile WechatSender sender;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccountDirectory directory;

    private volatile DispatchSettings settings = DispatchSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private final String instance = "wx-" + UUID.randomUUID().toString().substring(0, 8);
    private ServiceRegistration<Job> job;

    public WechatDispatcher() {
    }

    /** Outside OSGi (tests): passes by {@link #runOnce()}. */
    public WechatDispatcher(DataSource dataSource, WechatSender sender, AccountDirectory directory, DispatchSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.sender = sender;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @Activate
    void activate(NotificationConfig config, BundleContext context) {
        settings = DispatchSettings.from(config);
        job = context.registerService(Job.class, Job.perNode("notification.wechat-dispatch",
                () -> settings.enabled() ? JobSchedule.every(settings.poll()) : JobSchedule.disabled(), c -> runOnce() + " sent"), null);
    }

    @Modified
    void modified(NotificationConfig config) {
        settings = DispatchSettings.from(config);
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
    }

    /** Queues one WECHAT row on the caller's connection (the transaction of the in-app notification). */
    static String enqueue(Connection c, long accountId, MessageKind kind, Map<String, String> params, String link, String reference, Instant now)
            throws SQLException {
        long id = Db.nextval(c, "ntf_sms_outbox_seq");
        String outId = "WX" + id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_sms_outbox (id, out_id, channel, account_id, link, kind, locale, params,"
                + " reference, state, attempts, reconciles, next_attempt_at, created_at) VALUES (?,?,'WECHAT',?,?,?,'zh-CN',?,?,'QUEUED',0,0,?,?)")) {
            ps.setLong(1, id);
            ps.setString(2, outId);
            ps.setLong(3, accountId);
            ps.setString(4, link);
            ps.setString(5, kind.name());
            ps.setString(6, Db.toJson(params));
            ps.setString(7, reference == null || reference.length() <= 64 ? reference : reference.substring(0, 64));
            ps.setObject(8, Db.ts(now));
            ps.setObject(9, Db.ts(now));
            ps.executeUpdate();
        }
        return outId;
    }

    /** A claimed row. */
    record Row(long id, String outId, long accountId, MessageKind kind, Map<String, String> params, String link, int attempts) {
    }

    /** One pass: stale SENDING rows fail, due QUEUED rows are claimed and sent. Returns the rows sent (accepted or not). */
    public int runOnce() {
        WechatSender s = sender;
        AccountDirectory d = directory;
        if (s == null || d == null) {
            return 0;
        }
        failStale();
        List<Row> claimed = claim();
        for (Row r : claimed) {
            try {
                send(s, d, r);
            } catch (RuntimeException e) {
                LOG.warn("WeChat message {}: {}", r.outId, e.toString());
            }
        }
        return claimed.size();
    }

    private void failStale() {
        Instant now = clock.instant();
        int n = Db.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET state = 'FAILED', finished_at = ?, last_error = ?"
                    + " WHERE channel = 'WECHAT' AND state = 'SENDING' AND sending_at < ?")) {
                ps.setObject(1, Db.ts(now));
                ps.setString(2, "no result recorded (dispatcher stopped while sending); not repeated: WeChat cannot be asked");
                ps.setObject(3, Db.ts(now.minus(settings.staleSending())));
                return ps.executeUpdate();
            }
        });
        if (n > 0) {
            LOG.warn("WeChat dispatcher {}: {} message(s) left SENDING by a stopped dispatcher marked FAILED", instance, n);
        }
    }

    List<Row> claim() {
        Instant now = clock.instant();
        DispatchSettings st = settings;
        return Db.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM ntf_dispatch_lock WHERE name = 'wechat' FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            List<Row> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, out_id, account_id, kind, params, link, attempts FROM ntf_sms_outbox"
                    + " WHERE channel = 'WECHAT' AND state = 'QUEUED' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT " + st.batchSize())) {
                ps.setObject(1, Db.ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), MessageKind.valueOf(rs.getString(4)), Db.fromJson(rs.getString(5)),
                                rs.getString(6), rs.getInt(7)));
                    }
                }
            }
            List<Row> claimed = new ArrayList<>();
            for (Row r : due) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET state = 'SENDING', attempts = attempts + 1, sending_at = ?,"
                        + " claimed_by = ?, provider = 'wechat' WHERE id = ? AND state = 'QUEUED'")) {
                    ps.setObject(1, Db.ts(now));
                    ps.setString(2, instance);
                    ps.setLong(3, r.id);
                    if (ps.executeUpdate() == 1) {
                        claimed.add(new Row(r.id, r.outId, r.accountId, r.kind, r.params, r.link, r.attempts + 1));
                    }
                }
            }
            return claimed;
        });
    }

    private void send(WechatSender s, AccountDirectory d, Row r) {
        Optional<String> openid = d.wechatOpenId(r.accountId, s.appId());
        if (openid.isEmpty()) {
            finish(r, "SKIPPED", null, "skipped: account " + r.accountId + " is not bound to a WeChat user of " + s.appId());
            return;
        }
        SmsSender.SendResult res;
        try {
            res = s.send(openid.get(), r.kind, r.params, r.link, r.outId);
        } catch (RuntimeException e) {
            res = new SmsSender.SendResult(SmsSender.Outcome.UNKNOWN, null, "EXCEPTION", e.toString());
        }
        String error = res.outcome() == SmsSender.Outcome.ACCEPTED ? null
                : Db.truncate(res.outcome() + " " + res.errorCode() + (res.message() == null ? "" : ": " + res.message()), 500);
        switch (res.outcome()) {
            case ACCEPTED -> finish(r, "SENT", res.bizId(), null);
            case RETRYABLE -> {
                if (r.attempts >= settings.maxAttempts()) {
                    finish(r, "FAILED", null, error);
                } else {
                    Instant next = clock.instant().plus(settings.backoff(r.attempts));
                    Db.tx(dataSource, c -> {
                        try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET state = 'QUEUED', next_attempt_at = ?, last_error = ?"
                                + " WHERE id = ? AND state = 'SENDING' AND attempts = ?")) {
                            ps.setObject(1, Db.ts(next));
                            ps.setString(2, error);
                            ps.setLong(3, r.id);
                            ps.setInt(4, r.attempts);
                            return ps.executeUpdate();
                        }
                    });
                }
            }
            case PERMANENT -> finish(r, "FAILED", null, error);
            default -> finish(r, "FAILED", null, Db.truncate(error + " (not repeated: WeChat cannot be asked whether it was sent)", 500));
        }
    }

    private void finish(Row r, String state, String bizId, String error) {
        Instant now = clock.instant();
        Db.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_sms_outbox SET state = ?, biz_id = ?, last_error = ?, finished_at = ?"
                    + ("SENT".equals(state) ? ", sent_at = ?" : ", sent_at = sent_at") + " WHERE id = ? AND state = 'SENDING' AND attempts = ?")) {
                int i = 1;
                ps.setString(i++, state);
                ps.setString(i++, bizId);
                ps.setString(i++, error);
                ps.setObject(i++, Db.ts(now));
                if ("SENT".equals(state)) {
                    ps.setObject(i++, Db.ts(now));
                }
                ps.setLong(i++, r.id);
                ps.setInt(i, r.attempts);
                return ps.executeUpdate();
            }
        });
    }
}
