package org.smartproperty.platform.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.cluster.ClusterEvents;
import org.smartproperty.platform.cluster.ClusterListener;
import org.smartproperty.platform.cluster.LocalClusterEvents;
import org.smartproperty.platform.cluster.Subscription;

/**
 * The node's {@link ClusterEvents} (PID {@code org.smartproperty.cluster}, issue 19 item 1): on PostgreSQL
 * (the DataSource's {@code spm.db.kind}) {@link PgClusterEvents}, on the embedded H2 database a
 * {@link LocalClusterEvents} (one node). Also the health check {@code cluster-events} (never a readiness
 * gate: without events the caches still follow through their own periodic checks).
 */
@Component(service = {ClusterEvents.class, HealthCheck.class}, configurationPid = "org.smartproperty.cluster",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = ClusterEventsConfig.class)
public class ClusterEventsComponent implements ClusterEvents, HealthCheck {

    private DataSource dataSource;
    private String kind = "h2";
    private volatile ClusterEvents events;

    @Reference(target = "(osgi.jndi.service.name=spm)")
    void bindDataSource(DataSource ds, Map<String, Object> props) {
        dataSource = ds;
        kind = String.valueOf(props.getOrDefault("spm.db.kind", "h2"));
    }

    @Activate
    void activate(ClusterEventsConfig config) {
        String name = config.node_name() == null || config.node_name().isBlank() ? JobEngine.nodeName() : config.node_name().trim();
        String nodeId = name + "#" + UUID.randomUUID().toString().substring(0, 6);
        if ("postgresql".equals(kind)) {
            events = PgClusterEvents.start(dataSource, nodeId, config.waitMillis(), config.reconnect_maxBackoffMillis(), config.keepaliveMillis());
        } else {
            events = new LocalClusterEvents(nodeId);
        }
    }

    @Modified
    void modified(ClusterEventsConfig config) {
        if (events instanceof PgClusterEvents pg) {
            pg.configure(config.waitMillis(), config.reconnect_maxBackoffMillis(), config.keepaliveMillis());
        }
    }

    @Deactivate
    void deactivate() {
        if (events instanceof PgClusterEvents pg) {
            pg.close();
        }
    }

    @Override
    public void publish(Connection c, String channel, String payload) throws SQLException {
        events.publish(c, channel, payload);
    }

    @Override
    public Subscription subscribe(String channel, ClusterListener listener) {
        return events.subscribe(channel, listener);
    }

    @Override
    public String nodeId() {
        return events.nodeId();
    }

    @Override
    public String name() {
        return "cluster-events";
    }

    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        ClusterEvents e = events;
        if (e instanceof PgClusterEvents pg) {
            return pg.health();
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mode", "local");
        d.put("node", e.nodeId());
        d.put("listeners", ((LocalClusterEvents) e).listenerCount());
        return HealthResult.up("one node (embedded database): events delivered in-process", d);
    }
}
