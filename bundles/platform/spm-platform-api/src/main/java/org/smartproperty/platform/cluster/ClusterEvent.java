package org.smartproperty.platform.cluster;

/**
 * One event as a listener receives it.
 *
 * @param channel      the channel it was published on
 * @param payload      the text the publisher gave (empty when none)
 * @param nodeId       the node that published it
 * @param fromThisNode whether that is the receiving node (its own echo)
 */
public record ClusterEvent(String channel, String payload, String nodeId, boolean fromThisNode) {
}
