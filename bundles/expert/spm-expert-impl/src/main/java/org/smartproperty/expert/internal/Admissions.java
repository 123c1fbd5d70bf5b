package org.smartproperty.expert.internal;

import java.util.List;
import javax.persistence.EntityManager;

import org.smartproperty.expert.Admission;
import org.smartproperty.expert.ExpertMessages;
import org.smartproperty.expert.ExpertStatus;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.jpa.ReviewSubjects;
import org.smartproperty.platform.review.jpa.Reviews;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The admission of an expert's application (SUP-EX-1) on the review kernel: the applicant (the EXPERT account bound to the
 * record) submits a round with materials, the regulator approves it (the expert becomes ACTIVE) or returns it with a
 * reason; after a return the applicant resubmits. Subject = the expert; history in {@code exp_admission_event}.
 */
final class Admissions {

    static final String FILES = "expert-admission";
    static final ReviewKind KIND = new ReviewKind(FILES, "expert", "admission", "expert:read", "expert:apply", "expert:review",
            new ReviewTexts(ExpertMessages.TEXTS, "objects.admission", "admission.pending",
            "admission.approved", "admission.illegalTransition", "admission.noTransition", "reason.required", "materials.required",
            "material.title"));

    private final ExpertServiceImpl service;
    private final Reviews<AdmissionEntity> reviews;

    Admissions(ExpertServiceImpl service, FileStore files, AuditTrail audit) {
        this.service = service;
        this.reviews = new Reviews<>(KIND, AdmissionEntity.class, "expertId", "exp_admission_event", subjects(), files, audit);
    }

    private static ReviewSubjects subjects() {
        return new ReviewSubjects() {
            @Override
            public void checkApplicant(EntityManager em, DataScope scope, long expertId) {
                ExpertEntity e = em.find(ExpertEntity.class, expertId);
                if (e == null) {
                    throw ExpertServiceImpl.notFound("objects.expert", expertId);
                }
                if (e.status != ExpertStatus.APPLYING) {
                    throw ApiException.conflict(ExpertMessages.TEXTS, "admission.notApplying");
                }
            }

            @Override
            public void checkExists(EntityManager em, long expertId) {
                if (em.find(ExpertEntity.class, expertId) == null) {
                    throw ExpertServiceImpl.notFound("objects.expert", expertId);
                }
            }

            @Override
            public void decided(EntityManager em, long expertId, ReviewState to, String actor) {
                if (to == ReviewState.APPROVED) {
                    ExpertEntity e = em.find(ExpertEntity.class, expertId);
                    e.status = ExpertStatus.ACTIVE;
                    e.touchedBy(actor);
                }
            }

            @Override
            public boolean mayRead(EntityManager em, DataScope scope, long expertId) {
                return em.find(ExpertEntity.class, expertId) != null;
            }
        };
    }

    List<Admission> rounds(SpmPrincipal caller, long expertId) {
        return service.tx().read(em -> {
            ExpertServiceImpl.readable(em, caller, expertId);
            return reviews.rounds(em, expertId).stream().map(r -> dto(em, r)).toList();
        });
    }

    List<ReviewEvent> history(SpmPrincipal caller, long expertId) {
        return service.tx().read(em -> {
            ExpertServiceImpl.readable(em, caller, expertId);
            return reviews.history(em, expertId);
        });
    }

    Admission submit(SpmPrincipal caller, long expertId, List<AttachmentInput> materials) {
        Validation v = new Validation(ExpertMessages.TEXTS);
        reviews.validateMaterials(v, materials);
        v.throwIfInvalid();
        return service.tx().write(em -> {
            ExpertEntity e = em.find(ExpertEntity.class, expertId);
            if (e == null || !caller.getName().equals(e.accountName)) {
                throw ExpertServiceImpl.notFound("objects.expert", expertId);
            }
            AdmissionEntity round = new AdmissionEntity();
            round.expertId = expertId;
            round.touchedBy(caller.getName());
            return dto(em, reviews.submit(em, caller.scope(), expertId, round, materials, caller.getName()));
        });
    }

    Admission decide(SpmPrincipal caller, long expertId, long roundId, long version, ReviewAction action, String reason) {
        reviews.validateDecision(action, reason);
        return service.tx().write(em -> dto(em, reviews.decide(em, expertId, roundId, version, action, reason, caller.getName())));
    }

    boolean mayRead(SpmPrincipal caller, long roundId) {
        return service.tx().read(em -> {
            AdmissionEntity r = em.find(AdmissionEntity.class, roundId);
            if (r == null) {
                return false;
            }
            ExpertEntity e = em.find(ExpertEntity.class, r.expertId);
            return e != null && (ExpertServiceImpl.staff(caller) || caller.getName().equals(e.accountName));
        });
    }

    private Admission dto(EntityManager em, AdmissionEntity r) {
        return new Admission(r.id, r.getVersion(), r.expertId, r.status(), r.submittedBy(), r.submittedAt(), r.reason(), r.decidedBy(),
                r.decidedAt(), reviews.materials(em, r));
    }
}
