package org.smartproperty.vote;

/** Filters of the vote list; all optional. */
public record VoteQuery(VoteStatus status, Long estateId, String q) {
}
