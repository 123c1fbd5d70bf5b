package org.smartproperty.vote;

/** A matter's result: quorum missed (VOTE-2), or the threshold (VOTE-3/4) met or not on both area and heads. */
public enum Outcome {
    PASSED, FAILED, NO_QUORUM
}
