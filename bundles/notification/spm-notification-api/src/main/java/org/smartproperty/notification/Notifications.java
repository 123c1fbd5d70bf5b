package org.smartproperty.notification;

import org.osgi.annotation.versioning.ProviderType;
import java.sql.Connection;
import java.util.Map;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;

/** In-app notifications (SLA-3: assignee and supervisor are notified in-app and by SMS). */
@ProviderType
public interface Notifications {

    /**
     * Writes an in-app notification for account {@code recipientAccountId} on the caller's
     * connection (same transaction as the business change); returns its id. {@code link} is an
     * app-relative path to the object, e.g. {@code /complaints/42}, optional.
     */
    long notify(Connection sameTransaction, long recipientAccountId, MessageKind kind, Map<String, String> params, String link);

    /** The account's notifications, newest first, texts in {@code locale}. */
    Page<Notification> list(long accountId, boolean unreadOnly, PageRequest page, java.util.Locale locale);

    /** Marks one of the account's notifications read; 404 when it is not the account's. */
    void markRead(long accountId, long notificationId);

    /** Marks all of the account's notifications read; returns how many changed. */
    int markAllRead(long accountId);
}
