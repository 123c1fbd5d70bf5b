package org.smartproperty.company.internal;

import org.smartproperty.platform.security.SpmPrincipal;

/**
 * What this bundle's file access policy asks the company service beyond its API. A bundle-private service type: {@link CompanyServiceImpl} is registered under it beside its API
 * interface, never under its class (issue 10 item 4).
 */
interface CompanyInternals {

    /** The file-store rule of filing materials (SUP-CO-2): {@code company:read} and the filing in the caller's scope (the review kernel's rule). */
    boolean mayReadFilingMaterials(SpmPrincipal caller, String ownerRef);
}
