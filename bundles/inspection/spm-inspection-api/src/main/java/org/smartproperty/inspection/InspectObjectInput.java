package org.smartproperty.inspection;

/** Body of POST /inspections/objects and PUT /inspections/objects/{id}; for a COMPANY {@code companyId} may be left out (= refId). */
public record InspectObjectInput(Target kind, Long refId, String name, Long companyId, RiskLevel riskLevel, Boolean active) {
}
