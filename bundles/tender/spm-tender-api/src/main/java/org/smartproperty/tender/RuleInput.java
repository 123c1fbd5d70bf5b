package org.smartproperty.tender;

/** Body of PUT /tenders/rules/{code}. */
public record RuleInput(Integer amount, String unit, String description) {
}
