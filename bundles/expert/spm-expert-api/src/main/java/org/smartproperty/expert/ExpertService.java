package org.smartproperty.expert;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The expert domain (SUP-EX-1..4, TND-5, DEV-5): the pool and its admission, the project library, the draws and their
 * confirmations. Every method takes the caller and is one transaction; invalid input throws a 400 {@code ApiException}
 * with all field errors; an object outside the caller's scope is 404. Every write is audited in the same transaction.
 * The {@code locale} of the draw reads names the masked seats ("专家 3").
 */
@ProviderType
public interface ExpertService {

    /** Properties the expert list can be sorted by. */
    Set<String> SORT = Set.of("id", "name", "status", "rating", "createdAt");

    // ------------------------------------------------------------------ pool (SUP-EX-1)

    /** Regulator's staff: all; an EXPERT: only its own record; id numbers masked. */
    Page<Expert> list(SpmPrincipal caller, ExpertQuery query, PageRequest page);

    Expert get(SpmPrincipal caller, long id);

    /** The caller's own record (EXPERT account), 404 when none is bound to it. */
    Expert me(SpmPrincipal caller);

    /** The regulator adds an expert directly: ACTIVE. */
    Expert create(SpmPrincipal caller, ExpertInput input);

    /** An EXPERT account applies for itself: APPLYING, accountName = the caller; 409 when it already has a record. */
    Expert apply(SpmPrincipal caller, ExpertInput input);

    Expert update(SpmPrincipal caller, long id, long version, ExpertInput input);

    Expert changeStatus(SpmPrincipal caller, long id, StatusChange change);

    List<Evaluation> evaluations(SpmPrincipal caller, long expertId);

    Evaluation rate(SpmPrincipal caller, long expertId, long evaluationId, RatingInput input);

    // ------------------------------------------------------------------ admission (review kernel)

    List<Admission> admissions(SpmPrincipal caller, long expertId);

    List<ReviewEvent> admissionHistory(SpmPrincipal caller, long expertId);

    /** The applicant submits (or resubmits after a return) a round with its materials. */
    Admission submitAdmission(SpmPrincipal caller, long expertId, List<AttachmentInput> materials);

    /** APPROVE (the expert becomes ACTIVE) or RETURN (reason required). */
    Admission decideAdmission(SpmPrincipal caller, long expertId, long roundId, long version, ReviewAction action, String reason);

    /** Whether the caller may read the materials of the admission round (file access policy). */
    boolean mayReadAdmission(SpmPrincipal caller, long roundId);

    // ------------------------------------------------------------------ projects (SUP-EX-2) and draws (SUP-EX-3/4)

    /** The project library: the regulator's staff all; a tenderer its own projects. */
    Page<ExpertProject> projects(SpmPrincipal caller, PageRequest page);

    /** A new draw for a project (rules of configuration PID org.smartproperty.expert: 400 naming the rule; 409 when one exists). */
    Draw draw(SpmPrincipal caller, DrawInput input, Locale locale);

    List<Draw> draws(SpmPrincipal caller, Long projectId, Locale locale);

    Draw getDraw(SpmPrincipal caller, long drawId, Locale locale);

    DrawReplay replay(SpmPrincipal caller, long drawId, Locale locale);

    /** The seats with their confirmation state (drawn seats only). */
    List<DrawSeat> confirmations(SpmPrincipal caller, long drawId, Locale locale);

    List<DrawEvent> events(SpmPrincipal caller, long drawId, Locale locale);

    /** The expert on the seat confirms (or the regulator's staff records it for them); 409 when the seat is not pending. */
    DrawSeat confirm(SpmPrincipal caller, long drawId, int seat, Locale locale);

    /** The expert on the seat declines with a reason: the next reserve takes the seat. */
    DrawSeat decline(SpmPrincipal caller, long drawId, int seat, String reason, Locale locale);

    /** The job {@code expert.confirmations}: every pending seat past its deadline is replaced; returns how many. */
    int expireConfirmations();
}
