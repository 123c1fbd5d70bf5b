package org.smartproperty.platform;

/**
 * Whiteboard service: every registered check is rendered by {@code GET /api/v1/health/ready}
 * (and by operator tools). Checks must be quick (well under a second) and must not throw.
 */
public interface HealthCheck {

    /** Stable name, e.g. {@code database}, {@code migrations}, {@code bundles}. */
    String name();

    HealthResult check();
}
