package org.smartproperty.service;

import org.osgi.annotation.versioning.ProviderType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Repairs (SVC-REP-1..2, OWN-4, COS-6, OCS-7). Every method is one transaction; invalid input is
 * 400 with all field errors, unknown ids and repairs outside the caller's scope 404, transitions
 * the status does not allow 409 naming the allowed ones, stale versions 412. Scope: ALL every
 * repair; COMPANY the repairs of the estates it manages; COMMITTEE those of its estate; OWNER the
 * ones they requested. Every transition is a timeline event and an audit row in the same
 * transaction; the deadline (domain {@code repair}, category = the repair's) and the SMS to the
 * requester (outbox) are written in it too.
 */
@ProviderType
public interface RepairService {

    /** Sort keys of the list. */
    Set<String> SORT = Set.of("id", "number", "status", "category", "requestedAt", "statusChangedAt");

    /** An owner requests a repair of their house or of a common area; a committee of a common area of its estate. */
    Repair create(SpmPrincipal caller, RepairInput input);

    Page<Repair> list(SpmPrincipal caller, RepairQuery query, PageRequest page);

    /**
     * The one map's open-repairs layer (issue 17): how many repairs in one of the statuses each of the estates has that the
     * caller may see (the list's scope), by estate id; estates without any are absent. Grouped queries. Since 1.2.
     */
    default java.util.Map<Long, Long> countByEstate(SpmPrincipal caller, Set<RepairStatus> statuses,
                                                    java.util.Collection<Long> estateIds) {
        throw new UnsupportedOperationException("repair counts not implemented by " + getClass().getName());
    }

    /** One repair; full personal data only for the requester and the company handling it. */
    Repair get(SpmPrincipal caller, long id);

    /** The timeline, oldest first. */
    List<RepairEvent> events(SpmPrincipal caller, long id);

    /** REQUESTED / REOPENED → ACCEPTED by a user of the managing company (the deadline's assignee). */
    Repair accept(SpmPrincipal caller, long id, long expectedVersion, String note);

    /** ACCEPTED / SCHEDULED → SCHEDULED with the appointment time (required, not in the past). */
    Repair schedule(SpmPrincipal caller, long id, long expectedVersion, Instant appointmentAt, String note);

    /** SCHEDULED → COMPLETED with the report and photos; the deadline completes, the requester is told by SMS. */
    Repair complete(SpmPrincipal caller, long id, long expectedVersion, RepairCompletion completion);

    /** COMPLETED → CONFIRMED by the requester. */
    Repair confirm(SpmPrincipal caller, long id, long expectedVersion, String note);

    /** COMPLETED / CONFIRMED → REOPENED by the requester within the configured days of the completion (409 naming the window after). */
    Repair reopen(SpmPrincipal caller, long id, long expectedVersion, String reason);

    /** Any open status → REJECTED by the company with a reason (required); the requester is told. */
    Repair reject(SpmPrincipal caller, long id, long expectedVersion, String reason);
}
