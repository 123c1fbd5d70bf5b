package org.smartproperty.platform.review.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.MappedSuperclass;

import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.platform.review.ReviewState;

/**
 * One review round, the base of a domain's round entity (which adds its id with its own sequence,
 * the subject column and its form's fields, and is listed with this class in its persistence.xml).
 * Columns: {@code status}, {@code submitted_by}, {@code submitted_at}, {@code reason}. The decision's
 * time and author are {@code updated_at}/{@code updated_by}: a round changes exactly once after it is
 * submitted (APPROVED or RETURNED). Only {@link Reviews} changes these fields.
 */
@MappedSuperclass
public abstract class ReviewRound extends AuditedEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ReviewState status;

    @Column(name = "submitted_by", nullable = false, length = 64)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "reason")
    private String reason;

    /** The round's id (declared by the subclass with its sequence); null before it is persisted. */
    public abstract Long roundId();

    /** The id of the subject under review (the company, the committee, the tender project…). */
    public abstract long subjectId();

    public ReviewState status() { return status; }
    public String submittedBy() { return submittedBy; }
    public Instant submittedAt() { return submittedAt; }
    /** The reviewer's reason (required for a return, optional for an approval). */
    public String reason() { return reason; }
    /** Who decided, null while SUBMITTED. */
    public String decidedBy() { return status == ReviewState.SUBMITTED ? null : getUpdatedBy(); }
    /** When it was decided, null while SUBMITTED. */
    public Instant decidedAt() { return status == ReviewState.SUBMITTED ? null : getUpdatedAt(); }

    void submitted(String actor, Instant at) {
        status = ReviewState.SUBMITTED;
        submittedBy = actor;
        submittedAt = at;
        reason = null;
        touchedBy(actor);
    }

    void decided(ReviewState to, String why, String actor) {
        status = to;
        reason = why;
        touchedBy(actor);
    }
}
