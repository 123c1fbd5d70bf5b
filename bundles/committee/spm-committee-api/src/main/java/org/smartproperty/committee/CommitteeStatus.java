package org.smartproperty.committee;

/** ACTIVE while in office; ENDED once a new committee of the same estate is registered (history kept). */
public enum CommitteeStatus {
    ACTIVE, ENDED
}
