package org.smartproperty.committee;

import org.osgi.annotation.versioning.ProviderType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.DataScope;

/**
 * The owners' committee registry (SUP-OC-1, OCS-2), members (SUP-OC-2, OCS-3), filing (OCS-4) and
 * the public list (DIS-2). Every method is one transaction; invalid input throws a 400
 * {@code ApiException} with all field errors, unknown ids 404, illegal transitions and late filings
 * 409, stale versions 412. Reads take the caller's {@link DataScope}: ALL sees every committee,
 * COMMITTEE its estate's, COMPANY those of the estates it manages, OWNER those of the estates where
 * it owns a house; everything else is 404. Every write is audited in the same transaction.
 */
@ProviderType
public interface CommitteeService {

    /** Properties the committee list can be sorted by. */
    Set<String> SORT = Set.of("id", "name", "estateId", "termStart", "termEnd", "status", "createdAt", "updatedAt");

    Page<Committee> list(DataScope scope, CommitteeQuery query, PageRequest page);

    Committee get(DataScope scope, long id);

    /**
     * The regulator registers the newly elected committee of an estate with its members (OC-1). An
     * active committee of the same estate ends (status ENDED, term closed the day before the new
     * term starts): one committee per estate at a time, history kept.
     */
    Committee create(CommitteeInput input, String actor);

    /** Updates the details (not the estate, not the members); the change is kept in the history (OCS-2). */
    Committee update(DataScope scope, long id, long expectedVersion, CommitteeInput input, String actor);

    List<Member> members(DataScope scope, long id);

    /** Replaces the member list, validated against OC-1 (count, odd, owners of the estate, one head). */
    Committee replaceMembers(DataScope scope, long id, long expectedVersion, List<MemberInput> members, String actor);

    /** Change history of the committee's details and members, newest first (OCS-2). */
    List<Change> history(DataScope scope, long id);

    /**
     * The elected head (a COMMITTEE scope of the committee's estate) files (OCS-4) within the
     * configured days after the election (OC-2; later: 409 {@code committee.filingLate}). One round
     * under review at a time; an approved committee does not file again.
     */
    Filing submitFiling(DataScope scope, long committeeId, FilingInput input, String actor);

    Filing approve(long committeeId, long filingId, long expectedVersion, String reason, String actor);

    /** The reason is required (400 without). */
    Filing returnFiling(long committeeId, long filingId, long expectedVersion, String reason, String actor);

    /** Every filing round of the committee, newest first. */
    List<Filing> filings(DataScope scope, long committeeId);

    /**
     * The review history of the committee's filings, oldest first: every submission, resubmission,
     * approval and return with who, when, from which status to which, the reason and details
     * (the submitted materials). Same visibility as {@link #filings}.
     */
    List<ReviewEvent> filingHistory(DataScope scope, long committeeId);

    /** Active committees whose term ends between {@code today} and today + the configured lead time (OC-2 reminders). */
    List<Committee> dueForTermReminder(LocalDate today);

    /** Active committees with masked personal data (DIS-2, ID-2). */
    Page<PublicCommittee> publicList(Long estateId, PageRequest page);
}
