package org.smartproperty.vote;

/** What a client sends to create a Owner votes (the JSON body of POST /api/v1/votes). */
public record VoteInput(String title) {
}
