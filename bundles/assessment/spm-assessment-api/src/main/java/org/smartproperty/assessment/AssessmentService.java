package org.smartproperty.assessment;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The 100-point assessment of property companies (物业考核; SUP-AS-1..3, COS-8, DIS-6): versioned indicator sets, reporting
 * rounds whose reports run on the review kernel, results with ranks, publication (credit signals) and the public TOP 10.
 *
 * <p>Every method takes the caller and is one transaction; a company user sees and submits only its own company's report and
 * result (404 otherwise). Invalid input is a 400 with all field errors, a stale version 412, a move the state forbids 409.
 * Every write is audited in the same transaction (object kinds {@code assessment-indicator-set}, {@code assessment-round},
 * {@code assessment-report}).
 */
@ProviderType
public interface AssessmentService {

    /** Sort keys of {@link #indicatorSets}. */
    Set<String> SET_SORT = Set.of("id", "name", "setVersion", "status", "updatedAt");
    /** Sort keys of {@link #rounds}. */
    Set<String> ROUND_SORT = Set.of("id", "name", "periodFrom", "dueDate", "status");
    /** Sort keys of {@link #reports}. */
    Set<String> REPORT_SORT = Set.of("id", "companyName", "status", "companyId");

    // ------------------------------------------------------------------ indicator library (SUP-AS-1)

    Page<IndicatorSet> indicatorSets(SpmPrincipal caller, PageRequest page);

    IndicatorSet indicatorSet(SpmPrincipal caller, long id);

    /** A new DRAFT set (version 1 of its name; 409 when the name exists: copy it instead). */
    IndicatorSet createIndicatorSet(SpmPrincipal caller, IndicatorSetInput input);

    /** Replaces the tree and name of a DRAFT set; 409 once FROZEN. */
    IndicatorSet updateIndicatorSet(SpmPrincipal caller, long id, long version, IndicatorSetInput input);

    /** A new DRAFT version (highest version of the name + 1) with the same tree. */
    IndicatorSet copyIndicatorSet(SpmPrincipal caller, long id);

    /** Freezes a DRAFT set whose leaves weigh 100 (409 otherwise); opening a round on a DRAFT set does the same. */
    IndicatorSet freezeIndicatorSet(SpmPrincipal caller, long id, long version);

    /** The metrics a COMPUTED indicator may name and whether a bundle provides each now. */
    List<MetricInfo> metrics(SpmPrincipal caller);

    // ------------------------------------------------------------------ rounds (SUP-AS-2, COS-8)

    Page<Round> rounds(SpmPrincipal caller, RoundQuery query, PageRequest page);

    Round round(SpmPrincipal caller, long id);

    /** Opens a round on a set (frozen now if DRAFT); every company FILED in the registry gets a report. */
    Round openRound(SpmPrincipal caller, RoundInput input);

    /** OPEN → CLOSED: no more submissions; the computed indicators are evaluated for the period. */
    Round closeRound(SpmPrincipal caller, long id, long version);

    /** CLOSED → PUBLISHED: scores and ranks frozen and public; credit signals top10 / below60 in the same transaction. */
    Round publishRound(SpmPrincipal caller, long id, long version);

    // ------------------------------------------------------------------ reports (review kernel)

    Page<Report> reports(SpmPrincipal caller, long roundId, ReportStatus status, PageRequest page);

    Report report(SpmPrincipal caller, long roundId, long companyId);

    List<ReviewEvent> reportHistory(SpmPrincipal caller, long roundId, long companyId);

    /** The company submits (or resubmits after a return) its self-reported values with evidence while the round is OPEN. */
    Report submitReport(SpmPrincipal caller, long roundId, long companyId, ReportSubmission submission);

    /** The regulator returns a submitted report for correction, with a reason (round OPEN). */
    Report returnReport(SpmPrincipal caller, long roundId, long companyId, long version, String reason);

    /** The regulator accepts a submitted report with the points of every self-reported indicator (round OPEN or CLOSED). */
    Report acceptReport(SpmPrincipal caller, long roundId, long companyId, long version, Acceptance acceptance);

    // ------------------------------------------------------------------ results (SUP-AS-3, DIS-6)

    /** Ranked results of a CLOSED or PUBLISHED round (409 while OPEN); a company user gets its own row only. */
    List<Result> results(SpmPrincipal caller, long roundId);

    /** The latest published round's TOP 10, no login. */
    Top10 top10();
}
