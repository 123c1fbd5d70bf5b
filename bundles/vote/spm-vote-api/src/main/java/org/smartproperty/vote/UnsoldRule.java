package org.smartproperty.vote;

/**
 * VOTE-5, second half (SPC interpretation on building ownership arts. 8–9; kept configurable, PID org.smartproperty.vote
 * {@code developer.unsold}): how unsold houses held by the developer count. Frozen into the electorate when a vote opens.
 */
public enum UnsoldRule {
    /** Each unsold house is one head with its area (the SPC interpretation's reading). */
    EACH_HOUSE_ONE_HEAD,
    /** The developer is one head with the area of all its unsold houses. */
    DEVELOPER_ONE_HEAD,
    /** Unsold houses are not in the electorate (neither area nor heads). */
    EXCLUDED
}
