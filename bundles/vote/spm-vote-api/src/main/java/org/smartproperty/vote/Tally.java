package org.smartproperty.vote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tally of an owners' vote as a pure function (VOTE-2..4, VOTE-7) over the frozen electorate, the matters' rules and
 * the ballots: exact arithmetic only — areas in integer hundredths of m², thresholds by cross-multiplication
 * ({@link Fraction#met}). The service stores the result when the vote closes and recomputes it to prove it reproducible.
 * <p>Per matter: the participants are the electors with a ballot on it (any choice; ABSTAIN takes part, does not agree).
 * Quorum (VOTE-2): participating area AND heads against the electorate's totals, real ballots only. Pass (VOTE-3/4): agreeing
 * area AND heads against the participating ones. Deemed votes (VOTE-7), only when {@code deemedAllowed}: electors without a
 * ballot on the matter are counted with the majority of the real AGREE/DISAGREE ballots — the side ahead on both heads and
 * area; none when the sides split or tie — added to that side and to the participants for the pass test only (never to
 * the quorum), and reported apart ({@link MatterTally#deemed}).
 */
public final class Tally {

    private Tally() {
    }

    /** One elector of the frozen electorate: area in hundredths of m², heads 1 (or 0 for a house counted by area only). */
    public record Elector(String key, ElectorKind kind, Long ownerId, List<String> units, long area, int heads) {
        public Elector {
            units = units == null ? List.of() : List.copyOf(units);
        }
    }

    /** A matter with the rule frozen for it. */
    public record Matter(long matterId, Fraction quorum, Fraction pass) {
    }

    /** A counted ballot (the current one per elector and matter). */
    public record Ballot(String electorKey, long matterId, Choice choice) {
    }

    /** Heads and area (hundredths of m²). */
    public record Count(long heads, long area) {
        public static final Count ZERO = new Count(0, 0);

        Count plus(Elector e) {
            return new Count(heads + e.heads(), area + e.area());
        }

        Count plus(Count c) {
            return new Count(heads + c.heads, area + c.area);
        }
    }

    /** One matter's tally; {@code deemedSide} null when no deemed votes were counted. */
    public record MatterTally(long matterId, Count agree, Count disagree, Count abstain, Count participating, Count deemed,
                              Choice deemedSide, boolean quorumAreaMet, boolean quorumHeadsMet, boolean passAreaMet,
                              boolean passHeadsMet, Outcome outcome) {

        public boolean quorumMet() {
            return quorumAreaMet && quorumHeadsMet;
        }

        /** What the pass test compares: agreeing heads/area, deemed included when they side with AGREE. */
        public Count agreeWithDeemed() {
            return deemedSide == Choice.AGREE ? agree.plus(deemed) : agree;
        }

        /** The pass test's denominator: participants plus deemed. */
        public Count participatingWithDeemed() {
            return participating.plus(deemed);
        }
    }

    /** The whole tally. */
    public record Result(long electorHeads, long electorArea, boolean deemedAllowed, List<MatterTally> matters) {
        public Result {
            matters = List.copyOf(matters);
        }

        /** A canonical text of every number (one line per matter, fixed order): what the stored hash covers. */
        public String canonical() {
            StringBuilder b = new StringBuilder("SPM-VOTE-TALLY-1|").append(electorHeads).append('|').append(electorArea).append('|')
                    .append(deemedAllowed).append('\n');
            for (MatterTally m : matters) {
                b.append(m.matterId()).append('|').append(c(m.agree())).append(c(m.disagree())).append(c(m.abstain()))
                        .append(c(m.participating())).append(c(m.deemed())).append(m.deemedSide()).append('|').append(m.quorumAreaMet())
                        .append(m.quorumHeadsMet()).append(m.passAreaMet()).append(m.passHeadsMet()).append('|').append(m.outcome()).append('\n');
            }
            return b.toString();
        }

        /** SHA-256 hex of {@link #canonical()}. */
        public String hash() {
            return sha256(canonical());
        }

        private static String c(Count c) {
            return c.heads() + ":" + c.area() + "|";
        }
    }

    /**
     * Computes the tally. Ballots of unknown electors or matters, or a second ballot of one elector on one matter, are
     * refused (IllegalArgumentException): the store guarantees one per elector per matter (VOTE-6).
     */
    public static Result compute(List<Elector> electorate, List<Matter> matters, List<Ballot> ballots, boolean deemedAllowed) {
        Map<String, Elector> byKey = new HashMap<>(electorate.size() * 2);
        long heads = 0;
        long area = 0;
        for (Elector e : electorate) {
            if (byKey.put(e.key(), e) != null) {
                throw new IllegalArgumentException("elector twice: " + e.key());
            }
            heads += e.heads();
            area += e.area();
        }
        Map<Long, Map<String, Choice>> perMatter = new LinkedHashMap<>();
        for (Matter m : matters) {
            perMatter.put(m.matterId(), new HashMap<>());
        }
        for (Ballot b : ballots) {
            Map<String, Choice> m = perMatter.get(b.matterId());
            if (m == null || !byKey.containsKey(b.electorKey())) {
                throw new IllegalArgumentException("ballot outside the vote: " + b);
            }
            if (m.put(b.electorKey(), b.choice()) != null) {
                throw new IllegalArgumentException("second ballot: " + b);
            }
        }
        List<MatterTally> out = new ArrayList<>(matters.size());
        for (Matter m : matters) {
            Map<String, Choice> cast = perMatter.get(m.matterId());
            Count agree = Count.ZERO;
            Count disagree = Count.ZERO;
            Count abstain = Count.ZERO;
            long ah = 0, aa = 0, dh = 0, da = 0, sh = 0, sa = 0;
            for (Map.Entry<String, Choice> b : cast.entrySet()) {
                Elector e = byKey.get(b.getKey());
                switch (b.getValue()) {
                    case AGREE -> { ah += e.heads(); aa += e.area(); }
                    case DISAGREE -> { dh += e.heads(); da += e.area(); }
                    default -> { sh += e.heads(); sa += e.area(); }
                }
            }
            agree = new Count(ah, aa);
            disagree = new Count(dh, da);
            abstain = new Count(sh, sa);
            Count participating = agree.plus(disagree).plus(abstain);
            Count deemed = Count.ZERO;
            Choice side = null;
            if (deemedAllowed) {
                if (ah > dh && aa > da) {
                    side = Choice.AGREE;
                } else if (dh > ah && da > aa) {
                    side = Choice.DISAGREE;
                }
                if (side != null) {
                    deemed = new Count(heads - participating.heads(), area - participating.area());
                    if (deemed.heads() == 0 && deemed.area() == 0) {
                        side = null;
                    }
                }
            }
            boolean qa = m.quorum().met(participating.area(), area);
            boolean qh = m.quorum().met(participating.heads(), heads);
            Count yes = side == Choice.AGREE ? agree.plus(deemed) : agree;
            Count all = participating.plus(deemed);
            boolean pa = m.pass().met(yes.area(), all.area());
            boolean ph = m.pass().met(yes.heads(), all.heads());
            Outcome o = !(qa && qh) ? Outcome.NO_QUORUM : pa && ph ? Outcome.PASSED : Outcome.FAILED;
            out.add(new MatterTally(m.matterId(), agree, disagree, abstain, participating, deemed, side, qa, qh, pa, ph, o));
        }
        return new Result(heads, area, deemedAllowed, out);
    }

    /** One line of the register as the electorate is built from it (VOTE-1, VOTE-5); area in hundredths of m². */
    public record Holding(long houseId, String unitCode, Long ownerId, long area, boolean unsold) {
    }

    /**
     * Builds the electorate from the register (VOTE-1, VOTE-5): one head per owner, the areas of all their houses summed
     * (several houses = one head); a house with several verified co-owners counts once, for the co-owner with the lowest
     * owner id (their representative); unsold houses without a verified owner by {@code unsold}. Keys: {@code O<ownerId>},
     * {@code D} (the developer), {@code H<houseId>} (one unsold house). Ordered by key kind then id.
     */
    public static List<Elector> electorate(List<Holding> register, UnsoldRule unsold) {
        Map<Long, Holding> houseToRep = new TreeMap<>();
        List<Holding> unsoldHouses = new ArrayList<>();
        for (Holding h : register) {
            if (h.ownerId() == null) {
                if (h.unsold()) {
                    unsoldHouses.add(h);
                }
                continue;
            }
            houseToRep.merge(h.houseId(), h, (a, b) -> a.ownerId() <= b.ownerId() ? a : b);
        }
        Map<Long, List<Holding>> byOwner = new TreeMap<>();
        for (Holding h : houseToRep.values()) {
            byOwner.computeIfAbsent(h.ownerId(), k -> new ArrayList<>()).add(h);
        }
        List<Elector> out = new ArrayList<>(byOwner.size() + unsoldHouses.size());
        for (Map.Entry<Long, List<Holding>> e : byOwner.entrySet()) {
            long a = 0;
            List<String> units = new ArrayList<>();
            for (Holding h : e.getValue()) {
                a += h.area();
                units.add(h.unitCode());
            }
            out.add(new Elector("O" + e.getKey(), ElectorKind.OWNER, e.getKey(), units, a, 1));
        }
        Set<Long> seen = new HashSet<>();
        unsoldHouses.removeIf(h -> !seen.add(h.houseId()) || houseToRep.containsKey(h.houseId()));
        unsoldHouses.sort((x, y) -> Long.compare(x.houseId(), y.houseId()));
        switch (unsold) {
            case EACH_HOUSE_ONE_HEAD -> unsoldHouses.forEach(h -> out.add(new Elector("H" + h.houseId(), ElectorKind.UNSOLD_HOUSE, null,
                    List.of(h.unitCode()), h.area(), 1)));
            case DEVELOPER_ONE_HEAD -> {
                if (!unsoldHouses.isEmpty()) {
                    out.add(new Elector("D", ElectorKind.DEVELOPER, null, unsoldHouses.stream().map(Holding::unitCode).toList(),
                            unsoldHouses.stream().mapToLong(Holding::area).sum(), 1));
                }
            }
            default -> {
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ exact numbers for display

    /** Hundredths of m² as "1234.56". */
    public static String area(long hundredths) {
        return BigDecimal.valueOf(hundredths, 2).toPlainString();
    }

    /** m² (any scale) to hundredths, rounded half-up to the register's 2 decimals. */
    public static long hundredths(BigDecimal m2) {
        return m2 == null ? 0 : m2.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** {@code part / whole} with 4 decimals, half-up, for display only ("0.0000" when whole is 0). */
    public static String ratio(long part, long whole) {
        if (whole == 0) {
            return "0.0000";
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).toPlainString();
    }

    /** SHA-256 hex of a UTF-8 text. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
