package org.smartproperty.survey;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Satisfaction surveys (SVC-SAT-1/2, OWN-6, OCS-9, ANA-5, MAP-11). Every method takes the caller and is one transaction;
 * invalid input throws a 400 {@code ApiException} with all field errors, a move the status forbids or a second answer a
 * 409, a stale version 412, a survey outside the caller's scope 404. Every write is audited in the same transaction
 * (object kind {@code survey}); answers are audited without their respondent.
 */
@ProviderType
public interface SurveyService {

    /** Properties the list can be sorted by. */
    Set<String> SORT = Set.of("id", "title", "status", "periodFrom", "createdAt", "updatedAt");

    /** The regulator: all; a company: non-DRAFT surveys targeting its estates; a committee: those targeting its estate. */
    Page<Survey> list(SpmPrincipal caller, SurveyQuery query, PageRequest page);

    Survey get(SpmPrincipal caller, long id);

    /** A new DRAFT questionnaire (survey:manage). */
    Survey create(SpmPrincipal caller, SurveyInput input);

    /** Replaces a DRAFT's content, questions included (409 survey.notDraft otherwise). */
    Survey update(SpmPrincipal caller, long id, long version, SurveyInput input);

    /** DRAFT → OPEN: targets frozen, owners and committees notified in-app. */
    Survey open(SpmPrincipal caller, long id, long version);

    /** OPEN → CLOSED: the eligible owners per estate counted. */
    Survey close(SpmPrincipal caller, long id, long version);

    /** CLOSED → PUBLISHED: results public; evaluated companies and committees notified. */
    Survey publish(SpmPrincipal caller, long id, long version);

    /** OPEN surveys the caller (OWNER with verified titles, COMMITTEE for COMPANY surveys) may answer. */
    List<MySurvey> mine(SpmPrincipal caller);

    /** Answers once (OWN-6, OCS-9); a second answer 409 answer.already; not targeted 404. */
    void answer(SpmPrincipal caller, long id, AnswerInput input);

    /** The results the caller may see (regulator: while OPEN as well; others once CLOSED). */
    SurveyResults results(SpmPrincipal caller, long id);

    /** MAP-11: the latest published results of an estate's company and committee (entries null when none). */
    PublicSatisfaction publicResults(long estateId);

    /** The latest published ranking of a subject. */
    PublicSatisfaction.Ranking publicRanking(SurveySubject subject);
}
