package org.smartproperty.notification;

import java.time.Instant;

/** One outbox row for operators and the regulator (phone masked per ID-2 unless stated). */
public record SmsMessage(long id, String outId, String phone, MessageKind kind, String locale, String reference,
                         SmsState state, int attempts, String provider, String bizId, String lastError,
                         Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant finishedAt) {
}
