package org.smartproperty.credit;

import java.time.Instant;

/** One change of a company's score or grade and its cause ({@code declaration.verified}, {@code record.added}, {@code record.expired} …). */
public record ScoreChange(Instant at, int score, String grade, boolean blacklisted, String cause, Long recordId) {
}
