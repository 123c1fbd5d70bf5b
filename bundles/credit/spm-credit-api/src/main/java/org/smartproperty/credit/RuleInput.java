package org.smartproperty.credit;

/** The regulator's change to a rule (its source and condition stay). */
public record RuleInput(Integer points, Integer validMonths, Boolean veto, Boolean active) {
}
