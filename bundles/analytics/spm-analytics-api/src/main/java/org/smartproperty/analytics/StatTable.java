package org.smartproperty.analytics;

import java.util.List;

/**
 * A page of a ranking: the {@code columns} (keys of {@link StatRow#values()}, in order), the column ranked by and its
 * direction, the rows of the page and the total number of rows. {@code grain} is {@code estate} or {@code company}.
 */
public record StatTable(String view, String grain, List<String> columns, String sort, boolean descending, List<StatRow> rows,
                        int page, int size, long total) {
}
