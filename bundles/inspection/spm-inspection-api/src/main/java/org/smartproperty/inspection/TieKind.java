package org.smartproperty.inspection;

/**
 * A conflict of interest of an inspector with a company (DR-2): employed there now, employed there before (a conflict while
 * the end lies within the configured number of years before the draw date), or related otherwise (family, shares).
 */
public enum TieKind {
    EMPLOYER, FORMER_EMPLOYER, RELATED
}
