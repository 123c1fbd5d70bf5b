package org.smartproperty.inspection;

/** Body of POST /inspections/items and PUT /inspections/items/{id}; {@code active} null means true. */
public record CheckItemInput(String code, String name, String legalBasis, String method, Target target, Boolean active) {
}
