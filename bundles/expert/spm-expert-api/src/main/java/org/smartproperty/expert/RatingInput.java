package org.smartproperty.expert;

/** POST /experts/{id}/evaluations/{evaluationId}/rating. */
public record RatingInput(Integer rating, String comment) {
}
