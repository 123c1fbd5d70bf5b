package org.smartproperty.platform.review.jpa;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ConsumerType;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.security.DataScope;

/**
 * What the domain knows about the subjects under review, asked by {@link Reviews} inside the
 * domain's transaction. Errors are {@code ApiException}s with the domain's own codes.
 */
@ConsumerType
public interface ReviewSubjects {

    /**
     * Checks that {@code scope} is the applicant party of the subject and that the subject may be
     * reviewed at all: 404 when it does not exist or lies outside the scope (never reveal which),
     * 409 when the scope is not the applicant party or the subject's own state forbids a filing.
     */
    void checkApplicant(EntityManager em, DataScope scope, long subjectId);

    /** Checks that the subject exists (404 otherwise) before a reviewer decides one of its rounds. */
    void checkExists(EntityManager em, long subjectId);

    /**
     * Domain rules on a submission the table allows, checked after the kernel's pending/approved
     * checks (e.g. a first filing within a deadline). Nothing by default.
     */
    default void checkSubmission(EntityManager em, long subjectId, ReviewAction action) {
    }

    /** The domain's consequence of a decision, in the same transaction (e.g. the company becomes FILED). Nothing by default. */
    default void decided(EntityManager em, long subjectId, ReviewState to, String actor) {
    }

    /** Whether {@code scope} may read the rounds (and materials) of the subject. */
    boolean mayRead(EntityManager em, DataScope scope, long subjectId);
}
