package org.smartproperty.vote;

import java.math.BigInteger;

/**
 * A threshold as data: {@code part / whole} compared with {@code numerator / denominator} by {@link Comparison}, decided by
 * exact cross-multiplication ({@code part × denominator} against {@code numerator × whole}), never by floating point. A
 * whole of zero never meets a threshold (nobody to count).
 */
public record Fraction(int numerator, int denominator, Comparison comparison) {

    public Fraction {
        if (comparison == null) {
            throw new IllegalArgumentException("comparison");
        }
    }

    /** Whether numerator and denominator make a fraction in (0, 1]. */
    public boolean wellFormed() {
        return numerator > 0 && denominator > 0 && numerator <= denominator && denominator <= 1000;
    }

    /** Whether {@code part} of {@code whole} meets the threshold. */
    public boolean met(long part, long whole) {
        if (whole <= 0) {
            return false;
        }
        int c = BigInteger.valueOf(part).multiply(BigInteger.valueOf(denominator))
                .compareTo(BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(whole)));
        return comparison == Comparison.GE ? c >= 0 : c > 0;
    }

    /**
     * Whether this threshold is never easier to meet than {@code law}: a larger fraction, or the same fraction with GT
     * where the law says GE, or the same fraction and comparison.
     */
    public boolean atLeastAsStrictAs(Fraction law) {
        int c = BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(law.denominator))
                .compareTo(BigInteger.valueOf(law.numerator).multiply(BigInteger.valueOf(denominator)));
        return c > 0 || (c == 0 && (comparison == law.comparison || comparison == Comparison.GT));
    }

    @Override
    public String toString() {
        return (comparison == Comparison.GE ? "≥ " : "> ") + numerator + "/" + denominator;
    }
}
