/**
 * Cluster events (issue 19 item 1): a node tells every node of the cluster that something held in
 * memory is stale. {@link org.smartproperty.platform.cluster.ClusterEvents#publish} sends in the
 * caller's transaction (delivered only when it commits); every node's
 * {@link org.smartproperty.platform.cluster.ClusterListener}s subscribed to the channel hear it, and are
 * told to drop everything ({@link org.smartproperty.platform.cluster.ClusterListener#reset}) when events
 * may have been missed. On PostgreSQL the platform implements it with {@code pg_notify} and one listening
 * connection per node; on the embedded H2 database (one node) {@link org.smartproperty.platform.cluster.LocalClusterEvents}
 * delivers in-process.
 */
@Export
@Version("1.0.0")
package org.smartproperty.platform.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
