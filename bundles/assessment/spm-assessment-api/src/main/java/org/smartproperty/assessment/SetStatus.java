package org.smartproperty.assessment;

/** An indicator set is edited while DRAFT; FROZEN once a round uses it (or the regulator freezes it), never edited again. */
public enum SetStatus { DRAFT, FROZEN }
