package org.smartproperty.platform.security;

import org.osgi.annotation.versioning.ProviderType;
import java.sql.Connection;

/**
 * The append-only, hash-chained audit log. {@link #append(Connection, AuditEvent)} writes on the
 * caller's connection, i.e. in the same transaction as the change it records (from JPA:
 * {@code em.unwrap(java.sql.Connection.class)} inside the transaction).
 */
@ProviderType
public interface AuditTrail {

    void append(Connection sameTransaction, AuditEvent event);

    /** In a transaction of its own (logins, denied requests: nothing else to join). */
    void append(AuditEvent event);
}
