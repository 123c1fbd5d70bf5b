package org.smartproperty.survey;

import java.util.List;

/** One question; {@code indicatorCode} links it to an assessment indicator of the survey's indicator set (read-only). */
public record Question(long id, int ordinal, QuestionKind kind, String text, List<String> options, String indicatorCode, boolean required) {

    public static final int TEXT_MAX = 500;
    public static final int OPTION_MAX = 100;
    public static final int OPTIONS_MAX = 10;
    /** Longest free-text answer. */
    public static final int ANSWER_MAX = 1000;
}
