package org.smartproperty.platform.cluster;

import org.osgi.annotation.versioning.ConsumerType;

/** What a subscriber does when a node changed something it holds ({@link ClusterEvents#subscribe}). */
@ConsumerType
public interface ClusterListener {

    /** An event of the subscribed channel, from any node (this one included), after its transaction committed. */
    void event(ClusterEvent event);

    /**
     * Events may have been missed (the listening connection dropped and is back, or the service
     * started anew): drop everything held, as if every event had come.
     */
    void reset();
}
