/**
 * Notifications (INT-SMS, SVC-CMP-4, SLA-3): the transactional SMS outbox
 * ({@link org.smartproperty.notification.SmsOutbox}), in-app notifications
 * ({@link org.smartproperty.notification.Notifications}), message kinds and their templates
 * ({@link org.smartproperty.notification.SmsTemplates}: zh-CN, zh-TW for Macao numbers), contributed by the
 * bundles that send them and collected in {@link org.smartproperty.notification.MessageKinds} (2.0.0, issue 10
 * item 1: {@link org.smartproperty.notification.MessageKind} is a class, no longer an enum), phone
 * rules ({@link org.smartproperty.notification.Phones}) and the provider SPI
 * ({@link org.smartproperty.notification.SmsSender}). 3.1.0: the WeChat subscription-message channel SPI
 * ({@link org.smartproperty.notification.WechatSender}, INT-WX, issue 18).
 */
@Export
@Version("3.1.0")
package org.smartproperty.notification;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
