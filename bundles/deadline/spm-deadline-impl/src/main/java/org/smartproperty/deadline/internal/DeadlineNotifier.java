package org.smartproperty.deadline.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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

/**
 * SLA-3: each WARNING / OVERDUE escalation notifies the assignee and the supervisor in-app and by
 * SMS, on the monitor's connection, so the notifications commit exactly once with the monitor's flag.
 * Phone numbers come from the security accounts ({@code sec_account.phone}); the security schema has
 * no such column yet, so until it does only the in-app notifications go out (logged once). A stored
 * phone the outbox refuses skips that SMS (logged), never the escalation.
 */
@Component(service = DeadlineListener.class)
public class DeadlineNotifier implements DeadlineListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineNotifier.class);
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Reference
    private SmsOutbox sms;

    @Reference
    private Notifications notifications;

    @Reference
    private WorkingCalendar calendar;

    private volatile Boolean phoneColumn;

    public DeadlineNotifier() {
    }

    /** Outside OSGi (tests). */
    DeadlineNotifier(SmsOutbox sms, Notifications notifications, WorkingCalendar calendar) {
        this.sms = sms;
        this.notifications = notifications;
        this.calendar = calendar;
    }

    @Override
    public void onWarning(Connection c, Escalation e) {
        notifyAll(c, e, MessageKind.DEADLINE_WARNING);
    }

    @Override
    public void onOverdue(Connection c, Escalation e) {
        notifyAll(c, e, MessageKind.DEADLINE_OVERDUE);
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
        ZoneId zone = calendar.zone();
        String item = d.title() == null || d.title().isBlank() ? d.domain() : d.title();
        Map<String, String> params = Map.of(
                "item", item.length() > 60 ? item.substring(0, 60) : item,
                "no", String.valueOf(d.itemId()),
                "deadline", DUE.format(d.dueAt().atZone(zone)));
        String link = "/" + d.domain() + "s/" + d.itemId();
        for (long account : recipients) {
            notifications.notify(c, account, kind, params, link);
            String phone = phone(c, account);
            if (phone == null) {
                continue;
            }
            try {
                sms.enqueue(c, new SmsRequest(phone, kind, params, d.domain() + ":" + d.itemId()));
            } catch (ApiException refused) {
                LOG.warn("No SMS for the {} of {}:{} to account {}: the outbox refused its phone ({})", kind, d.domain(), d.itemId(), account,
                        refused.code());
            }
        }
    }

    /** The account's phone, or null (no such column yet, no account, no phone). */
    String phone(Connection c, long accountId) {
        try {
            if (phoneColumn == null) {
                phoneColumn = hasPhoneColumn(c);
                if (!phoneColumn) {
                    LOG.warn("sec_account has no phone column: deadline escalations are notified in-app only, no SMS");
                }
            }
            if (!phoneColumn) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT phone FROM sec_account WHERE id = ?")) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("phone of account " + accountId + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean hasPhoneColumn(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String table : new String[] {"sec_account", "SEC_ACCOUNT"}) {
            for (String column : new String[] {"phone", "PHONE"}) {
                try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), table, column)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
