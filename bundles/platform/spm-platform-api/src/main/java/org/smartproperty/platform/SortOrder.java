package org.smartproperty.platform;

/** One sort key: {@code name} ascending, {@code -name} descending in the {@code sort} parameter. */
public record SortOrder(String property, boolean ascending) {
}
