package org.smartproperty.service.internal;

import org.smartproperty.platform.security.SpmPrincipal;

/**
 * What this bundle's file access policy asks the repair service beyond its API. A bundle-private service type: {@link RepairServiceImpl} is registered under it beside its API
 * interface, never under its class (issue 10 item 4).
 */
interface RepairInternals {

    /** Whether {@code caller} has repair {@code repairId} in scope (its photos, SVC-REP-1). */
    boolean mayReadPhotos(SpmPrincipal caller, long repairId);
}
