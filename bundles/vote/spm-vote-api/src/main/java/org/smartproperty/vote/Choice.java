package org.smartproperty.vote;

/** A ballot's choice on one matter (VOTE-6). ABSTAIN takes part (quorum, denominator) but does not agree. */
public enum Choice {
    AGREE, DISAGREE, ABSTAIN
}
