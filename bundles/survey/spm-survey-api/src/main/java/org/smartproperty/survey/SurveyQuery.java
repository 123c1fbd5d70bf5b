package org.smartproperty.survey;

/** Filters of the survey list (all optional). */
public record SurveyQuery(SurveyStatus status, SurveySubject subject) {
}
