package org.smartproperty.deadline.internal;

import java.sql.Connection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineListener;
import org.smartproperty.deadline.Escalation;
import org.smartproperty.deadline.WorkingCalendar;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AccountDirectory;

/**
 * SLA-3: each WARNING / OVERDUE escalation notifies the assignee and the supervisor in-app and by
 * SMS, on the monitor's connection, so the notifications commit exactly once with the monitor's flag.
 * Phone numbers come from the account's contact ({@link AccountDirectory}); an account without a
 * phone gets the in-app notification only, and a phone the outbox refuses skips that SMS (logged),
 * never the escalation.
 */
@Component(service = DeadlineListener.class)
public class DeadlineNotifier implements DeadlineListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineNotifier.class);
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsOutbox sms;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    @Reference
    private WorkingCalendar calendar;

    @Reference
    private AccountDirectory directory;

    public DeadlineNotifier() {
    }

    /** Outside OSGi (tests). */
    DeadlineNotifier(SmsOutbox sms, Notifications notifications, WorkingCalendar calendar, AccountDirectory directory) {
        this.directory = directory;
        this.sms = sms;
        this.notifications = notifications;
        this.calendar = calendar;
    }

    @Override
    public void onWarning(Connection c, Escalation e) {
        notifyAll(c, e, DeadlineMessageKinds.DEADLINE_WARNING);
    }

    @Override
    public void onOverdue(Connection c, Escalation e) {
        notifyAll(c, e, DeadlineMessageKinds.DEADLINE_OVERDUE);
    }

    private void notifyAll(Connection c, Escalation e, MessageKind kind) {
        Deadline d = e.deadline();
        Set<Long> recipients = new LinkedHashSet<>();
        if (d.assigneeAccountId() != null) {
            recipients.add(d.assigneeAccountId());
        }
        if (d.supervisorAccountId() != null) {
            recipients.add(d.supervisorAccountId());
        }
        if (recipients.isEmpty()) {
            return;
        }
        // both notification services up front: an absent one (its bundle being updated) fails this escalation, whose
        // savepoint rolls back and the next monitor run retries it (never a flag set without its notices)
        Notifications inbox = notifications();
        SmsOutbox outbox = sms();
        ZoneId zone = calendar.zone();
        String item = d.title() == null || d.title().isBlank() ? d.domain() : d.title();
        Map<String, String> params = Map.of(
                "item", item.length() > 60 ? item.substring(0, 60) : item,
                "no", String.valueOf(d.itemId()),
                "deadline", DUE.format(d.dueAt().atZone(zone)));
        String link = "/" + d.domain() + "s/" + d.itemId();
        for (long account : recipients) {
            inbox.notify(c, account, kind, params, link);
            String phone = phone(account);
            if (phone == null) {
                continue;
            }
            try {
                outbox.enqueue(c, new SmsRequest(phone, kind, params, d.domain() + ":" + d.itemId()));
            } catch (ApiException refused) {
                LOG.warn("No SMS for the {} of {}:{} to account {}: the outbox refused its phone ({})", kind, d.domain(), d.itemId(), account,
                        refused.code());
            }
        }
    }

    /** The account's phone, or null (no active account, no phone). */
    String phone(long accountId) {
        return directory.contact(accountId).map(AccountDirectory.Contact::phone).orElse(null);
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
