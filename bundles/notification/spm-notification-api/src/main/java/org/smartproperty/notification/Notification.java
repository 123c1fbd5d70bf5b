package org.smartproperty.notification;

import java.time.Instant;
import java.util.Map;

/** An in-app notification as its recipient sees it; {@code text} in the caller's language. */
public record Notification(long id, MessageKind kind, String text, Map<String, String> params, String link,
                           Instant createdAt, Instant readAt) {
}
