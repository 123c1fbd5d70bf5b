package org.smartproperty.service.internal;

import org.smartproperty.platform.security.SpmPrincipal;

/**
 * What this bundle's file access policies ask the patrol service beyond its API. A bundle-private service type: {@link PatrolServiceImpl} is registered under it beside its API
 * interface, never under its class (issue 10 item 4).
 */
interface PatrolInternals {

    /** Whether {@code caller} has photo report {@code reportId} in scope (SVC-PAT-1). */
    boolean mayReadReportPhotos(SpmPrincipal caller, long reportId);

    /** Whether {@code caller} has patrol task {@code taskId} in scope (SVC-PAT-2). */
    boolean mayReadTaskPhotos(SpmPrincipal caller, long taskId);
}
