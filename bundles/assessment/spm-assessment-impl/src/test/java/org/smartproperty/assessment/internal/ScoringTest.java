package org.smartproperty.assessment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic of SUP-AS-1 (computed points) and SUP-AS-3 (ranks with ties). */
class ScoringTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void computedPointsAreLinearBetweenWorstAndBestAndClamped_SUP_AS_1() {
        assertEquals(d("30.00"), Scoring.points(d("30"), d("100"), d("100"), d("60")));
        assertEquals(d("15.00"), Scoring.points(d("30"), d("80"), d("100"), d("60")));
        assertEquals(d("0.00"), Scoring.points(d("30"), d("40"), d("100"), d("60")), "below worst: 0");
        assertEquals(d("30.00"), Scoring.points(d("30"), d("120"), d("100"), d("60")), "above best: the weight");
        // lower is better (complaints per 1,000 houses): best 0, worst 10
        assertEquals(d("20.00"), Scoring.points(d("20"), d("0"), d("0"), d("10")));
        assertEquals(d("14.00"), Scoring.points(d("20"), d("3"), d("0"), d("10")));
        assertEquals(d("0.00"), Scoring.points(d("20"), d("12.5"), d("0"), d("10")));
    }

    @Test
    void tiesShareARankAndTheNextCountsEveryRowBefore_SUP_AS_3() {
        record Row(String name, BigDecimal score) {
        }
        List<Scoring.Ranked<Row>> r = Scoring.rank(List.of(new Row("C", d("70")), new Row("A", d("80")), new Row("B", d("80")),
                new Row("D", d("60.5"))), Row::score, Comparator.comparing(Row::name));
        assertEquals(List.of("A", "B", "C", "D"), r.stream().map(x -> x.item().name()).toList());
        assertEquals(List.of(1, 1, 3, 4), r.stream().map(Scoring.Ranked::rank).toList());
    }
}
