package org.smartproperty.notification;

/**
 * Life of an outbox row: {@code QUEUED} → {@code SENDING} (committed before the provider call) →
 * {@code SENT} (provider accepted, biz id known) → {@code DELIVERED} / {@code FAILED} (receipt).
 * {@code UNKNOWN}: the call's outcome is not known (timeout, 5xx, crash while SENDING); it is
 * reconciled with the provider's query API before any resend. {@code FAILED} is final.
 */
public enum SmsState {
    QUEUED, SENDING, SENT, DELIVERED, FAILED, UNKNOWN;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED;
    }
}
