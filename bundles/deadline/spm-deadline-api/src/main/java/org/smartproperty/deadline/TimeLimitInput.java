package org.smartproperty.deadline;

/**
 * The regulator's setting of a time limit. Validated: amount 1..366 for WORKING_DAYS, 1..8784
 * for hours; a unit is required; warningRatio strictly between 0 and 1 (default: the configured
 * ratio, 0.75); pausable defaults to false.
 */
public record TimeLimitInput(Integer amount, LimitUnit unit, Boolean pausable, Double warningRatio, String description) {
}
