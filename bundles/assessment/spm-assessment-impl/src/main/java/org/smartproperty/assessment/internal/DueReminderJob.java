package org.smartproperty.assessment.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;

/**
 * COS-8 reminders (platform job {@code assessment.due-reminders}, every 6 hours, one node at a time by the job runner's lock):
 * the accounts of every company whose report in an OPEN round is not submitted (or was returned) get an in-app notification
 * {@code ASSESSMENT_DUE} once the round's due date is within {@code reminder.leadDays} (default 5) days — once per round and
 * company: the row in {@code asm_reminder} and the notifications commit together, so a crash never loses or repeats one.
 * No SMS: the reminder is a console task of the company's staff, not an urgent case.
 */
@Component(immediate = true, service = {})
public class DueReminderJob {

    static final MessageKind ASSESSMENT_DUE = MessageKind.of("ASSESSMENT_DUE");
    private static final Logger LOG = LoggerFactory.getLogger(DueReminderJob.class);

    @Reference
    private AssessmentInternals assessment;

    @Reference
    private AccountDirectory directory;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    private ServiceRegistration<Job> job;
    private Clock clock = Clock.system(AssessmentServiceImpl.ZONE);

    public DueReminderJob() {
    }

    DueReminderJob(AssessmentInternals assessment, AccountDirectory directory, Notifications notifications, DataSource ds, Clock clock) {
        this.assessment = assessment;
        this.directory = directory;
        this.notifications = notifications;
        this.dataSource = ds;
        this.clock = clock;
    }

    @Activate
    void activate(BundleContext context) {
        job = context.registerService(Job.class, Job.of("assessment.due-reminders", () -> JobSchedule.every(Duration.ofHours(6),
                Duration.ofMinutes(3)), c -> run() + " company report(s) reminded"), null);
    }

    @Deactivate
    void deactivate() {
        try {
            job.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }

    /** Sends the reminders due today that were not sent yet; @return how many reports were reminded now. */
    int run() throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(AssessmentServiceImpl.ZONE));
        int sent = 0;
        for (AssessmentInternals.DueReport d : assessment.dueReports(today, assessment.reminderLeadDays())) {
            if (remind(d)) {
                sent++;
            }
        }
        if (sent > 0) {
            LOG.info("Assessment due-date reminders sent: {}", sent);
        }
        return sent;
    }

    private boolean remind(AssessmentInternals.DueReport d) throws SQLException {
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM asm_reminder WHERE round_id = ? AND company_id = ?")) {
                ps.setLong(1, d.roundId());
                ps.setLong(2, d.companyId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            // the notification service up front: while it is away this report's transaction fails and the next run sends it
            Notifications inbox = ApiException.requireAvailable(notifications, "notification");
            Set<Long> recipients = new LinkedHashSet<>();
            directory.accountsOf(DataScope.company(d.companyId())).forEach(a -> recipients.add(a.accountId()));
            Map<String, String> params = Map.of("round", d.roundName(), "dueDate", d.dueDate().toString());
            for (long account : recipients) {
                inbox.notify(c, account, ASSESSMENT_DUE, params, "/assessment/rounds/" + d.roundId());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO asm_reminder (round_id, company_id, sent_at, recipients) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, d.roundId());
                ps.setLong(2, d.companyId());
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                ps.setInt(4, recipients.size());
                ps.executeUpdate();
            }
            return true;
        });
    }
}
