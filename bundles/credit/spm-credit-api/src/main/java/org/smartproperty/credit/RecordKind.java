package org.smartproperty.credit;

/** Good (守信, adds points) or bad (失信, deducts points) behaviour. */
public enum RecordKind { GOOD, BAD }
