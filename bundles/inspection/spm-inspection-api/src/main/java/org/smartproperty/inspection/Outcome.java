package org.smartproperty.inspection;

/** The outcome of one check item at one drawn object (SUP-DR-4). */
public enum Outcome {
    PASS, FAIL, NOT_APPLICABLE
}
