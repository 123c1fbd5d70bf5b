package org.smartproperty.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What anyone may read (MAP-11): published results only, names, scores, response rates and ranks, no texts. {@code company}
 * and {@code committee} are the estate's latest; {@code history} every published entry of the estate, newest first (at most
 * {@link #HISTORY_MAX}).
 */
public record PublicSatisfaction(Entry company, Entry committee, List<Entry> history) {

    public static final int HISTORY_MAX = 12;

    /** A published result of one party in one survey. */
    public record Entry(long surveyId, String title, LocalDate periodFrom, LocalDate periodTo, SurveySubject subject, long subjectId,
                        String name, BigDecimal score, BigDecimal responseRate, Integer rank, int ranked) {
    }

    /** A public ranking: the latest PUBLISHED survey of a subject and its ranked rows. */
    public record Ranking(Long surveyId, String title, LocalDate periodFrom, LocalDate periodTo, SurveySubject subject, List<Entry> rows) {
    }
}
