package org.smartproperty.platform.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The review's transition table, declared as data. Whatever is not in the table is refused (409
 * {@link ReviewTexts#illegalTransition()} naming the allowed target states).
 *
 * <pre>
 * from       action    to         party      new round  reason  materials
 * (none)     SUBMIT    SUBMITTED  APPLICANT  yes        -       required
 * RETURNED   RESUBMIT  SUBMITTED  APPLICANT  yes        -       required
 * SUBMITTED  APPROVE   APPROVED   REVIEWER   -          -       -
 * SUBMITTED  RETURN    RETURNED   REVIEWER   -          required -
 * </pre>
 * APPROVED is final: nothing leaves it.
 */
public final class ReviewTransitions {

    public static final List<ReviewTransition> TABLE = List.of(
            new ReviewTransition(null, ReviewAction.SUBMIT, ReviewState.SUBMITTED, ReviewParty.APPLICANT, true, false, true),
            new ReviewTransition(ReviewState.RETURNED, ReviewAction.RESUBMIT, ReviewState.SUBMITTED, ReviewParty.APPLICANT, true, false, true),
            new ReviewTransition(ReviewState.SUBMITTED, ReviewAction.APPROVE, ReviewState.APPROVED, ReviewParty.REVIEWER, false, false, false),
            new ReviewTransition(ReviewState.SUBMITTED, ReviewAction.RETURN, ReviewState.RETURNED, ReviewParty.REVIEWER, false, true, false));

    private ReviewTransitions() {
    }

    /** The transition {@code action} from {@code from} ({@code null}: no round yet), if the table has it. */
    public static Optional<ReviewTransition> find(ReviewState from, ReviewAction action) {
        return TABLE.stream().filter(t -> Objects.equals(t.from(), from) && t.action() == action).findFirst();
    }

    /** The row of {@code action} whatever its source state (every action has exactly one row). */
    public static ReviewTransition of(ReviewAction action) {
        return TABLE.stream().filter(t -> t.action() == action).findFirst().orElseThrow();
    }

    /** The states a round in {@code from} may be decided into by a reviewer, in table order (SUBMITTED: APPROVED, RETURNED). */
    public static List<ReviewState> decisions(ReviewState from) {
        return TABLE.stream().filter(t -> !t.newRound() && Objects.equals(t.from(), from)).map(ReviewTransition::to).toList();
    }

    /** The submission the applicant may make when the latest round is {@code latest} ({@code null}: none), if any. */
    public static Optional<ReviewTransition> submission(ReviewState latest) {
        return TABLE.stream().filter(t -> t.newRound() && Objects.equals(t.from(), latest)).findFirst();
    }
}
