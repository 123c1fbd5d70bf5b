package org.smartproperty.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.cluster.ClusterEvent;
import org.smartproperty.platform.cluster.ClusterListener;
import org.smartproperty.platform.cluster.LocalClusterEvents;

/** Issue 19 item 1 on the embedded H2 database (one node): the component delivers in-process, inside the writing transaction. */
class ClusterEventsH2Test {

    @Test
    void theEmbeddedDatabaseGetsTheLocalImplementationAndHearsItsOwnEvents() throws Exception {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:h2:mem:cluster_h2;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        hc.setUsername("sa");
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            ClusterEventsComponent component = new ClusterEventsComponent();
            component.bindDataSource(ds, Map.of("spm.db.kind", "h2"));
            component.activate(config());
            List<ClusterEvent> heard = new CopyOnWriteArrayList<>();
            List<String> resets = new CopyOnWriteArrayList<>();
            try (var s = component.subscribe("security.principals", new ClusterListener() {
                @Override
                public void event(ClusterEvent e) {
                    heard.add(e);
                }

                @Override
                public void reset() {
                    resets.add("reset");
                }
            })) {
                Jdbc.transaction(ds, c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE TABLE IF NOT EXISTS t (id INT)");
                    }
                    component.publish(c, "security.principals", "revoked");
                    return null;
                });
                assertEquals(1, heard.size());
                assertEquals("revoked", heard.get(0).payload());
                assertTrue(heard.get(0).fromThisNode());
                component.publish((Connection) null, "other.channel", "");
                assertEquals(1, heard.size(), "another channel is not heard");
            }
            component.publish(null, "security.principals", "after close");
            assertEquals(1, heard.size(), "a closed subscription hears nothing");
            HealthResult h = component.check();
            assertEquals(HealthStatus.UP, h.status());
            assertEquals("local", h.details().get("mode"));
            assertTrue(component.nodeId().contains("#"));
            component.deactivate();
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthers() {
        LocalClusterEvents events = new LocalClusterEvents("n1");
        List<String> heard = new CopyOnWriteArrayList<>();
        events.subscribe("c", new ClusterListener() {
            @Override
            public void event(ClusterEvent e) {
                throw new IllegalStateException("broken listener");
            }

            @Override
            public void reset() {
                throw new IllegalStateException("broken listener");
            }
        });
        events.subscribe("c", new ClusterListener() {
            @Override
            public void event(ClusterEvent e) {
                heard.add(e.payload());
            }

            @Override
            public void reset() {
                heard.add("reset");
            }
        });
        events.publish(null, "c", "p");
        events.resetAll();
        assertEquals(List.of("p", "reset"), heard);
        events.deliver("c", "q", "n2");
        assertEquals("q", heard.get(2));
    }

    private static ClusterEventsConfig config() {
        return new ClusterEventsConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ClusterEventsConfig.class;
            }

            @Override
            public String node_name() {
                return "h2-node";
            }

            @Override
            public long waitMillis() {
                return 500;
            }

            @Override
            public long reconnect_maxBackoffMillis() {
                return 30_000;
            }

            @Override
            public long keepaliveMillis() {
                return 30_000;
            }
        };
    }
}
