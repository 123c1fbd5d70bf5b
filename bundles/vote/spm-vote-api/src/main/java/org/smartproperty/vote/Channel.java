package org.smartproperty.vote;

/** How a ballot arrived: cast online by the owner (OWN-3) or a paper ballot entered by the committee with its scan (VOTE-6). */
public enum Channel {
    ONLINE, PAPER
}
