package org.smartproperty.platform.review;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a review's history, oldest first: who did what to which round, when, from which
 * state to which, with the reason and structured details (for a submission the materials'
 * titles and file ids), stored as JSON written by Jackson.
 */
public record ReviewEvent(long id, long roundId, ReviewAction action, ReviewState from, ReviewState to, String actor, Instant at,
                          String reason, Map<String, Object> details) {
}
