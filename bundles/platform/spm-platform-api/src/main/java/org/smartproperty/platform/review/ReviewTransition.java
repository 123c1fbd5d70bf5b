package org.smartproperty.platform.review;

/**
 * One row of the review's transition table.
 *
 * @param from             the state of the subject's latest round, {@code null} when it has none yet
 * @param action           what is done
 * @param to               the state of the round afterwards (a submission starts a new round)
 * @param party            who may do it
 * @param newRound         whether it starts a new round (SUBMIT, RESUBMIT) rather than deciding the latest one
 * @param reasonRequired   whether a non-blank reason is required (400 {@link ReviewTexts#reasonRequired()} without)
 * @param materialsRequired whether at least one material from the file store is required
 */
public record ReviewTransition(ReviewState from, ReviewAction action, ReviewState to, ReviewParty party, boolean newRound,
                               boolean reasonRequired, boolean materialsRequired) {
}
