package org.smartproperty.committee.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;

/**
 * OC-2 reminders: every few hours, committees whose term ends within the configured lead time
 * ({@code reminder.leadDays}, default 60) are reminded ONCE per term end: an in-app notification
 * to the committee's accounts and to the regulator's staff, an SMS to the committee's phone and
 * its head's. The reminder row, the notifications and the SMS outbox rows commit together, so a
 * crash never loses or repeats one; one node at a time runs the job (the platform job runner's cluster lock, issue 10 item 3).
 */
@Component(immediate = true, service = HealthCheck.class)
public class TermReminderJob implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TermReminderJob.class);

    @Reference
    private CommitteeInternals committees;

    @Reference
    private AccountDirectory directory;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsOutbox sms;

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    private ServiceRegistration<Job> job;
    private volatile Instant lastRun;
    private volatile String lastError;

    public TermReminderJob() {
    }

    TermReminderJob(CommitteeInternals committees, AccountDirectory directory, Notifications notifications, SmsOutbox sms, DataSource ds) {
        this.committees = committees;
        this.directory = directory;
        this.notifications = notifications;
        this.sms = sms;
        this.dataSource = ds;
    }

    @Activate
    void activate(BundleContext context) {
        job = context.registerService(Job.class, job(), null);
    }

    @Deactivate
    void deactivate() {
        try {
            job.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }

    /** The platform job (issue 10 item 3): every 6 hours (first 2 minutes after start), one node at a time (the runner's lock). */
    Job job() {
        return Job.of("committee.term-reminders", () -> JobSchedule.every(Duration.ofHours(6), Duration.ofMinutes(2)), c -> {
            try {
                int n = run(LocalDate.now(CommitteeServiceImpl.ZONE));
                if (n > 0) {
                    LOG.info("Committee term reminders sent: {}", n);
                }
                return n + " committee(s) reminded";
            } catch (Exception e) {
                lastError = e.toString();
                throw e;
            }
        });
    }

    /**
     * Sends the reminders due on {@code today} that were not sent yet; returns how many committees were reminded now.
     * One node at a time through the job runner's cluster lock; each reminder row is the record that it was done.
     */
    int run(LocalDate today) throws SQLException {
        int sent = 0;
        for (CommitteeServiceImpl.ReminderTarget t : committees.termReminderTargets(today)) {
            if (remind(t)) {
                sent++;
            }
        }
        lastRun = Instant.now();
        lastError = null;
        return sent;
    }

    /** One committee in one transaction: the reminder row first (a second node or run finds it and stops), then the messages. */
    private boolean remind(CommitteeServiceImpl.ReminderTarget t) throws SQLException {
        return Jdbc.transaction(dataSource, c -> {
            if (alreadySent(c, t)) {
                return false;
            }
            // both notification services up front: an absent one (its bundle being updated) fails this committee's
            // transaction before anything is written, and the next run sends the reminder (never a row without its SMS)
            Notifications inbox = notifications();
            SmsOutbox outbox = sms();
            Map<String, String> params = Map.of("committee", t.name(), "termEnd", t.termEnd().toString());
            String link = "/committees/" + t.committeeId();
            Set<Long> recipients = new LinkedHashSet<>();
            directory.accountsOf(DataScope.committee(t.estateId())).forEach(a -> recipients.add(a.accountId()));
            directory.accountsWithRole(Role.REGULATOR).forEach(a -> recipients.add(a.accountId()));
            for (long account : recipients) {
                inbox.notify(c, account, CommitteeMessageKinds.COMMITTEE_TERM_ENDING, params, link);
            }
            int texts = 0;
            for (String phone : t.phones()) {
                try {
                    outbox.enqueue(c, new SmsRequest(phone, CommitteeMessageKinds.COMMITTEE_TERM_ENDING, params, "committee:" + t.committeeId()));
                    texts++;
                } catch (ApiException e) {
                    LOG.warn("Committee {}: no term reminder SMS to an invalid phone ({})", t.committeeId(), e.getMessage());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ocm_term_reminder (committee_id, term_end, sent_at, recipients) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, t.committeeId());
                ps.setObject(2, t.termEnd());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setInt(4, recipients.size() + texts);
                ps.executeUpdate();
            }
            return true;
        });
    }

    private static boolean alreadySent(Connection c, CommitteeServiceImpl.ReminderTarget t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ocm_term_reminder WHERE committee_id = ? AND term_end = ?")) {
            ps.setLong(1, t.committeeId());
            ps.setObject(2, t.termEnd());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public String name() {
        return "committee-term-reminders";
    }

    /** Operational, not a condition of serving: see {@link HealthCheck#readiness()}. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        Map<String, Object> details = new java.util.HashMap<>();
        details.put("lastRun", lastRun == null ? "never" : lastRun.toString());
        if (lastError != null) {
            details.put("error", lastError);
            return new HealthResult(org.smartproperty.platform.HealthStatus.WARNING, "last run failed: " + lastError, details);
        }
        return HealthResult.up(lastRun == null ? "not run yet" : "last run " + lastRun, details);
    }

    /** The notification domain's Notifications, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private Notifications notifications() {
        return ApiException.requireAvailable(notifications, "notification");
    }

    /** The notification domain's SmsOutbox, or 503 while its impl bundle is being updated (the call's transaction rolls back). */
    private SmsOutbox sms() {
        return ApiException.requireAvailable(sms, "notification");
    }
}
