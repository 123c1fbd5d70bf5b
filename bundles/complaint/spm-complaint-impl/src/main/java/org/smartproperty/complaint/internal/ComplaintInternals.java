package org.smartproperty.complaint.internal;

import org.smartproperty.platform.security.SpmPrincipal;

/**
 * What this bundle's file access policy asks the complaint service beyond its API. A bundle-private service type: {@link ComplaintServiceImpl} is registered under it beside its API
 * interface, never under its class (issue 10 item 4).
 */
interface ComplaintInternals {

    /** Whether {@code caller} has complaint {@code complaintId} in scope (its photos, SVC-CMP-1). */
    boolean mayReadPhotos(SpmPrincipal caller, long complaintId);
}
