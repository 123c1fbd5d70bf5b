package org.smartproperty.map;

/**
 * One class of a thematic layer's legend: features carry {@code properties.cls = key}; {@code min} (inclusive) and
 * {@code max} (exclusive) bound the value where the classes are numeric, null otherwise; {@code color} is the fill the
 * clients draw it with; {@code label} in the caller's language.
 */
public record LegendClass(String key, String label, Double min, Double max, String color) {
}
