package org.smartproperty.committee;

/** A member's position in the committee: exactly one HEAD (主任), any number of DEPUTY (副主任) and MEMBER (委员). */
public enum Position {
    HEAD, DEPUTY, MEMBER
}
