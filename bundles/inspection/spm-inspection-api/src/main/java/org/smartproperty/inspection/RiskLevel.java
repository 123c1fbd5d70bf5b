package org.smartproperty.inspection;

/** Risk level of an inspectable object (DR-2: the draw takes a number or a ratio per level), highest first. */
public enum RiskLevel {
    HIGH, ELEVATED, NORMAL, LOW
}
