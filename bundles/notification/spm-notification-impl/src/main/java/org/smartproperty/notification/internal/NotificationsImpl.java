package org.smartproperty.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notification;
import org.smartproperty.notification.NotificationMessages;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsTemplates;
import org.smartproperty.notification.WechatSender;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * SLA-3: in-app notifications in {@code ntf_notification}; texts rendered from the kind's template in the reader's language.
 * INT-WX (issue 18): when the WeChat adapter has a subscription-message template for the kind, the same transaction queues a
 * {@code WECHAT} row of the outbox for the recipient account ({@link WechatDispatcher} sends it to the account's openid).
 */
@Component(service = Notifications.class)
public class NotificationsImpl implements Notifications {

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.notification.impl)")
    private SchemaReady schema;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile WechatSender wechat;

    private Clock clock = Clock.systemUTC();

    public NotificationsImpl() {
    }

    /** Outside OSGi (tests). */
    public NotificationsImpl(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Outside OSGi (tests): with the WeChat channel. */
    public NotificationsImpl(DataSource dataSource, Clock clock, WechatSender wechat) {
        this(dataSource, clock);
        this.wechat = wechat;
    }

    @Override
    public long notify(Connection c, long recipientAccountId, MessageKind kind, Map<String, String> params, String link) {
        Validation v = new Validation(NotificationMessages.TEXTS);
        Map<String, String> p = params == null ? Map.of() : params;
        for (String name : kind.params()) {
            if (p.get(name) == null || p.get(name).isBlank()) {
                v.error("params." + name, "field.param.missing");
            }
        }
        v.maxLength("link", link, 255);
        v.throwIfInvalid();
        try {
            long id = Db.nextval(c, "ntf_notification_seq");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_notification (id, account_id, kind, params, link, created_at)"
                    + " VALUES (?,?,?,?,?,?)")) {
                ps.setLong(1, id);
                ps.setLong(2, recipientAccountId);
                ps.setString(3, kind.name());
                ps.setString(4, Db.toJson(p));
                ps.setString(5, link);
                ps.setObject(6, Db.ts(clock.instant()));
                ps.executeUpdate();
            }
            WechatSender w = wechat;
            if (w != null && w.handles(kind)) {
                WechatDispatcher.enqueue(c, recipientAccountId, kind, p, link, "notification:" + id, clock.instant());
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("notification: " + e.getMessage(), e);
        }
    }

    @Override
    public Page<Notification> list(long accountId, boolean unreadOnly, PageRequest page, Locale locale) {
        String where = " WHERE account_id = ?" + (unreadOnly ? " AND read_at IS NULL" : "");
        return Db.tx(dataSource, c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ntf_notification" + where)) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Notification> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, params, link, created_at, read_at FROM ntf_notification" + where
                    + " ORDER BY created_at DESC, id DESC LIMIT " + page.size() + " OFFSET " + page.offset())) {
                ps.setLong(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        MessageKind kind = MessageKind.valueOf(rs.getString("kind"));
                        Map<String, String> params = Db.fromJson(rs.getString("params"));
                        items.add(new Notification(rs.getLong("id"), kind, SmsTemplates.render(kind, locale, params), params,
                                rs.getString("link"), Db.instant(rs, "created_at"), Db.instant(rs, "read_at")));
                    }
                }
            }
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public void markRead(long accountId, long notificationId) {
        Instant now = clock.instant();
        int n = Db.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_notification SET read_at = COALESCE(read_at, ?) WHERE id = ? AND account_id = ?")) {
                ps.setObject(1, Db.ts(now));
                ps.setLong(2, notificationId);
                ps.setLong(3, accountId);
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new ApiException(404, "problem.notFound", org.smartproperty.platform.Messages.PLATFORM, null,
                    NotificationMessages.TEXTS.text("notification"), String.valueOf(notificationId));
        }
    }

    @Override
    public int markAllRead(long accountId) {
        Instant now = clock.instant();
        return Db.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ntf_notification SET read_at = ? WHERE account_id = ? AND read_at IS NULL")) {
                ps.setObject(1, Db.ts(now));
                ps.setLong(2, accountId);
                return ps.executeUpdate();
            }
        });
    }
}
