package org.smartproperty.survey;

import java.time.LocalDate;
import java.util.List;

/** The body of POST /api/v1/surveys and PUT /api/v1/surveys/{id} (DRAFT only). */
public record SurveyInput(String title, String description, SurveySubject subject, LocalDate periodFrom, LocalDate periodTo,
                          Boolean allEstates, List<Long> estateIds, Long indicatorSetId, List<QuestionInput> questions) {

    /** One question of the input. */
    public record QuestionInput(QuestionKind kind, String text, List<String> options, String indicatorCode, Boolean required) {
    }
}
