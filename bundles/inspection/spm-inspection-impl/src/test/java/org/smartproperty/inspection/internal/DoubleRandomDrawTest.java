package org.smartproperty.inspection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.smartproperty.inspection.DrawMode;
import org.smartproperty.inspection.DrawRule;
import org.smartproperty.inspection.RiskLevel;
import org.smartproperty.inspection.Target;
import org.smartproperty.inspection.Tie;
import org.smartproperty.inspection.TieKind;
import org.smartproperty.inspection.UnitKind;
import org.smartproperty.platform.ApiException;

/** The draw of DR-2 as a pure function: deterministic from the seed, conflict rule, rounding, not-enough inspectors. */
class DoubleRandomDrawTest {

    static final LocalDate DRAW = LocalDate.of(2026, 12, 1);

    static DoubleRandomDraw.Inputs inputs(int objects, int inspectors) {
        List<DoubleRandomDraw.ObjectCandidate> os = IntStream.rangeClosed(1, objects).mapToObj(i -> new DoubleRandomDraw.ObjectCandidate(i,
                Target.COMPANY, 100 + i, "企业" + i, 100 + i, RiskLevel.values()[i % 4])).toList();
        List<DoubleRandomDraw.InspectorCandidate> is = IntStream.rangeClosed(1, inspectors).mapToObj(i -> new DoubleRandomDraw.InspectorCandidate(
                1000 + i, "检查员" + i, "横琴住建局", UnitKind.BUREAU, null, List.of())).toList();
        return new DoubleRandomDraw.Inputs(DRAW, 3, os, is);
    }

    static final DrawRule RATIO = new DrawRule(DrawMode.RATIO, Map.of(RiskLevel.HIGH, new BigDecimal("0.3"), RiskLevel.ELEVATED,
            new BigDecimal("0.1"), RiskLevel.NORMAL, new BigDecimal("0.02"), RiskLevel.LOW, new BigDecimal("0.01")));

