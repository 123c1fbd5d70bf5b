package org.smartproperty.platform.security.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.audit.AuditChain;

/**
 * The audit log as this bundle's own components use it beyond {@link AuditTrail} (retention,
 * the security auditor's search, export and chain check). A bundle-private service type, so that
 * no component is registered or referenced as its implementation class (issue 10 item 4).
 */
interface AuditLog extends AuditTrail {

    /** Deletes rows older than {@code retentionDays} (never below {@link AuditTrailImpl#MIN_RETENTION_DAYS}); the number deleted. */
    int purge(int retentionDays);

    /** Walks the hash chain from the oldest kept row. */
    AuditChain.Verification verify();

    /** The rows between {@code from} and {@code to} as JSON lines. */
    void export(Instant from, Instant to, OutputStream out) throws IOException;

    /** One page of rows matching the filters (null = any), with {@code total}. */
    Map<String, Object> query(String actor, String action, String objectType, String objectId, Instant from, Instant to, int page, int size);
}
