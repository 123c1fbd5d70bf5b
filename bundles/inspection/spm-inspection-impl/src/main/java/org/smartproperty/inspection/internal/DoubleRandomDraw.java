package org.smartproperty.inspection.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.smartproperty.inspection.DrawMode;
import org.smartproperty.inspection.DrawRule;
import org.smartproperty.inspection.InspectionMessages;
import org.smartproperty.inspection.RiskLevel;
import org.smartproperty.inspection.Target;
import org.smartproperty.inspection.Tie;
import org.smartproperty.inspection.TieKind;
import org.smartproperty.inspection.UnitKind;
import org.smartproperty.platform.ApiException;

/**
 * The double-random draw (DR-2; algorithm {@code SPM-DR2-SHA256-1}, docs/architecture.md "Double-random draw (DR-2)"):
 * a pure function of the recorded seed, the task's rule and the recorded inputs, so the list can be replayed and
 * audited. No {@code java.util.Random}: every order is that of SHA-256 hashes of the seed and the ids.
 * <ol>
 * <li>Objects, per risk level in the order HIGH, ELEVATED, NORMAL, LOW: the candidates of that level ordered by
 * hex(SHA-256(seed + ":object:" + objectId)) ascending (ties, never seen in practice, by id); the first n (COUNT, all
 * when fewer) or ceil(ratio × candidates) (RATIO).</li>
 * <li>Inspectors, per drawn object in draw order: the inspectors without a conflict of interest with the object's
 * company ({@link #conflict}) ordered by hex(SHA-256(seed + ":inspector:" + objectId + ":" + inspectorId)); the first
 * k. Fewer than k is a 409 {@code draw.notEnoughInspectors} naming the object.</li>
 * </ol>
 */
final class DoubleRandomDraw {

    /** Hex digits of a seed: 128 bits. */
    static final int SEED_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DoubleRandomDraw() {
    }

    /** An object as recorded at the draw. */
    record ObjectCandidate(long id, Target kind, long refId, String name, long companyId, RiskLevel riskLevel) {
    }

    /** An inspector as recorded at the draw, with the conflicts of interest of that moment. */
    record InspectorCandidate(long id, String name, String unit, UnitKind unitKind, String accountName, List<Tie> ties) {
    }

    /** What the draw read (the snapshot stored with the task, JSON): the conflict rule's reference date and years, the candidates. */
    record Inputs(LocalDate drawDate, int formerEmployerYears, List<ObjectCandidate> objects, List<InspectorCandidate> inspectors) {
    }

    /** One drawn object and its inspectors, in draw order. */
    record Pick(ObjectCandidate object, List<InspectorCandidate> inspectors) {
    }

    /** A new seed: 128 bits of SecureRandom, lowercase hex. */
    static String newSeed() {
        byte[] b = new byte[SEED_BYTES];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The draw; 409 when an object has fewer than {@code perObject} conflict-free inspectors. */
    static List<Pick> draw(String seed, DrawRule rule, int perObject, Inputs in) {
        Objects.requireNonNull(seed, "seed");
        List<ObjectCandidate> drawn = new ArrayList<>();
        for (RiskLevel level : RiskLevel.values()) {
            BigDecimal value = rule.perLevel() == null ? null : rule.perLevel().get(level);
            if (value == null) {
                continue;
            }
            List<ObjectCandidate> candidates = in.objects().stream().filter(o -> o.riskLevel() == level)
                    .sorted(Comparator.comparing((ObjectCandidate o) -> hash(seed + ":object:" + o.id())).thenComparingLong(ObjectCandidate::id))
                    .toList();
            drawn.addAll(candidates.subList(0, take(rule.mode(), value, candidates.size())));
        }
        List<Pick> picks = new ArrayList<>();
        for (ObjectCandidate o : drawn) {
            List<InspectorCandidate> eligible = in.inspectors().stream()
                    .filter(i -> !conflict(i, o.companyId(), in.drawDate(), in.formerEmployerYears()))
                    .sorted(Comparator.comparing((InspectorCandidate i) -> hash(seed + ":inspector:" + o.id() + ":" + i.id()))
                            .thenComparingLong(InspectorCandidate::id))
                    .toList();
            if (eligible.size() < perObject) {
                throw ApiException.conflict(InspectionMessages.TEXTS, "draw.notEnoughInspectors", o.name(), eligible.size(), perObject);
            }
            picks.add(new Pick(o, List.copyOf(eligible.subList(0, perObject))));
        }
        return picks;
    }

    /** How many of {@code candidates} a level's value takes: COUNT min(n, candidates), RATIO ceil(ratio × candidates). */
    static int take(DrawMode mode, BigDecimal value, int candidates) {
        if (mode == DrawMode.COUNT) {
            return Math.min(value.intValueExact(), candidates);
        }
        int n = value.multiply(BigDecimal.valueOf(candidates)).setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.min(n, candidates);
    }

    /**
     * Whether the inspector has a conflict of interest with {@code companyId} (DR-2): a tie of kind EMPLOYER or RELATED
     * with it, whatever its dates; a FORMER_EMPLOYER tie whose {@code until} is open or not earlier than
     * {@code years} before the draw date.
     */
    static boolean conflict(InspectorCandidate i, long companyId, LocalDate drawDate, int years) {
        for (Tie t : i.ties() == null ? List.<Tie>of() : i.ties()) {
            if (t.companyId() == null || t.companyId() != companyId) {
                continue;
            }
            if (t.kind() != TieKind.FORMER_EMPLOYER) {
                return true;
            }
            if (t.until() == null || !t.until().isBefore(drawDate.minusYears(years))) {
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
