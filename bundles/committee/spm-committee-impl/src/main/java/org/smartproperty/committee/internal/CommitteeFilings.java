package org.smartproperty.committee.internal;

import static org.smartproperty.committee.internal.CommitteeServiceImpl.FILING_FILES;
import static org.smartproperty.committee.internal.CommitteeServiceImpl.ZONE;
import static org.smartproperty.committee.internal.CommitteeServiceImpl.blankToNull;
import static org.smartproperty.committee.internal.CommitteeServiceImpl.checkActive;
import static org.smartproperty.committee.internal.CommitteeServiceImpl.find;

import java.time.LocalDate;
import java.util.List;
import javax.persistence.EntityManager;

import org.smartproperty.committee.CommitteeMessages;
import org.smartproperty.committee.Filing;
import org.smartproperty.committee.FilingInput;
import org.smartproperty.committee.FilingStatus;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.jpa.ReviewSubjects;
import org.smartproperty.platform.review.jpa.Reviews;
import org.smartproperty.platform.security.DataScope;

/**
 * The committee filing (OCS-4, SUP-OC-2, OC-2) on the platform's review kernel: submit, approve or
 * return, rounds and history, and who may read the materials. Part of {@link CommitteeServiceImpl}, split along its duties (issue 10 item 5); transactions,
 * scope checks and audit through the service.
 */
final class CommitteeFilings {

    private Reviews<CommitteeFilingEntity> reviews;

    private final CommitteeServiceImpl owner;

    CommitteeFilings(CommitteeServiceImpl owner) {
        this.owner = owner;
    }

    /** The committee filing review: the committee in office files, the regulator reviews. */
    static final ReviewKind FILING = new ReviewKind(FILING_FILES, "committee", "filing", "committee:read", "committee:file",
            "committee:review", ReviewTexts.defaults(CommitteeMessages.TEXTS));

    /** What the review kernel asks of committees: the applicant is the active committee itself (COMMITTEE scope of its estate). */
    private final ReviewSubjects committeesUnderReview = new ReviewSubjects() {
        @Override
        public void checkApplicant(EntityManager em, DataScope scope, long committeeId) {
            CommitteeEntity c = owner.findInScope(em, scope, committeeId);
            if (scope.kind() != DataScope.Kind.COMMITTEE) {
                throw ApiException.conflict(CommitteeMessages.TEXTS, "filing.notHead");
            }
            checkActive(c);
        }

        @Override
        public void checkExists(EntityManager em, long committeeId) {
            find(em, committeeId);
        }

        /** OC-2: the first filing is due within the configured days of the election; a resubmission after a return continues it. */
        @Override
        public void checkSubmission(EntityManager em, long committeeId, ReviewAction action) {
            if (action != ReviewAction.SUBMIT) {
                return;
            }
            CommitteeEntity c = find(em, committeeId);
            int days = owner.rules().filingDeadlineDays();
            LocalDate deadline = c.electedOn.plusDays(days);
            if (LocalDate.now(ZONE).isAfter(deadline)) {
                throw ApiException.conflict(CommitteeMessages.TEXTS, "committee.filingLate", deadline.toString(), days, c.electedOn.toString());
            }
        }

        /** The regulator's staff and the committee itself; not companies or owners (member lists carry personal data, ID-2). */
        @Override
        public boolean mayRead(EntityManager em, DataScope scope, long committeeId) {
            if (scope == null || !(scope.all() || scope.kind() == DataScope.Kind.COMMITTEE)) {
                return false;
            }
            CommitteeEntity c = em.find(CommitteeEntity.class, committeeId);
            return c != null && (scope.all() || scope.estateIds().contains(c.estateId));
        }
    };

    /** Builds the review kernel over the service's file store and audit trail (at activation, or in the test constructor). */
    void open() {
        reviews = new Reviews<>(FILING, CommitteeFilingEntity.class, "committeeId", "ocm_filing_event", committeesUnderReview, owner.files(), owner.auditTrail());
    }

    public Filing submitFiling(DataScope scope, long committeeId, FilingInput input, String actor) {
        Validation v = new Validation(CommitteeMessages.TEXTS);
        if (input == null) {
            v.required("$", null);
        } else {
            v.maxLength("note", input.note(), 4000);
            reviews.validateMaterials(v, input.materials());
        }
        v.throwIfInvalid();
        return owner.tx().write(em -> {
            CommitteeFilingEntity f = new CommitteeFilingEntity();
            f.committeeId = committeeId;
            f.note = blankToNull(input.note());
            return toDto(em, reviews.submit(em, scope, committeeId, f, input.materials(), actor));
        });
    }

    public Filing approve(long committeeId, long filingId, long expectedVersion, String reason, String actor) {
        return decide(committeeId, filingId, expectedVersion, ReviewAction.APPROVE, reason, actor);
    }

    public Filing returnFiling(long committeeId, long filingId, long expectedVersion, String reason, String actor) {
        return decide(committeeId, filingId, expectedVersion, ReviewAction.RETURN, reason, actor);
    }

    private Filing decide(long committeeId, long filingId, long expectedVersion, ReviewAction action, String reason, String actor) {
        reviews.validateDecision(action, reason);
        return owner.tx().write(em -> toDto(em, reviews.decide(em, committeeId, filingId, expectedVersion, action, reason, actor)));
    }

    public List<Filing> filings(DataScope scope, long committeeId) {
        return owner.tx().read(em -> {
            owner.findInScope(em, scope, committeeId);
            return reviews.rounds(em, committeeId).stream().map(f -> toDto(em, f)).toList();
        });
    }

    public List<ReviewEvent> filingHistory(DataScope scope, long committeeId) {
        return owner.tx().read(em -> {
            owner.findInScope(em, scope, committeeId);
            return reviews.history(em, committeeId);
        });
    }

    private Filing toDto(EntityManager em, CommitteeFilingEntity f) {
        return new Filing(f.id, f.committeeId, FilingStatus.valueOf(f.status().name()), reviews.materials(em, f), f.note, f.submittedBy(),
                f.submittedAt(), f.decidedBy(), f.decidedAt(), f.reason(), f.getVersion());
    }

    /**
     * Whether the caller may read the materials of a filing: the regulator's staff and the committee
     * itself; not companies or owners (member lists and election records carry personal data, ID-2).
     */
    boolean mayReadFiling(DataScope scope, long filingId) {
        return owner.tx().read(em -> reviews.mayReadRound(em, scope, filingId));
    }

    /** The file-store rule of filing materials: {@code committee:read} and {@link #mayReadFiling}. */
    public boolean mayReadFilingMaterials(org.smartproperty.platform.security.SpmPrincipal caller, String ownerRef) {
        return reviews.mayReadMaterials(caller, ownerRef, id -> mayReadFiling(caller.scope(), id));
    }
}
