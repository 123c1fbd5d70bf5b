package org.smartproperty.survey;

/**
 * An OPEN survey the caller (a verified owner, or a committee for its company) may answer: {@code answered} once done;
 * {@code estateIds} = the caller's targeted estates the answer may be about.
 */
public record MySurvey(Survey survey, boolean answered, java.util.List<Long> estateIds) {
}
