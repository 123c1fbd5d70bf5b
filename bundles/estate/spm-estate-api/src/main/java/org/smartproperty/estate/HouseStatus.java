package org.smartproperty.estate;

/** Sale/registration state of a house: UNSOLD houses are held by the developer (VOTE-5). */
public enum HouseStatus {
    UNSOLD, SOLD, RESTRICTED
}
