package org.smartproperty.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A satisfaction questionnaire (SVC-SAT-1) as the API shows it. {@code version} is the ETag. {@code estateIds} are the
 * targeted estates ({@code allEstates}: every ACTIVE estate when it opens); {@code targets} are frozen when it opens.
 * {@code respondents} counts who answered (owners and committees).
 */
public record Survey(Long id, String title, String description, SurveySubject subject, SurveyStatus status, LocalDate periodFrom,
                     LocalDate periodTo, boolean allEstates, List<Long> estateIds, Long indicatorSetId, List<Question> questions,
                     List<Target> targets, long respondents, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    /** Longest title (the column's width). */
    public static final int TITLE_MAX = 200;
    /** Longest description. */
    public static final int DESCRIPTION_MAX = 2000;
    /** Most questions in one questionnaire. */
    public static final int QUESTIONS_MAX = 50;
    /** Most estates named explicitly. */
    public static final int ESTATES_MAX = 200;

    /** A targeted estate with its company when the survey opened. */
    public record Target(long estateId, String estateName, Long companyId, String companyName) {
    }
}
