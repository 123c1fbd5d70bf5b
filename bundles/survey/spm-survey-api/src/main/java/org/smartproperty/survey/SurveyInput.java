package org.smartproperty.survey;

/** What a client sends to create a Satisfaction surveys (the JSON body of POST /api/v1/surveys). */
public record SurveyInput(String title) {
}
