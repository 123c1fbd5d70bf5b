package org.smartproperty.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;

import org.smartproperty.assessment.AssessmentMessages;
import org.smartproperty.assessment.Indicator;
import org.smartproperty.assessment.IndicatorInput;
import org.smartproperty.assessment.IndicatorSet;
import org.smartproperty.assessment.IndicatorSetInput;
import org.smartproperty.assessment.ScoringMethod;
import org.smartproperty.assessment.SetStatus;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Validation;

/**
 * The indicator library's rules (SUP-AS-1): the tree (codes unique, a parent named before its children, at most
 * {@value #DEPTH_MAX} levels), leaves with a weight in points, a method and, when COMPUTED, a metric with distinct best and
 * worst values; a group's weight is the sum of its children's. The leaves must weigh exactly 100 when the set is used
 * (frozen, or a round opened on it): 409 otherwise.
 */
final class IndicatorSets {

    static final BigDecimal HUNDRED = new BigDecimal("100.00");
    static final int NODES_MAX = 200;
    static final int DEPTH_MAX = 3;
    static final int NAME_MAX = 200;
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    static final Pattern METRIC = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private IndicatorSets() {
    }

    /** All field errors of a set's body at once (400); nothing is read from the database. */
    static void validate(IndicatorSetInput in) {
        Validation v = new Validation(AssessmentMessages.TEXTS);
        if (in == null) {
            v.required("name", null);
            v.throwIfInvalid();
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name().strip(), IndicatorSet.NAME_MAX);
        }
        List<IndicatorInput> nodes = in.indicators() == null ? List.of() : in.indicators();
        if (nodes.isEmpty()) {
            v.error("indicators", "indicators.required");
        } else if (nodes.size() > NODES_MAX) {
            v.error("indicators", "indicators.tooMany", NODES_MAX);
        }
        Map<String, Integer> depth = new HashMap<>();
        Set<String> parents = new HashSet<>();
        for (IndicatorInput n : nodes) {
            if (n != null && n.parentCode() != null) {
                parents.add(n.parentCode());
            }
        }
        Map<String, BigDecimal> childSums = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            IndicatorInput n = nodes.get(i);
            String f = "indicators[" + i + "]";
            if (!v.required(f, n)) {
                continue;
            }
            String code = n.code() == null ? null : n.code().strip();
            if (v.required(f + ".code", code)) {
                if (!CODE.matcher(code).matches()) {
                    v.error(f + ".code", "indicator.codeFormat");
                } else if (depth.containsKey(code)) {
                    v.error(f + ".code", "indicator.codeDuplicate", code);
                }
            }
            int level = 1;
            if (n.parentCode() != null && !n.parentCode().isBlank()) {
                Integer pd = depth.get(n.parentCode().strip());
                if (pd == null) {
                    v.error(f + ".parentCode", "indicator.parentUnknown", n.parentCode());
                } else if (pd >= DEPTH_MAX) {
                    v.error(f + ".parentCode", "indicator.tooDeep", DEPTH_MAX);
                } else {
                    level = pd + 1;
                }
            }
            if (code != null && CODE.matcher(code).matches() && !depth.containsKey(code)) {
                depth.put(code, level);
            }
            if (v.required(f + ".name", n.name())) {
                v.maxLength(f + ".name", n.name().strip(), NAME_MAX);
            }
            boolean leaf = code == null || !parents.contains(code);
            if (leaf) {
                if (v.required(f + ".weight", n.weight())) {
                    if (n.weight().scale() > 2) {
                        v.error(f + ".weight", "indicator.weightScale");
                    } else {
                        v.range(f + ".weight", n.weight(), new BigDecimal("0.01"), HUNDRED);
                    }
                }
                if (v.required(f + ".method", n.method()) && n.method() == ScoringMethod.COMPUTED) {
                    if (v.required(f + ".metric", n.metric()) && !METRIC.matcher(n.metric()).matches()) {
                        v.error(f + ".metric", "indicator.metricFormat");
                    }
                    boolean best = v.required(f + ".best", n.best());
                    boolean worst = v.required(f + ".worst", n.worst());
                    if (best && worst && n.best().compareTo(n.worst()) == 0) {
                        v.error(f + ".worst", "indicator.bestEqualsWorst");
                    }
                }
                if (n.weight() != null && n.parentCode() != null) {
                    childSums.merge(n.parentCode().strip(), n.weight(), BigDecimal::add);
                }
            } else if (n.method() != null) {
                v.error(f + ".method", "indicator.groupMethod");
            }
        }
        // a group's weight, when given, is the sum of its children's (groups inside groups: bottom-up below)
        Map<String, BigDecimal> sums = groupSums(nodes, parents);
        for (int i = 0; i < nodes.size(); i++) {
            IndicatorInput n = nodes.get(i);
            if (n != null && n.code() != null && parents.contains(n.code().strip()) && n.weight() != null) {
                BigDecimal sum = sums.getOrDefault(n.code().strip(), BigDecimal.ZERO);
                if (sum.compareTo(n.weight()) != 0) {
                    v.error("indicators[" + i + "].weight", "indicator.groupWeight", sum.toPlainString());
                }
            }
        }
        v.throwIfInvalid();
    }

    /** The weight of every group: the sum of its leaves below it. */
    private static Map<String, BigDecimal> groupSums(List<IndicatorInput> nodes, Set<String> parents) {
        Map<String, String> parentOf = new HashMap<>();
        for (IndicatorInput n : nodes) {
            if (n != null && n.code() != null && n.parentCode() != null) {
                parentOf.put(n.code().strip(), n.parentCode().strip());
            }
        }
        Map<String, BigDecimal> sums = new HashMap<>();
        for (IndicatorInput n : nodes) {
            if (n == null || n.code() == null || parents.contains(n.code().strip()) || n.weight() == null) {
                continue;
            }
            String p = parentOf.get(n.code().strip());
            Set<String> seen = new HashSet<>();
            while (p != null && seen.add(p)) {
                sums.merge(p, n.weight(), BigDecimal::add);
                p = parentOf.get(p);
            }
        }
        return sums;
    }

    /** Writes the tree of a set (already validated), in the given order. */
    static void write(EntityManager em, long setId, List<IndicatorInput> nodes) {
        Set<String> parents = new HashSet<>();
        nodes.forEach(n -> {
            if (n.parentCode() != null && !n.parentCode().isBlank()) {
                parents.add(n.parentCode().strip());
            }
        });
        Map<String, BigDecimal> sums = groupSums(nodes, parents);
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            IndicatorInput n = nodes.get(i);
            String code = n.code().strip();
            boolean leaf = !parents.contains(code);
            IndicatorEntity e = new IndicatorEntity();
            e.setId = setId;
            e.parentId = n.parentCode() == null || n.parentCode().isBlank() ? null : ids.get(n.parentCode().strip());
            e.code = code;
            e.name = n.name().strip();
            e.weight = (leaf ? n.weight() : sums.getOrDefault(code, BigDecimal.ZERO)).setScale(Scoring.SCALE);
            e.method = leaf ? n.method() : null;
            boolean computed = leaf && n.method() == ScoringMethod.COMPUTED;
            e.metric = computed ? n.metric() : null;
            e.best = computed ? n.best() : null;
            e.worst = computed ? n.worst() : null;
            e.evidenceRequired = leaf && n.method() == ScoringMethod.SELF_REPORTED && !Boolean.FALSE.equals(n.evidenceRequired());
            e.ordinal = i;
            em.persist(e);
            em.flush();
            ids.put(code, e.id);
        }
    }

    static List<IndicatorEntity> tree(EntityManager em, long setId) {
        return em.createQuery("SELECT i FROM IndicatorEntity i WHERE i.setId = :s ORDER BY i.ordinal", IndicatorEntity.class)
                .setParameter("s", setId).getResultList();
    }

    static List<IndicatorEntity> leaves(List<IndicatorEntity> tree) {
        Set<Long> parents = new HashSet<>();
        tree.forEach(i -> {
            if (i.parentId != null) {
                parents.add(i.parentId);
            }
        });
        return tree.stream().filter(i -> !parents.contains(i.id)).toList();
    }

    static BigDecimal total(List<IndicatorEntity> tree) {
        return leaves(tree).stream().map(i -> i.weight).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(Scoring.SCALE);
    }

    /** 409 unless the leaves weigh exactly 100 (the set cannot be used otherwise). */
    static void checkUsable(List<IndicatorEntity> tree) {
        BigDecimal total = total(tree);
        if (total.compareTo(HUNDRED) != 0) {
            throw ApiException.conflict(AssessmentMessages.TEXTS, "indicatorSet.weightsNot100", total.toPlainString());
        }
    }

    static IndicatorSet toDto(IndicatorSetEntity s, List<IndicatorEntity> tree) {
        Map<Long, String> codes = new HashMap<>();
        tree.forEach(i -> codes.put(i.id, i.code));
        Set<Long> leafIds = new HashSet<>();
        leaves(tree).forEach(i -> leafIds.add(i.id));
        List<Indicator> out = new ArrayList<>();
        for (IndicatorEntity i : tree) {
            out.add(new Indicator(i.id, i.parentId, i.parentId == null ? null : codes.get(i.parentId), i.code, i.name, i.weight, i.method,
                    i.metric, i.best, i.worst, i.evidenceRequired, i.ordinal, leafIds.contains(i.id)));
        }
        return new IndicatorSet(s.id, s.name, s.setVersion, s.status, total(tree), out, s.getCreatedBy(), s.getCreatedAt(), s.getUpdatedAt(),
                s.getVersion());
    }

    /** The tree as input again (a copy of a set). */
    static List<IndicatorInput> asInput(List<IndicatorEntity> tree) {
        Map<Long, String> codes = new HashMap<>();
        tree.forEach(i -> codes.put(i.id, i.code));
        return tree.stream().map(i -> new IndicatorInput(i.code, i.parentId == null ? null : codes.get(i.parentId), i.name, i.weight, i.method,
                i.metric, i.best, i.worst, i.evidenceRequired)).toList();
    }

    static boolean frozen(IndicatorSetEntity s) {
        return s.status == SetStatus.FROZEN;
    }
}
