package org.smartproperty.vote;

/**
 * The matters of Civil Code art. 278 (1–9) and their statutory thresholds: quorum ≥ 2/3 of the area AND the heads
 * (VOTE-2); matters 6–8 pass with ≥ 3/4 of the participating area AND heads (VOTE-3), the others with > 1/2 (VOTE-4).
 * The rules in force are data ({@link VoteRule}, table vot_rule) and may only be stricter than these.
 */
public enum MatterCategory {
    RULES_OF_PROCEDURE(1), COVENANT(2), COMMITTEE(3), PROPERTY_SERVICE(4), FUND_USE(5), FUND_RAISE(6), REBUILD(7),
    COMMON_PARTS_USE(8), OTHER(9);

    /** VOTE-2. */
    public static final Fraction QUORUM = new Fraction(2, 3, Comparison.GE);
    /** VOTE-3. */
    public static final Fraction THREE_QUARTERS = new Fraction(3, 4, Comparison.GE);
    /** VOTE-4. */
    public static final Fraction MAJORITY = new Fraction(1, 2, Comparison.GT);

    private final int article;

    MatterCategory(int article) {
        this.article = article;
    }

    /** The item number in art. 278 (1–9). */
    public int article() {
        return article;
    }

    /** The statutory pass threshold: ≥ 3/4 for items 6–8 (VOTE-3), > 1/2 otherwise (VOTE-4). */
    public Fraction statutoryPass() {
        return article >= 6 && article <= 8 ? THREE_QUARTERS : MAJORITY;
    }

    /** The rule the law gives (the table's seed). */
    public VoteRule statutory() {
        return new VoteRule(this, article, QUORUM, statutoryPass(), 0);
    }
}
