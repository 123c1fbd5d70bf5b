package org.smartproperty.expert;

import java.time.Instant;

/** One evaluation an expert sat on (a published project), with the regulator's rating 1..5 once given. */
public record Evaluation(long id, long expertId, long projectId, String projectNumber, String projectTitle, long drawId, int seat,
                         Instant evaluatedAt, Integer rating, String comment, String ratedBy, Instant ratedAt) {
}
