package org.smartproperty.inspection;

import java.util.List;

/** Body of POST /inspections/inspectors and PUT /inspections/inspectors/{id}; {@code ties} null means none. */
public record InspectorInput(String name, String unit, UnitKind unitKind, String accountName, List<Tie> ties, Boolean active) {
}
