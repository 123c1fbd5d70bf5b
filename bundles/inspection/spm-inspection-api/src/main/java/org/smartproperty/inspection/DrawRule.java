package org.smartproperty.inspection;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How many objects a task draws per risk level (SUP-DR-1, DR-2): COUNT takes {@code n} (a whole number, all candidates
 * when fewer), RATIO takes ceil(ratio × candidates) with 0 < ratio ≤ 1. A level left out draws none.
 */
public record DrawRule(DrawMode mode, Map<RiskLevel, BigDecimal> perLevel) {
}
