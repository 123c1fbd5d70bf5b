package org.smartproperty.tender;

/** OPEN tender, INVITATION tender (at least MIN_INVITED invited, TND-2), DIRECT appointment (grounds, the regulator's approval, TND-1). */
public enum TenderMethod {
    OPEN, INVITATION, DIRECT
}
