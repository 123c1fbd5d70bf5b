package org.smartproperty.platform.cluster;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Cluster events within one JVM: the embedded H2 database's single node, and the subscriber list the
 * PostgreSQL implementation delivers through. {@link #publish} delivers at once on the caller's
 * thread, before the caller's transaction ends (H2 has no commit hook here): a listener then drops its
 * cache early, and a change rolled back costs one needless re-read, never a stale entry (the writer
 * still invalidates after its commit as it always did). A listener that throws is logged and the
 * others still hear the event.
 */
public final class LocalClusterEvents implements ClusterEvents {

    private static final System.Logger LOG = System.getLogger(LocalClusterEvents.class.getName());

    private final String nodeId;
    private final Map<String, List<ClusterListener>> listeners = new ConcurrentHashMap<>();

    public LocalClusterEvents(String nodeId) {
        this.nodeId = nodeId;
    }

    /** A node of its own (tests, tools): a random node id. */
    public LocalClusterEvents() {
        this("local-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void publish(Connection c, String channel, String payload) {
        ClusterEvents.check(channel, payload);
        deliver(channel, payload == null ? "" : payload, nodeId);
    }

    @Override
    public Subscription subscribe(String channel, ClusterListener listener) {
        ClusterEvents.check(channel, "");
        List<ClusterListener> l = listeners.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>());
        l.add(listener);
        return () -> l.remove(listener);
    }

    /** Hands an event received from {@code fromNode} to this node's listeners of {@code channel}. */
    public void deliver(String channel, String payload, String fromNode) {
        List<ClusterListener> l = listeners.get(channel);
        if (l == null) {
            return;
        }
        ClusterEvent e = new ClusterEvent(channel, payload, fromNode, nodeId.equals(fromNode));
        for (ClusterListener x : l) {
            try {
                x.event(e);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "cluster event listener of " + channel + " failed", ex);
            }
        }
    }

    /** Tells every listener to drop everything (events may have been missed). */
    public void resetAll() {
        for (List<ClusterListener> l : listeners.values()) {
            for (ClusterListener x : l) {
                try {
                    x.reset();
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "cluster event listener reset failed", ex);
                }
            }
        }
    }

    /** How many listeners are subscribed (health details). */
    public int listenerCount() {
        return listeners.values().stream().mapToInt(List::size).sum();
    }
}
