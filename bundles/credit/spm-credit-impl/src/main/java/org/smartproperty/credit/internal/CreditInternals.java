package org.smartproperty.credit.internal;

import org.smartproperty.platform.security.SpmPrincipal;

/** What the bundle's own components need beyond the API (the file access policies). */
public interface CreditInternals {

    /** Whether the caller may read files of the owner kind and ref (credit:read and the company in scope). */
    boolean mayReadFiles(SpmPrincipal caller, String ownerKind, String ownerRef);
}
