package org.smartproperty.inspection;

/** Where an inspector works (SUP-DR-3): the bureau itself or a body it authorised. */
public enum UnitKind {
    BUREAU, AUTHORISED
}
