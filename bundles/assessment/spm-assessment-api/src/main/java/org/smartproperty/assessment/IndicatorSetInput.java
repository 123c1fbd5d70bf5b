package org.smartproperty.assessment;

import java.util.List;

/** Body of POST /assessment/indicator-sets and PUT /assessment/indicator-sets/{id}: the name and the whole tree. */
public record IndicatorSetInput(String name, List<IndicatorInput> indicators) {
}
