package org.smartproperty.notification;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * SPI of the WeChat subscription-message channel (微信订阅消息, INT-WX, issue 18), registered by the WeChat adapter.
 * The outbox asks it whether a kind has a template ({@link #handles}) when an in-app notification is written and
 * queues a {@code WECHAT} row for the recipient in the same transaction; its dispatcher sends committed rows to the
 * account's bound openid. WeChat has no query by message id, so a send is never repeated after an unknown outcome.
 * Implementations never throw: every outcome is a {@link SmsSender.SendResult} ({@code ACCEPTED} with WeChat's
 * msgid if any, {@code RETRYABLE} for busy / token expired / unreachable before sending, {@code PERMANENT} for a
 * refusal such as 43101 "the user has not subscribed", {@code UNKNOWN} when it may have been sent).
 *
 * @since 3.1.0
 */
@ConsumerType
public interface WechatSender {

    /** The mini program's appid (the openid of an account is looked up for this app). */
    String appId();

    /** Whether a subscription-message template is configured for {@code kind} (configuration of the adapter, not code). */
    boolean handles(MessageKind kind);

    /**
     * Sends the template configured for {@code kind} to {@code openid}: its fields filled from {@code params} (the kind's
     * parameters), the mini program page from {@code link} (the in-app notification's link, may be null).
     */
    SmsSender.SendResult send(String openid, MessageKind kind, Map<String, String> params, String link, String outId);
}
