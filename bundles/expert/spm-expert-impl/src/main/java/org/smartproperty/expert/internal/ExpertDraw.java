package org.smartproperty.expert.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.smartproperty.expert.Tie;
import org.smartproperty.expert.TieKind;

/**
 * The expert draw (SUP-EX-3, TND-5; method {@code SPM-EX3-SHA256-1}, docs/architecture.md "Expert draw (SUP-EX-3)"): a pure
 * function of the recorded seed and the recorded snapshot, so the draw can be replayed and audited. No
 * {@code java.util.Random}: the order is that of hex(SHA-256(seed + ":expert:" + expertId)) ascending (ties by id) over
 * the eligible experts of the snapshot (specialty match when one is asked, no interest in any bidder at the evaluation
 * date). The first {@code drawnCount} take seats 1..n, the next {@code reserveCount} are the reserves in order, the rest
 * is the order a supplementary draw continues in.
 */
final class ExpertDraw {

    static final int SEED_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExpertDraw() {
    }

    /** An ACTIVE expert as recorded at the draw, with its ties of that moment (the employer as an EMPLOYER tie). */
    record Candidate(long id, String name, String accountName, List<String> specialties, List<Tie> ties) {
    }

    /** What the draw read (stored with the draw as JSON). */
    record Inputs(LocalDate evaluationDate, int formerEmployerYears, String specialty, List<Long> bidderIds, List<Candidate> pool) {
    }

    static String newSeed() {
        byte[] b = new byte[SEED_BYTES];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The eligible candidates in draw order. */
    static List<Candidate> order(String seed, Inputs in) {
        Objects.requireNonNull(seed, "seed");
        Set<Long> bidders = Set.copyOf(in.bidderIds() == null ? List.of() : in.bidderIds());
        return in.pool().stream()
                .filter(c -> in.specialty() == null || (c.specialties() != null && c.specialties().contains(in.specialty())))
                .filter(c -> !interest(c.ties(), bidders, in.evaluationDate(), in.formerEmployerYears()))
                .sorted(Comparator.comparing((Candidate c) -> hash(seed + ":expert:" + c.id())).thenComparingLong(Candidate::id))
                .toList();
    }

    /**
     * Whether ties give an interest in one of {@code companies} at {@code date}: a tie to it in force at the date (since
     * open or not after it, until open or not before it), or a FORMER_EMPLOYER tie that ended less than {@code years}
     * years before the date (or whose end is not recorded).
     */
    static boolean interest(List<Tie> ties, Set<Long> companies, LocalDate date, int years) {
        for (Tie t : ties == null ? List.<Tie>of() : ties) {
            if (t.companyId() == null || !companies.contains(t.companyId())) {
                continue;
            }
            if (t.since() != null && t.since().isAfter(date)) {
                continue;
            }
            if (t.until() == null || !t.until().isBefore(date)) {
                return true;
            }
            if (t.kind() == TieKind.FORMER_EMPLOYER && t.until().isAfter(date.minusYears(years))) {
                return true;
            }
        }
        return false;
    }

    /** hex(SHA-256(UTF-8 text)), lowercase, 64 digits: string order = numeric order. */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
