package org.smartproperty.analytics;

import java.util.Map;

/** One month ({@code yyyy-MM}) of a trend: the table's columns summed (or averaged) over the filter's rows. */
public record TrendPoint(String month, Map<String, Object> values) {
}
