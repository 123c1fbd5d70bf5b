package org.smartproperty.notification;

import org.osgi.annotation.versioning.ProviderType;
import java.sql.Connection;

/**
 * The transactional SMS outbox (INT-SMS). {@link #enqueue} writes the message on the caller's
 * connection, i.e. in the same transaction as the business change (from JPA:
 * {@code em.unwrap(java.sql.Connection.class)} inside the transaction, exactly like
 * {@code AuditTrail.append}): a rolled-back change sends nothing. The dispatcher sends committed
 * rows later, with retries, per-number rate limits and never twice for one row.
 */
@ProviderType
public interface SmsOutbox {

    /**
     * Validates and queues one message; returns its {@code outId} (the id the provider echoes).
     *
     * @throws org.smartproperty.platform.ApiException 400 with field errors ({@code phone},
     *         {@code params.<name>}) when the phone or the parameters are invalid
     */
    String enqueue(Connection sameTransaction, SmsRequest request);
}
