package org.smartproperty.vote;

/** Who an elector is: an owner with verified titles (VOTE-1), the developer as one head, or one unsold house (VOTE-5). */
public enum ElectorKind {
    OWNER, DEVELOPER, UNSOLD_HOUSE
}
