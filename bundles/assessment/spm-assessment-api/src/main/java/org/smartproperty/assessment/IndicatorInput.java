package org.smartproperty.assessment;

import java.math.BigDecimal;

/**
 * One node of an indicator set as the client sends it; the tree is given by {@code parentCode} (null at the top, a code of
 * an earlier node otherwise), the order by the list. A group's {@code weight} may be left out (it is the sum of its
 * children's); {@code method}, {@code metric}, {@code best}, {@code worst} and {@code evidenceRequired} belong to leaves.
 */
public record IndicatorInput(String code, String parentCode, String name, BigDecimal weight, ScoringMethod method, String metric,
                             BigDecimal best, BigDecimal worst, Boolean evidenceRequired) {
}
