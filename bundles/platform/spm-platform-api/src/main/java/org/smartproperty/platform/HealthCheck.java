package org.smartproperty.platform;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: every registered check is rendered by {@code GET /api/v1/health/ready}
 * (and by operator tools). Checks must be quick (well under a second) and must not throw.
 */
@ConsumerType
public interface HealthCheck {

    /** Stable name, e.g. {@code database}, {@code migrations}, {@code bundles}. */
    String name();

    HealthResult check();

    /**
     * Whether this check being DOWN means the node cannot serve: readiness answers 503 and a load
     * balancer takes the node out. Operational checks (backups, disk space, certificates, periodic
     * jobs, outboxes) answer {@code false}: their DOWN is CRITICAL for the operator ({@code spm
     * status}, the readiness body) but a failed night backup must not take the platform offline.
     */
    default boolean readiness() {
        return true;
    }
}
