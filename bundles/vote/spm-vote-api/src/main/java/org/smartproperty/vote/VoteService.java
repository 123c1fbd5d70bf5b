package org.smartproperty.vote;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Owners' votes (SVC-VOTE-1/2, OWN-3, COS-4, OCS-6, DIS-4, MAP-6; VOTE-1..8) as docs/voting-contract.md describes them.
 * Every method takes the caller and is one transaction; a vote outside the caller's scope is 404; invalid input 400 with
 * all field errors; a transition in the wrong status 409 {@code vote.status}; stale versions 412. Every write is audited
 * in the same transaction (object kind {@code vote}).
 */
@ProviderType
public interface VoteService {

    /** Properties the list can be sorted by. */
    Set<String> SORT = Set.of("id", "title", "startsAt", "endsAt", "status", "createdAt");

    Page<Vote> list(SpmPrincipal caller, VoteQuery query, PageRequest page);

    Vote get(SpmPrincipal caller, long id);

    Vote create(SpmPrincipal caller, VoteInput input);

    Vote update(SpmPrincipal caller, long id, long expectedVersion, VoteInput input);

    /** DRAFT → NOTICED (VOTE-8: starts ≥ notice.days later); SMS and in-app notices to the verified owners. */
    Vote notice(SpmPrincipal caller, long id, long expectedVersion);

    Vote cancel(SpmPrincipal caller, long id, long expectedVersion, String reason);

    /** CLOSED → PUBLISHED (DIS-4). */
    Vote publish(SpmPrincipal caller, long id, long expectedVersion);

    /** The regulator suspends (SVC-VOTE-2) a NOTICED, OPEN or CLOSED vote with a reason. */
    Vote suspend(SpmPrincipal caller, long id, long expectedVersion, String reason);

    Vote resume(SpmPrincipal caller, long id, long expectedVersion, String reason);

    List<Views.Event> events(SpmPrincipal caller, long id);

    /** The frozen electorate (from OPEN on); {@code q} a part of a unit code, {@code voted} a filter. */
    Views.ElectorPage electorate(SpmPrincipal caller, long id, String q, Boolean voted, PageRequest page);

    Views.MyBallot myBallot(SpmPrincipal caller, long id);

    /** OWN-3, VOTE-6: the caller's ballots on one or more matters, all or nothing. */
    Views.CastResult cast(SpmPrincipal caller, long id, Views.BallotInput input);

    /** VOTE-6: a paper ballot entered by the estate's committee with its scan. */
    Views.CastResult castPaper(SpmPrincipal caller, long id, Views.PaperBallotInput input);

    Page<Views.BallotRow> ballots(SpmPrincipal caller, long id, Long matterId, Channel channel, PageRequest page);

    VoteResult result(SpmPrincipal caller, long id);

    Views.Verification verify(SpmPrincipal caller, long id);

    List<VoteRule> rules();

    VoteRule updateRule(SpmPrincipal caller, MatterCategory category, long expectedVersion, RuleInput input);

    Views.Setting setting(SpmPrincipal caller, long estateId);

    Views.Setting updateSetting(SpmPrincipal caller, long estateId, long expectedVersion, Views.SettingInput input);

    Page<Views.PublicVote> publicList(Long estateId, PageRequest page);

    Views.PublicVoteDetail publicGet(long id);

    Views.ReceiptCheck checkReceipt(String receipt);
}
