package org.smartproperty.platform.security.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.smartproperty.platform.cluster.ClusterEvents;

/**
 * The security bundle's cluster events (issue 19 item 1): what every node's in-memory security state
 * must drop when a change commits. Sent in the change's own transaction, so other nodes hear it only
 * when it commits. The node that wrote also hears its echo and drops its caches a second time, after
 * the commit (it already did at once, {@link PrincipalCache#changedHere()}): echoes are not skipped,
 * which also closes the window in which a request of this node read the uncommitted state.
 */
final class SecurityEvents {

    /** Cached principals (tokens: revocation, logout, password, status, roles, role templates, scopes, grants). */
    static final String PRINCIPALS = "security.principals";
    /** The ban list and the admin-network allow-list. */
    static final String NETWORK = "security.network";

    private SecurityEvents() {
    }

    /** Moves the revision counter (every node's periodic check sees it) and tells every node now. */
    static void principalsChanged(Connection c, ClusterEvents events, String why) throws SQLException {
        PrincipalCache.bump(c);
        publish(c, events, PRINCIPALS, why);
    }

    /** Sends an event when the node has the cluster-event service (outside OSGi it may not). */
    static void publish(Connection c, ClusterEvents events, String channel, String payload) throws SQLException {
        if (events != null) {
            events.publish(c, channel, payload);
        }
    }
}
