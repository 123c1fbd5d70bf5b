package org.smartproperty.notification;

import java.time.Instant;

/** A provider's delivery report for one message to one phone. */
public record DeliveryReceipt(String outId, String bizId, String phone, boolean delivered, String errorCode, Instant reportedAt) {
}
