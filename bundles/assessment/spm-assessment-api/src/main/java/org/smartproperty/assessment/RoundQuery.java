package org.smartproperty.assessment;

/** Filters of the round list; null = any. */
public record RoundQuery(RoundStatus status) {
}
