package org.smartproperty.tender;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Tendering for property services (SUP-TND-1..3, DEV-2..7, OCS-5, COS-3, DIS-3; rules TND-1..7). Every method takes the caller and
 * is one transaction; invalid input is 400 with every field error, out of the caller's scope 404, a rule or a stage refusing 409.
 * Every write is audited in the same transaction (object kind {@code tender}). The contract: docs/tendering-contract.md.
 */
@ProviderType
public interface TenderService {

    Set<String> SORT = Set.of("id", "number", "title", "stage", "createdAt", "updatedAt");

    Page<Tender> list(SpmPrincipal caller, TenderQuery query, PageRequest page);

    Tender get(SpmPrincipal caller, long id);

    /** DEV-2 / OCS-5: a DRAFT tender for an estate of the caller's scope. */
    Tender create(SpmPrincipal caller, TenderInput input);

    /** Only in DRAFT (new or returned project). */
    Tender update(SpmPrincipal caller, long id, long expectedVersion, TenderInput input);

    // ---------------------------------------------------------------- reviews (project, announcement, award, contract)

    /** SUP-TND-2: submit or resubmit the project with materials → PROJECT_REVIEW. */
    Round submitProject(SpmPrincipal caller, long id, List<AttachmentInput> materials);

    /** SUP-TND-3, TND-4: submit the announcement (at least ANNOUNCEMENT_LEAD before publishAt) → ANNOUNCEMENT_REVIEW. */
    Round submitAnnouncement(SpmPrincipal caller, long id, List<AttachmentInput> materials);

    /** TND-6, DEV-6: the award filing → AWARD_REVIEW. */
    Round submitAward(SpmPrincipal caller, long id, List<AttachmentInput> materials);

    /** DEV-7: the contract filing → CONTRACT_REVIEW. */
    Round submitContract(SpmPrincipal caller, long id, ContractInput input);

    /** The regulator approves or returns (reason required) a SUBMITTED round of the step. */
    Round decide(SpmPrincipal caller, long id, ReviewStep step, long roundId, long expectedVersion, boolean approve, String reason);

    List<Round> rounds(SpmPrincipal caller, long id, ReviewStep step);

    List<ReviewEvent> history(SpmPrincipal caller, long id, ReviewStep step);

    // ---------------------------------------------------------------- announcement, clarifications

    Tender saveAnnouncement(SpmPrincipal caller, long id, long expectedVersion, AnnouncementInput input);

    AnnouncementView announcement(SpmPrincipal caller, long id);

    Clarification clarify(SpmPrincipal caller, long id, String text);

    List<Clarification> clarifications(SpmPrincipal caller, long id);

    // ---------------------------------------------------------------- bidding

    List<Bidder> bidders(SpmPrincipal caller, long id);

    /** COS-3, TND-7: the calling company registers itself (409 tender.bidder.notFiled|blacklisted|closed|duplicate, 403 notInvited). */
    Bidder register(SpmPrincipal caller, long id);

    /** The tenderer closes bidding after the deadline: fewer than MIN_BIDDERS → FAILED, else EVALUATION. */
    Tender closeBidding(SpmPrincipal caller, long id);

    /** After FAILED: a new DRAFT linked by retenderOf. */
    Tender retender(SpmPrincipal caller, long id);

    /** After FAILED: a DIRECT tender for the company, at once in project review (TND-1). */
    Tender direct(SpmPrincipal caller, long id, DirectInput input);

    // ---------------------------------------------------------------- evaluation

    PanelView panel(SpmPrincipal caller, long id);

    /** DEV-5: the tenderer draws the panel of a tender in EVALUATION through the expert domain (its rules; 409 when a draw exists). */
    PanelView createPanel(SpmPrincipal caller, long id, PanelInput input);

    List<Score> scores(SpmPrincipal caller, long id);

    List<Score> score(SpmPrincipal caller, long id, ScoreInput input);

    /** Every seat scored: the result by the configured method, the winner, publicity (→ PUBLICITY), ExpertProjects.published. */
    Result computeResult(SpmPrincipal caller, long id);

    Result result(SpmPrincipal caller, long id);

    // ---------------------------------------------------------------- rules, public

    List<TenderRule> rules();

    TenderRule updateRule(SpmPrincipal caller, String code, long expectedVersion, RuleInput input);

    /**
     * DIS-3: kind announcement (published announcements) or result (published results); with an estate id only that
     * estate's tenders (MAP-5: the map's estate panel).
     */
    Page<PublicTender> publicList(String kind, Long estateId, PageRequest page);

    PublicTender publicGet(long id);
}
