package org.smartproperty.assessment;

/**
 * The state of a computed indicator's value in a report after the close: VALUE (points from the metric's value), NO_VALUE
 * (the metric had no value for the company: 0 points), NO_METRIC (no active bundle provides the metric, or it failed: 0
 * points). Self-reported values have none (null).
 */
public enum ValueStatus { VALUE, NO_VALUE, NO_METRIC }
