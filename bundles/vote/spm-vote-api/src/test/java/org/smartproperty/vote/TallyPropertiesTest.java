package org.smartproperty.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Property-based tests of the tally (VOTE-2..5, VOTE-7) with seeded random generation in plain JUnit 5 (jqwik is not in the
 * project's offline repository; the seeds make every failure reproducible: the message names the seed). Each property runs
 * over {@link #RUNS} generated electorates and ballots and is checked against an independent oracle in BigInteger
 * arithmetic; the boundaries (exactly 2/3, 3/4, 1/2) are generated on purpose, not hoped for.
 */
class TallyPropertiesTest {

    static final int RUNS = 400;
    static final Fraction Q = MatterCategory.QUORUM;
    static final Fraction THREE_Q = MatterCategory.THREE_QUARTERS;
    static final Fraction HALF = MatterCategory.MAJORITY;

    /** The oracle: part/whole against n/d with rationals in BigInteger, written apart from Fraction.met. */
    static boolean oracle(long part, long whole, Fraction f) {
        if (whole == 0) {
            return false;
        }
        BigInteger lhs = BigInteger.valueOf(part).multiply(BigInteger.valueOf(f.denominator()));
        BigInteger rhs = BigInteger.valueOf(f.numerator()).multiply(BigInteger.valueOf(whole));
        return f.comparison() == Comparison.GE ? lhs.compareTo(rhs) >= 0 : lhs.compareTo(rhs) > 0;
    }

    static List<Tally.Elector> owners(Random r, int n) {
        List<Tally.Elector> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Tally.Elector("O" + i, ElectorKind.OWNER, (long) i, List.of("U" + i), 1 + r.nextInt(30000), 1));
        }
        return out;
    }

    @Test
    void fractionBoundaries_VOTE_2_VOTE_3_VOTE_4() {
        // 以上 (≥) includes the boundary, 过半数 (>) does not (VOTE-4, Civil Code art. 1259)
        assertTrue(Q.met(2, 3));
        assertFalse(Q.met(1999, 3000));
        assertTrue(Q.met(2000, 3000));
        assertTrue(THREE_Q.met(3, 4));
        assertFalse(THREE_Q.met(74999, 100000));
        assertFalse(HALF.met(1, 2));
        assertTrue(HALF.met(50001, 100000));
        assertFalse(HALF.met(0, 0));
        assertFalse(Q.met(0, 0), "nobody to count never meets a threshold");
        // areas of a 4,000-flat estate in hundredths never overflow: exact for any long
        assertTrue(Q.met(Long.MAX_VALUE / 3 * 2 + 1, Long.MAX_VALUE / 3 * 3));
    }

    @Test
    void everyThresholdAgreesWithTheOracleAtAndAroundItsBoundary() {
        Random r = new Random(20261205L);
        for (int run = 0; run < RUNS * 10; run++) {
            Fraction f = List.of(Q, THREE_Q, HALF).get(r.nextInt(3));
            long whole = 1 + r.nextInt(1_000_000);
            // the exact boundary when it exists, and its neighbours
            long boundary = whole * f.numerator() / f.denominator();
            for (long part = Math.max(0, boundary - 2); part <= Math.min(whole, boundary + 2); part++) {
                assertEquals(oracle(part, whole, f), f.met(part, whole), "seed 20261205 run " + run + ": " + part + "/" + whole + " " + f);
            }
        }
    }

    /** VOTE-2: the quorum needs BOTH area and heads; exact 2/3 on each passes, one unit less on either fails. */
    @Test
    void quorumAtExactlyTwoThirdsOnAreaAndHeads_VOTE_2() {
        Random r = new Random(7L);
        for (int run = 0; run < RUNS; run++) {
            int k = 1 + r.nextInt(50);
            int n = 3 * k; // heads: exactly 2/3 possible
            List<Tally.Elector> es = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                es.add(new Tally.Elector("O" + i, ElectorKind.OWNER, (long) i, List.of(), 100, 1)); // equal areas: area share = head share
            }
            List<Tally.Ballot> bs = new ArrayList<>();
            for (int i = 1; i <= 2 * k; i++) {
                bs.add(new Tally.Ballot("O" + i, 1, Choice.AGREE));
            }
            Tally.MatterTally exact = Tally.compute(es, List.of(new Tally.Matter(1, Q, HALF)), bs, false).matters().get(0);
            assertTrue(exact.quorumAreaMet() && exact.quorumHeadsMet(), "run " + run);
            assertEquals(Outcome.PASSED, exact.outcome());
            Tally.MatterTally less = Tally.compute(es, List.of(new Tally.Matter(1, Q, HALF)), bs.subList(0, bs.size() - 1), false).matters().get(0);
            assertFalse(less.quorumHeadsMet());
            assertEquals(Outcome.NO_QUORUM, less.outcome());
        }
    }

    /** The case: a matter fails the quorum on heads while passing it on area (one big owner). */
    @Test
    void quorumFailsOnHeadsWhilePassingOnArea_VOTE_2() {
        Random r = new Random(11L);
        for (int run = 0; run < RUNS; run++) {
            int small = 3 + r.nextInt(100);
            List<Tally.Elector> es = new ArrayList<>();
            long smallArea = 0;
            for (int i = 1; i <= small; i++) {
                long a = 1 + r.nextInt(100);
                smallArea += a;
                es.add(new Tally.Elector("O" + i, ElectorKind.OWNER, (long) i, List.of(), a, 1));
            }
            es.add(new Tally.Elector("BIG", ElectorKind.OWNER, 0L, List.of(), smallArea * 2, 1)); // exactly 2/3 of the area
            Tally.MatterTally m = Tally.compute(es, List.of(new Tally.Matter(1, Q, HALF)), List.of(new Tally.Ballot("BIG", 1, Choice.AGREE)), false)
                    .matters().get(0);
            assertTrue(m.quorumAreaMet(), "run " + run);
            assertFalse(m.quorumHeadsMet());
            assertEquals(Outcome.NO_QUORUM, m.outcome());
        }
    }

    /** VOTE-3: matters 6–8 pass at exactly 3/4 of participating area and heads (≥), not one unit below. */
    @Test
    void threeQuartersIncludesTheBoundary_VOTE_3() {
        Random r = new Random(3L);
        for (int run = 0; run < RUNS; run++) {
            int k = 1 + r.nextInt(40);
            int n = 4 * k;
            List<Tally.Elector> es = new ArrayList<>();
            List<Tally.Ballot> bs = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                es.add(new Tally.Elector("O" + i, ElectorKind.OWNER, (long) i, List.of(), 250, 1));
                bs.add(new Tally.Ballot("O" + i, 6, i <= 3 * k ? Choice.AGREE : (r.nextBoolean() ? Choice.DISAGREE : Choice.ABSTAIN)));
            }
            Tally.Matter m = new Tally.Matter(6, Q, MatterCategory.FUND_RAISE.statutoryPass());
            assertEquals(Outcome.PASSED, Tally.compute(es, List.of(m), bs, false).matters().get(0).outcome(), "run " + run);
            // one agreeing owner abstains instead: 3k-1 of 4k < 3/4
            List<Tally.Ballot> fewer = new ArrayList<>(bs);
            fewer.set(0, new Tally.Ballot("O1", 6, Choice.ABSTAIN));
            Tally.MatterTally t = Tally.compute(es, List.of(m), fewer, false).matters().get(0);
            assertFalse(t.passHeadsMet());
            assertEquals(Outcome.FAILED, t.outcome());
        }
    }

    /** VOTE-4: 过半数 excludes exactly 1/2 of the participating area or heads. */
    @Test
    void exactlyHalfIsNotAMajority_VOTE_4() {
        Random r = new Random(4L);
        for (int run = 0; run < RUNS; run++) {
            int k = 1 + r.nextInt(60);
            List<Tally.Elector> es = new ArrayList<>();
            List<Tally.Ballot> bs = new ArrayList<>();
            for (int i = 1; i <= 2 * k; i++) {
                es.add(new Tally.Elector("O" + i, ElectorKind.OWNER, (long) i, List.of(), 100, 1));
                bs.add(new Tally.Ballot("O" + i, 1, i <= k ? Choice.AGREE : Choice.DISAGREE));
            }
            Tally.MatterTally half = Tally.compute(es, List.of(new Tally.Matter(1, Q, HALF)), bs, false).matters().get(0);
            assertTrue(half.quorumMet());
            assertFalse(half.passHeadsMet(), "run " + run);
            assertFalse(half.passAreaMet());
            assertEquals(Outcome.FAILED, half.outcome());
            bs.set(2 * k - 1, new Tally.Ballot("O" + (2 * k), 1, Choice.AGREE)); // k+1 of 2k
            assertEquals(Outcome.PASSED, Tally.compute(es, List.of(new Tally.Matter(1, Q, HALF)), bs, false).matters().get(0).outcome());
        }
    }

    /** Random electorates and ballots: every flag equals the oracle's, counts add up, and the outcome follows the flags. */
    @Test
    void randomTalliesMatchTheOracle_VOTE_2_3_4() {
        Random r = new Random(42L);
        for (int run = 0; run < RUNS; run++) {
            List<Tally.Elector> es = owners(r, 1 + r.nextInt(80));
            List<Tally.Matter> ms = new ArrayList<>();
            for (int m = 1; m <= 3; m++) {
                MatterCategory c = MatterCategory.values()[r.nextInt(9)];
                ms.add(new Tally.Matter(m, Q, c.statutoryPass()));
            }
            List<Tally.Ballot> bs = new ArrayList<>();
            for (Tally.Elector e : es) {
                for (Tally.Matter m : ms) {
                    if (r.nextInt(10) < 8) {
                        bs.add(new Tally.Ballot(e.key(), m.matterId(), Choice.values()[r.nextInt(3)]));
                    }
                }
            }
            Collections.shuffle(bs, r);
            Tally.Result t = Tally.compute(es, ms, bs, false);
            long heads = es.size();
            long area = es.stream().mapToLong(Tally.Elector::area).sum();
            assertEquals(heads, t.electorHeads());
            assertEquals(area, t.electorArea());
            for (int i = 0; i < ms.size(); i++) {
                Tally.MatterTally mt = t.matters().get(i);
                Tally.Matter m = ms.get(i);
                assertEquals(mt.participating().heads(), mt.agree().heads() + mt.disagree().heads() + mt.abstain().heads());
                assertEquals(mt.participating().area(), mt.agree().area() + mt.disagree().area() + mt.abstain().area());
                assertEquals(oracle(mt.participating().area(), area, m.quorum()), mt.quorumAreaMet(), "seed 42 run " + run);
                assertEquals(oracle(mt.participating().heads(), heads, m.quorum()), mt.quorumHeadsMet());
                assertEquals(oracle(mt.agree().area(), mt.participating().area(), m.pass()), mt.passAreaMet());
                assertEquals(oracle(mt.agree().heads(), mt.participating().heads(), m.pass()), mt.passHeadsMet());
                Outcome expected = !(mt.quorumAreaMet() && mt.quorumHeadsMet()) ? Outcome.NO_QUORUM
                        : mt.passAreaMet() && mt.passHeadsMet() ? Outcome.PASSED : Outcome.FAILED;
                assertEquals(expected, mt.outcome());
                assertNull(mt.deemedSide());
            }
            // reproducible: the order of the ballots does not matter
            Collections.shuffle(bs, r);
            assertEquals(t.hash(), Tally.compute(es, ms, bs, false).hash());
        }
    }

    /** VOTE-5: one owner with several houses is one head with the summed area; co-owned houses count once. */
    @Test
    void oneOwnerManyHousesIsOneHead_VOTE_5() {
        Random r = new Random(5L);
        for (int run = 0; run < RUNS; run++) {
            List<Tally.Holding> reg = new ArrayList<>();
            int owners = 1 + r.nextInt(30);
            long total = 0;
            long house = 1;
            for (long o = 1; o <= owners; o++) {
                int houses = 1 + r.nextInt(5);
                for (int h = 0; h < houses; h++) {
                    long a = 1 + r.nextInt(20000);
                    total += a;
                    reg.add(new Tally.Holding(house, "U" + house, o, a, false));
                    if (r.nextInt(6) == 0) { // a co-owner of the same house (higher id): the house is not counted twice
                        reg.add(new Tally.Holding(house, "U" + house, 1000 + o, a, false));
                    }
                    house++;
                }
            }
            Collections.shuffle(reg, r);
            List<Tally.Elector> es = Tally.electorate(reg, UnsoldRule.EACH_HOUSE_ONE_HEAD);
            assertEquals(owners, es.size(), "run " + run);
            assertEquals(total, es.stream().mapToLong(Tally.Elector::area).sum());
            assertTrue(es.stream().allMatch(e -> e.heads() == 1 && e.kind() == ElectorKind.OWNER));
        }
    }

    /** VOTE-5: unsold houses by the configured rule: one head each, the developer one head, or excluded. */
    @Test
    void unsoldHousesByTheRule_VOTE_5() {
        Random r = new Random(6L);
        for (int run = 0; run < RUNS; run++) {
            List<Tally.Holding> reg = new ArrayList<>();
            int sold = 1 + r.nextInt(20);
            int unsold = r.nextInt(10);
            long soldArea = 0;
            long unsoldArea = 0;
            for (int i = 1; i <= sold; i++) {
                long a = 1 + r.nextInt(15000);
                soldArea += a;
                reg.add(new Tally.Holding(i, "S" + i, (long) i, a, false));
            }
            for (int i = 1; i <= unsold; i++) {
                long a = 1 + r.nextInt(15000);
                unsoldArea += a;
                reg.add(new Tally.Holding(100 + i, "X" + i, null, a, true));
            }
            List<Tally.Elector> each = Tally.electorate(reg, UnsoldRule.EACH_HOUSE_ONE_HEAD);
            assertEquals(sold + unsold, each.stream().mapToInt(Tally.Elector::heads).sum(), "run " + run);
            assertEquals(soldArea + unsoldArea, each.stream().mapToLong(Tally.Elector::area).sum());
            List<Tally.Elector> dev = Tally.electorate(reg, UnsoldRule.DEVELOPER_ONE_HEAD);
            assertEquals(sold + (unsold > 0 ? 1 : 0), dev.stream().mapToInt(Tally.Elector::heads).sum());
            assertEquals(soldArea + unsoldArea, dev.stream().mapToLong(Tally.Elector::area).sum());
            List<Tally.Elector> none = Tally.electorate(reg, UnsoldRule.EXCLUDED);
            assertEquals(sold, none.size());
            assertEquals(soldArea, none.stream().mapToLong(Tally.Elector::area).sum());
        }
    }

    /**
     * VOTE-7: deemed votes only when allowed; they go to the side ahead on both heads and area, never count for the quorum,
     * are reported apart, and the real counts are the same with or without them.
     */
    @Test
    void deemedVotesOnlyWhenAllowedAndApart_VOTE_7() {
        Random r = new Random(77L);
        for (int run = 0; run < RUNS; run++) {
            List<Tally.Elector> es = owners(r, 3 + r.nextInt(60));
            List<Tally.Ballot> bs = new ArrayList<>();
            for (Tally.Elector e : es) {
                if (r.nextInt(10) < 7) {
                    bs.add(new Tally.Ballot(e.key(), 1, Choice.values()[r.nextInt(3)]));
                }
            }
            List<Tally.Matter> ms = List.of(new Tally.Matter(1, Q, HALF));
            Tally.MatterTally off = Tally.compute(es, ms, bs, false).matters().get(0);
            Tally.MatterTally on = Tally.compute(es, ms, bs, true).matters().get(0);
            assertEquals(Tally.Count.ZERO, off.deemed());
            assertEquals(off.agree(), on.agree(), "real ballots unchanged, seed 77 run " + run);
            assertEquals(off.participating(), on.participating());
            assertEquals(off.quorumAreaMet(), on.quorumAreaMet(), "deemed votes never make the quorum");
            assertEquals(off.quorumHeadsMet(), on.quorumHeadsMet());
            long nonVoters = es.size() - on.participating().heads();
            if (on.agree().heads() > on.disagree().heads() && on.agree().area() > on.disagree().area() && nonVoters > 0) {
                assertEquals(Choice.AGREE, on.deemedSide());
                assertEquals(nonVoters, on.deemed().heads());
            } else if (on.disagree().heads() > on.agree().heads() && on.disagree().area() > on.agree().area() && nonVoters > 0) {
                assertEquals(Choice.DISAGREE, on.deemedSide());
            } else {
                assertNull(on.deemedSide());
                assertEquals(Tally.Count.ZERO, on.deemed());
            }
            if (on.deemedSide() != null) {
                assertEquals(oracle(on.agreeWithDeemed().heads(), on.participatingWithDeemed().heads(), HALF), on.passHeadsMet());
            }
        }
    }

    @Test
    void aSecondBallotOrAStrangerIsRefused_VOTE_6() {
        List<Tally.Elector> es = List.of(new Tally.Elector("O1", ElectorKind.OWNER, 1L, List.of(), 100, 1));
        List<Tally.Matter> ms = List.of(new Tally.Matter(1, Q, HALF));
        assertThrows(IllegalArgumentException.class, () -> Tally.compute(es, ms,
                List.of(new Tally.Ballot("O1", 1, Choice.AGREE), new Tally.Ballot("O1", 1, Choice.DISAGREE)), false));
        assertThrows(IllegalArgumentException.class, () -> Tally.compute(es, ms, List.of(new Tally.Ballot("O2", 1, Choice.AGREE)), false));
    }

    @Test
    void rulesNeverLaxerThanTheLaw() {
        for (MatterCategory c : MatterCategory.values()) {
            assertTrue(c.statutory().lawful(), c.name());
        }
        assertFalse(new VoteRule(MatterCategory.REBUILD, 7, Q, HALF, 0).lawful(), "3/4 matter with 1/2");
        assertFalse(new VoteRule(MatterCategory.COVENANT, 2, Q, new Fraction(1, 2, Comparison.GE), 0).lawful(), "≥ 1/2 is laxer than > 1/2");
        assertTrue(new VoteRule(MatterCategory.COVENANT, 2, Q, new Fraction(2, 3, Comparison.GE), 0).lawful());
        assertFalse(new VoteRule(MatterCategory.COVENANT, 2, new Fraction(3, 5, Comparison.GE), HALF, 0).lawful());
        assertTrue(new VoteRule(MatterCategory.COVENANT, 2, new Fraction(2, 3, Comparison.GT), HALF, 0).lawful());
        assertEquals("0.6667", Tally.ratio(2, 3));
        assertEquals("1234.50", Tally.area(123450));
        assertEquals(123450, Tally.hundredths(new java.math.BigDecimal("1234.5")));
    }
}
