package org.smartproperty.platform.cluster;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The cluster-event service (one per node, registered by spm-platform-persistence): invalidations of
 * what nodes hold in memory, sent with the change that makes it stale.
 *
 * <p>Delivery is at most once per node and carries no history: a listener's cache must still be
 * correct without the event (a period or revision check of its own), the event only makes the other
 * nodes drop it within a second instead. When the node may have missed events (its listening
 * connection dropped), every listener gets {@link ClusterListener#reset()}. A node hears its own
 * events too ({@link ClusterEvent#fromThisNode()}).
 */
@ProviderType
public interface ClusterEvents {

    /** The longest payload in characters (PostgreSQL's NOTIFY takes under 8,000 bytes, with the envelope). */
    int MAX_PAYLOAD = 2000;

    /**
     * Sends {@code payload} on {@code channel} in the transaction of {@code c} (the caller's connection,
     * inside its {@code Jdbc.transaction}/{@code tx.write}): the other nodes hear it when that transaction
     * commits, nobody when it rolls back. On a connection in auto-commit mode it is sent at once.
     *
     * @param channel a short name, {@code [a-z0-9._-]{1,40}} (e.g. {@code security.principals})
     * @param payload free text up to {@link #MAX_PAYLOAD} characters, may be empty
     */
    void publish(Connection c, String channel, String payload) throws SQLException;

    /** Calls {@code listener} for every event on {@code channel} from now on (on the service's own thread: return quickly). */
    Subscription subscribe(String channel, ClusterListener listener);

    /** This node's identity, carried by every event it sends. */
    String nodeId();

    /** Checks a channel name and a payload as {@link #publish} takes them. */
    static void check(String channel, String payload) {
        if (channel == null || !channel.matches("[a-z0-9._-]{1,40}")) {
            throw new IllegalArgumentException("channel must match [a-z0-9._-]{1,40}: " + channel);
        }
        if (payload != null && (payload.length() > MAX_PAYLOAD || payload.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("payload longer than " + MAX_PAYLOAD + " characters or with a line break");
        }
    }
}
