package org.smartproperty.company;

import java.util.List;

import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.review.ReviewTransitions;

/**
 * A filing (备案) is SUBMITTED by the company, then APPROVED or RETURNED (with a reason) by the
 * regulator. Both decisions are final for that filing; after a return the company submits a new
 * filing, so every round stays on record.
 */
public enum FilingStatus {
    SUBMITTED, RETURNED, APPROVED;

    /** The statuses a filing in this status may move to, read from the review kernel's transition table. */
    public List<FilingStatus> next() {
        return ReviewTransitions.decisions(ReviewState.valueOf(name())).stream().map(s -> FilingStatus.valueOf(s.name())).toList();
    }
}
