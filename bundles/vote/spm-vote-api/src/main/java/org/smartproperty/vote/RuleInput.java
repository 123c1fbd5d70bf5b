package org.smartproperty.vote;

/** Body of PUT /vote-rules/{category}. */
public record RuleInput(Fraction quorum, Fraction pass) {
}
