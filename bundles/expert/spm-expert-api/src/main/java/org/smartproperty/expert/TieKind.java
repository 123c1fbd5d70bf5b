package org.smartproperty.expert;

/** Kind of a conflict-of-interest tie between an expert and a company (TND-5). */
public enum TieKind {
    EMPLOYER, FORMER_EMPLOYER, RELATIVE, OTHER
}
