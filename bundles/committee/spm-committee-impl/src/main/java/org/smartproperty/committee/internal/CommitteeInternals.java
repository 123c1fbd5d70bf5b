package org.smartproperty.committee.internal;

import java.time.LocalDate;
import java.util.List;

import org.smartproperty.platform.security.SpmPrincipal;

/**
 * What this bundle's file access policy and term reminder job ask the committee service beyond its API. A bundle-private service type: {@link CommitteeServiceImpl} is registered under it beside its API
 * interface, never under its class (issue 10 item 4).
 */
interface CommitteeInternals {

    /** The file-store rule of filing materials (SUP-OC-2): {@code committee:read} and the filing in the caller's scope (the review kernel's rule). */
    boolean mayReadFilingMaterials(SpmPrincipal caller, String ownerRef);

    /** The committees whose term ends within the reminder window, with the phones to notify (OCS-4). */
    List<CommitteeServiceImpl.ReminderTarget> termReminderTargets(LocalDate today);
}
