package org.smartproperty.credit;

/** One row of the rule table: a signal of {@code source} with {@code condition} becomes a record of {@code kind}. */
public record CreditRule(String code, RecordSource source, String condition, RecordKind kind, int points, int validMonths,
                         boolean veto, boolean active, String description, long version) {
}
