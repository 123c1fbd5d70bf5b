package org.smartproperty.vote;

/** One row of the threshold table (vot_rule): quorum on total area and heads, pass on participating area and heads. */
public record VoteRule(MatterCategory category, int article, Fraction quorum, Fraction pass, long version) {

    /** Whether both fractions are well formed and never laxer than the law (VOTE-2..4). */
    public boolean lawful() {
        return quorum.wellFormed() && pass.wellFormed() && quorum.atLeastAsStrictAs(MatterCategory.QUORUM)
                && pass.atLeastAsStrictAs(category.statutoryPass());
    }
}
