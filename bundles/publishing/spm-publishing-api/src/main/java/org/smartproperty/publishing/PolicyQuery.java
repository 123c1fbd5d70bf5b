package org.smartproperty.publishing;

/** Filters of the policy lists: {@code q} the text search (Chinese bigrams, Latin words), level, status (console only). */
public record PolicyQuery(String q, PolicyLevel level, PolicyStatus status) {

    /** Longest query accepted. */
    public static final int Q_MAX = 100;
}
