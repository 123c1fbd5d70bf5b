package org.smartproperty.notification;

import org.smartproperty.platform.Messages;

/** Texts of the notification domain (zh-CN base, en): errors and in-app notification texts. */
public final class NotificationMessages {

    public static final Messages TEXTS = Messages.of(NotificationMessages.class, "org.smartproperty.notification.messages");

    private NotificationMessages() {
    }
}
