package org.smartproperty.survey;

import java.math.BigDecimal;
import java.util.List;

/**
 * Results of one survey (SVC-SAT-2, ANA-5) as the caller may see them: the regulator every row and every question with the
 * free texts; a company its own row; a committee its estate's rows. Rows are ranked by score among all rows of the
 * survey (ties share a rank).
 */
public record SurveyResults(long surveyId, String title, SurveySubject subject, SurveyStatus status, List<Row> rows, List<QuestionStat> questions) {

    /**
     * One evaluated party: a company ({@code subjectId} = company id, over its targeted estates) or a committee
     * ({@code subjectId} = estate id). {@code score} 0–100 = mean of the owners' SCORE answers normalised ((mean − 1) / 4 ×
     * 100), null without any; {@code responseRate} = owner respondents / eligible (verified owners of the estates at
     * close; live while OPEN), percent; {@code committeeScore} the committees' evaluation (COMPANY surveys, OCS-9).
     */
    public record Row(long subjectId, String name, int estates, long eligible, long respondents, BigDecimal responseRate, BigDecimal score,
                      long committeeResponses, BigDecimal committeeScore, Integer rank) {
    }

    /** Aggregates of one question over the responses in the caller's view; {@code texts} for the regulator only. */
    public record QuestionStat(long questionId, int ordinal, QuestionKind kind, String text, String indicatorCode, long answers,
                               BigDecimal meanScore, List<Long> optionCounts, List<String> texts) {
    }
}