    static List<Long> ids(List<DoubleRandomDraw.Pick> picks) {
        List<Long> out = new ArrayList<>();
        for (DoubleRandomDraw.Pick p : picks) {
            out.add(p.object().id());
            p.inspectors().forEach(i -> out.add(i.id()));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameDraw_DR_2() {
        String seed = DoubleRandomDraw.newSeed();
        assertEquals(32, seed.length());
        assertTrue(seed.matches("[0-9a-f]{32}"));
        assertEquals(ids(DoubleRandomDraw.draw(seed, RATIO, 2, inputs(200, 12))), ids(DoubleRandomDraw.draw(seed, RATIO, 2, inputs(200, 12))));
    }

    @Test
    void aDifferentSeedGivesADifferentDraw_DR_2() {
        DoubleRandomDraw.Inputs in = inputs(200, 12);
        List<Long> a = ids(DoubleRandomDraw.draw("00000000000000000000000000000001", RATIO, 2, in));
        List<Long> b = ids(DoubleRandomDraw.draw("00000000000000000000000000000002", RATIO, 2, in));
        assertEquals(a.size(), b.size());
        assertNotEquals(a, b);
    }

    @Test
    void theOrderIsThatOfSha256OfSeedAndIds_DR_2() {
        // the documented hash: SHA-256 of the UTF-8 text, lowercase hex (FIPS 180-2 test vector)
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DoubleRandomDraw.hash("abc"));
        String seed = "0123456789abcdef0123456789abcdef";
        DoubleRandomDraw.Inputs in = inputs(8, 4);
        List<DoubleRandomDraw.Pick> picks = DoubleRandomDraw.draw(seed, new DrawRule(DrawMode.COUNT, Map.of(RiskLevel.HIGH, BigDecimal.ONE)), 2, in);
        long expected = in.objects().stream().filter(o -> o.riskLevel() == RiskLevel.HIGH)
                .min((x, y) -> DoubleRandomDraw.hash(seed + ":object:" + x.id()).compareTo(DoubleRandomDraw.hash(seed + ":object:" + y.id())))
                .orElseThrow().id();
        assertEquals(expected, picks.get(0).object().id());
        List<Long> inspectors = in.inspectors().stream().sorted((x, y) -> DoubleRandomDraw.hash(seed + ":inspector:" + expected + ":" + x.id())
                .compareTo(DoubleRandomDraw.hash(seed + ":inspector:" + expected + ":" + y.id()))).limit(2).map(i -> i.id()).toList();
        assertEquals(inspectors, picks.get(0).inspectors().stream().map(i -> i.id()).toList());
    }

    @Test
    void ratiosRoundUpAndCountsStopAtTheCandidates_DR_2() {
        assertEquals(3, DoubleRandomDraw.take(DrawMode.RATIO, new BigDecimal("0.3"), 7)); // 2.1 → 3
        assertEquals(1, DoubleRandomDraw.take(DrawMode.RATIO, new BigDecimal("0.1"), 10));
        assertEquals(1, DoubleRandomDraw.take(DrawMode.RATIO, new BigDecimal("0.02"), 10)); // 0.2 → 1
        assertEquals(0, DoubleRandomDraw.take(DrawMode.RATIO, new BigDecimal("0.5"), 0));
        assertEquals(5, DoubleRandomDraw.take(DrawMode.RATIO, BigDecimal.ONE, 5));
        assertEquals(2, DoubleRandomDraw.take(DrawMode.COUNT, new BigDecimal("3"), 2));
        assertEquals(3, DoubleRandomDraw.take(DrawMode.COUNT, new BigDecimal("3"), 9));
        // 200 objects, 50 per level: 30 % → 15, 10 % → 5, 2 % → 1, 1 % → 1
        assertEquals(22, DoubleRandomDraw.draw(DoubleRandomDraw.newSeed(), RATIO, 2, inputs(200, 5)).size());
    }

    @Test
    void conflictsAreEmployerRelatedAndRecentFormerEmployer_DR_2() {
        long c = 7;
        assertTrue(DoubleRandomDraw.conflict(inspector(new Tie(c, TieKind.EMPLOYER, LocalDate.of(2020, 1, 1), null)), c, DRAW, 3));
        assertTrue(DoubleRandomDraw.conflict(inspector(new Tie(c, TieKind.RELATED, null, LocalDate.of(2001, 1, 1))), c, DRAW, 3));
        assertTrue(DoubleRandomDraw.conflict(inspector(new Tie(c, TieKind.FORMER_EMPLOYER, null, DRAW.minusYears(3))), c, DRAW, 3));
        assertTrue(DoubleRandomDraw.conflict(inspector(new Tie(c, TieKind.FORMER_EMPLOYER, null, null)), c, DRAW, 3));
        assertFalse(DoubleRandomDraw.conflict(inspector(new Tie(c, TieKind.FORMER_EMPLOYER, null, DRAW.minusYears(3).minusDays(1))), c, DRAW, 3));
        assertFalse(DoubleRandomDraw.conflict(inspector(new Tie(c, TieKind.FORMER_EMPLOYER, null, DRAW.minusYears(2))), c, DRAW, 1));
        assertFalse(DoubleRandomDraw.conflict(inspector(new Tie(8L, TieKind.EMPLOYER, null, null)), c, DRAW, 3));
    }

    @Test
    void tooFewConflictFreeInspectorsIs409_DR_2() {
        DoubleRandomDraw.Inputs in = inputs(4, 2);
        ApiException e = assertThrows(ApiException.class, () -> DoubleRandomDraw.draw(DoubleRandomDraw.newSeed(),
                new DrawRule(DrawMode.COUNT, Map.of(RiskLevel.LOW, BigDecimal.ONE)), 3, in));
        assertEquals(409, e.status());
        assertEquals("draw.notEnoughInspectors", e.code());
    }

    private static DoubleRandomDraw.InspectorCandidate inspector(Tie tie) {
        return new DoubleRandomDraw.InspectorCandidate(1, "甲", "横琴住建局", UnitKind.BUREAU, null, List.of(tie));
    }
}
