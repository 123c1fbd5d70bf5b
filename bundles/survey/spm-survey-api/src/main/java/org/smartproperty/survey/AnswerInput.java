package org.smartproperty.survey;

import java.util.List;

/**
 * An owner's or a committee's answers (POST /api/v1/surveys/{id}/answers). {@code estateId}: which of the owner's
 * targeted estates the answer is about (needed only when the owner has verified titles in several).
 */
public record AnswerInput(Long estateId, List<Answer> answers) {

    /** The answer to one question: {@code score} 1–5 (SCORE), {@code choices} option indexes (SINGLE: one), {@code text} (TEXT). */
    public record Answer(Long questionId, Integer score, List<Integer> choices, String text) {
    }
}
