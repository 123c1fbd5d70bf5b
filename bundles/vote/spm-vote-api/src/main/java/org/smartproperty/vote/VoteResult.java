package org.smartproperty.vote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored result of a closed vote as JSON (docs/voting-contract.md "Results"): per matter counts and areas, ratios for
 * display (4 decimals) and the threshold tests decided exactly by {@link Tally}; deemed votes apart (VOTE-7).
 */
public record VoteResult(long voteId, Instant computedAt, long electorHeads, String electorArea, boolean deemedAllowed, String hash,
                         List<MatterResult> matters) {

    public record Count(long heads, String area) {
        static Count of(Tally.Count c) {
            return new Count(c.heads(), Tally.area(c.area()));
        }
    }

    public record Deemed(long heads, String area, Choice side) {
    }

    public record Check(boolean met, String ratio) {
    }

    public record MatterResult(long matterId, int seq, String title, MatterCategory category, int article, Vote.Rule rule, Count agree,
                               Count disagree, Count abstain, Count participating, Deemed deemed, Check quorumArea, Check quorumHeads,
                               boolean quorumMet, Check passArea, Check passHeads, Outcome outcome) {
    }

    /** The view of a tally; {@code matters} gives seq, title and rule of each matter id in the tally's order. */
    public static VoteResult of(long voteId, Instant computedAt, Tally.Result t, List<Vote.Matter> matters) {
        List<MatterResult> out = new ArrayList<>();
        for (Tally.MatterTally m : t.matters()) {
            Vote.Matter meta = matters.stream().filter(x -> x.id() == m.matterId()).findFirst().orElseThrow();
            Tally.Count yes = m.agreeWithDeemed();
            Tally.Count all = m.participatingWithDeemed();
            out.add(new MatterResult(m.matterId(), meta.seq(), meta.title(), meta.category(), meta.article(), meta.rule(),
                    Count.of(m.agree()), Count.of(m.disagree()), Count.of(m.abstain()), Count.of(m.participating()),
                    new Deemed(m.deemed().heads(), Tally.area(m.deemed().area()), m.deemedSide()),
                    new Check(m.quorumAreaMet(), Tally.ratio(m.participating().area(), t.electorArea())),
                    new Check(m.quorumHeadsMet(), Tally.ratio(m.participating().heads(), t.electorHeads())), m.quorumMet(),
                    new Check(m.passAreaMet(), Tally.ratio(yes.area(), all.area())),
                    new Check(m.passHeadsMet(), Tally.ratio(yes.heads(), all.heads())), m.outcome()));
        }
        return new VoteResult(voteId, computedAt, t.electorHeads(), Tally.area(t.electorArea()), t.deemedAllowed(), t.hash(), out);
    }
}
