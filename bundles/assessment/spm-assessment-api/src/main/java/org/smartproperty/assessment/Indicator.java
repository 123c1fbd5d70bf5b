package org.smartproperty.assessment;

import java.math.BigDecimal;

/**
 * One node of an indicator set's tree (SUP-AS-1). A group (a node with children) has no method; its weight is the sum of its
 * children's. A leaf has a weight in points (the leaves of a set add up to 100), a scoring method and, when COMPUTED, a
 * metric with the values giving full ({@code best}) and zero ({@code worst}) points.
 */
public record Indicator(Long id, Long parentId, String parentCode, String code, String name, BigDecimal weight, ScoringMethod method,
                        String metric, BigDecimal best, BigDecimal worst, boolean evidenceRequired, int ordinal, boolean leaf) {
}
