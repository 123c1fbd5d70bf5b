package org.smartproperty.assessment;

/** A metric a COMPUTED indicator may name: {@code available} while an active bundle provides it. */
public record MetricInfo(String name, boolean available) {
}
