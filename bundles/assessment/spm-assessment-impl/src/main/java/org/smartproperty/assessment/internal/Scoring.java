package org.smartproperty.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The arithmetic of the assessment (SUP-AS-1, SUP-AS-3): computed points and ranks. Pure, no state. */
final class Scoring {

    static final int SCALE = 2;

    private Scoring() {
    }

    /**
     * Points of a COMPUTED indicator: linear between {@code worst} (0 points) and {@code best} (the full weight), clamped to
     * 0..weight, two decimals half up. Works either way round (best below worst for "lower is better", e.g. complaints).
     */
    static BigDecimal points(BigDecimal weight, BigDecimal value, BigDecimal best, BigDecimal worst) {
        BigDecimal span = best.subtract(worst);
        BigDecimal share = value.subtract(worst).divide(span, 10, RoundingMode.HALF_UP);
        if (share.signum() < 0) {
            share = BigDecimal.ZERO;
        } else if (share.compareTo(BigDecimal.ONE) > 0) {
            share = BigDecimal.ONE;
        }
        return weight.multiply(share).setScale(SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return (a == null ? BigDecimal.ZERO : a).add(b == null ? BigDecimal.ZERO : b).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** One ranked row: its place in score order and its rank (ties share a rank: 1, 1, 3). */
    record Ranked<T>(T item, BigDecimal score, int rank) {
    }

    /**
     * Orders by score (highest first; equal scores by {@code tieOrder}) and gives each its competition rank: equal scores share
     * the rank of the first of them, the next score's rank counts every row before it.
     */
    static <T> List<Ranked<T>> rank(List<T> items, Function<T, BigDecimal> score, Comparator<T> tieOrder) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(score, Comparator.reverseOrder()).thenComparing(tieOrder));
        List<Ranked<T>> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            BigDecimal s = score.apply(sorted.get(i));
            int rank = i > 0 && s.compareTo(out.get(i - 1).score()) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new Ranked<>(sorted.get(i), s, rank));
        }
        return out;
    }
}
