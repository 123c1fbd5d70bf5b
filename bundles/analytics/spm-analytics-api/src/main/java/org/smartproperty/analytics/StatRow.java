package org.smartproperty.analytics;

import java.util.Map;

/**
 * One ranked row: an estate (estate views, committee satisfaction) or a company (company views). {@code rank} is the
 * standard competition rank by the table's sort column (ties share a rank, the next rank skips: 1, 1, 3); {@code values}
 * has one entry per column of the table (numbers; {@code creditGrade} a text; null when there is nothing to average).
 */
public record StatRow(int rank, long id, String name, String community, Map<String, Object> values) {
}
