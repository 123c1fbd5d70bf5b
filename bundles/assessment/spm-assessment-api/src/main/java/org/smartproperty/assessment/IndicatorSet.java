package org.smartproperty.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A versioned indicator set (SUP-AS-1). {@code setVersion} numbers the versions of a name (1, 2, … — a copy is the next);
 * {@code version} is the row's ETag (If-Match), as everywhere in the API. {@code totalWeight} is the sum of the leaves'
 * weights: a set is used (frozen, opened a round on) only at exactly 100.
 */
public record IndicatorSet(Long id, String name, int setVersion, SetStatus status, BigDecimal totalWeight, List<Indicator> indicators,
                           String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public static final int NAME_MAX = 200;
}
