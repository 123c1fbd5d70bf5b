package org.smartproperty.complaint;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;
import java.util.Set;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Complaints (SVC-CMP-1..5, OWN-5, COS-7, OCS-8). Every method is one transaction; invalid input
 * is 400 with all field errors, unknown ids and complaints outside the caller's scope 404,
 * transitions the status does not allow 409 naming the allowed ones, stale versions 412. Scope:
 * ALL every complaint; COMPANY the complaints against its company; COMMITTEE those about its
 * estate and those it filed; OWNER the ones they filed. Every transition is a timeline event and
 * an audit row in the same transaction; SMS to the complainant go through the outbox in it too.
 */
@ProviderType
public interface ComplaintService {

    /** Sort keys of the list. */
    Set<String> SORT = Set.of("id", "number", "status", "category", "registeredAt", "statusChangedAt");

    /** An owner or committee files a complaint online, or the regulator registers one received by phone / 12345 / in person. */
    Complaint create(SpmPrincipal caller, ComplaintInput input);

    Page<Complaint> list(SpmPrincipal caller, ComplaintQuery query, PageRequest page);

    /**
     * The one map's complaint-density layer (issue 17): how many complaints of each of the estates the caller may see
     * (the list's scope), by estate id; estates without any are absent. Grouped queries, not one per estate. Since 1.3.
     */
    default java.util.Map<Long, Long> countByEstate(SpmPrincipal caller, java.util.Collection<Long> estateIds) {
        throw new UnsupportedOperationException("complaint counts not implemented by " + getClass().getName());
    }

    /** One complaint; full personal data only for the complainant and the handling staff (audited). */
    Complaint get(SpmPrincipal caller, long id);

    /** The timeline, oldest first. */
    List<ComplaintEvent> events(SpmPrincipal caller, long id);

    /** REGISTERED / REOPENED / DISPATCHED → DISPATCHED: to an officer or forwarded to the company. */
    Complaint dispatch(SpmPrincipal caller, long id, long expectedVersion, Dispatch dispatch);

    /** DISPATCHED → IN_PROGRESS by the assignee (the officer, or the company it was forwarded to). */
    Complaint accept(SpmPrincipal caller, long id, long expectedVersion, String note);

    /** IN_PROGRESS → WAITING for the complainant: the deadline pauses (409 when the category is not pausable). */
    Complaint waitForComplainant(SpmPrincipal caller, long id, long expectedVersion, String note);

    /** WAITING → IN_PROGRESS: the deadline resumes. */
    Complaint resume(SpmPrincipal caller, long id, long expectedVersion, String note);

    /** IN_PROGRESS → RESOLVED with the result (required) and no verdict; the complainant is told by SMS. */
    Complaint resolve(SpmPrincipal caller, long id, long expectedVersion, String result);

    /**
     * IN_PROGRESS → RESOLVED with the result (required) and the verdict {@link Resolution#upheld} (optional; 400
     * {@code upheld.byCompany} when the company complained about gives one). An upheld complaint that names a company
     * reports the credit signal {@code COMPLAINT/upheld} in the same transaction (503 while the credit domain is away).
     * @since 1.2
     */
    Complaint resolve(SpmPrincipal caller, long id, long expectedVersion, Resolution resolution);

    /** RESOLVED → CLOSED: the complainant confirms (or the regulator closes for a caller without an account). */
    Complaint close(SpmPrincipal caller, long id, long expectedVersion, String note);

    /** RESOLVED / CLOSED → REOPENED by the complainant, within the configured days of the result (409 naming the window after). */
    Complaint reopen(SpmPrincipal caller, long id, long expectedVersion, String reason);

    /** Any open status → REJECTED with a reason (required). */
    Complaint reject(SpmPrincipal caller, long id, long expectedVersion, String reason);
}
