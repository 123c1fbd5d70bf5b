package org.smartproperty.vote;

import java.time.Instant;
import java.util.List;

/**
 * One owners' vote (docs/voting-contract.md "Votes"). Areas are exact decimal strings in m²; {@code version} is the ETag.
 * {@code deemedAllowed}, {@code unsoldRule}, {@code electorHeads} and {@code electorArea} are set when the vote opens.
 */
public record Vote(long id, long estateId, String estateName, String title, String description, String initiatorKind,
                   String initiatorName, VoteStatus status, VoteStatus suspendedFrom, String reason, Instant startsAt, Instant endsAt,
                   Instant noticedAt, Instant openedAt, Instant closedAt, Instant publishedAt, boolean ballotChangeAllowed,
                   Boolean deemedAllowed, UnsoldRule unsoldRule, Integer electorHeads, String electorArea, long participatingHeads,
                   List<Matter> matters, String createdBy, Instant createdAt, long version) {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 4000;
    public static final int REASON_MAX = 500;
    public static final int MATTERS_MAX = 20;

    /** A matter with its art. 278 category and the rule in force (frozen when the vote is noticed). */
    public record Matter(long id, int seq, String title, String description, MatterCategory category, int article, Rule rule) {
    }

    /** Quorum and pass thresholds of a matter. */
    public record Rule(Fraction quorum, Fraction pass) {
    }
}
