package org.smartproperty.assessment;

/**
 * How an indicator (a leaf of the tree) is scored (SUP-AS-1): SELF_REPORTED = the company reports a figure with evidence and
 * the regulator awards 0..weight points; COMPUTED = from platform data ({@link AssessmentMetric}), points linear between the
 * indicator's {@code worst} (0 points) and {@code best} (full weight) values, clamped.
 */
public enum ScoringMethod { SELF_REPORTED, COMPUTED }
