package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import javax.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.BundleContext;

/**
 * Issue 19 item 1 in the assembled distribution (spm-dev on PostgreSQL): the node listens for cluster events
 * (health check {@code cluster-events}: mode postgresql, the security bundle's two subscriptions), hears an
 * event another node would send ({@code pg_notify} on its channel from a connection of its own), and, when its
 * listening connection is terminated ({@code pg_terminate_backend}), listens again on a new one by itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class ClusterEventsIT extends SpmTestSupport {

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
    }

    private static JsonNode details(HttpResponse<String> r) {
        return json(r).at("/checks/cluster-events/details");
    }

    @Test
    public void theNodeHearsOtherNodesAndSurvivesATerminatedListeningConnection_issue19_item1() throws Exception {
        HttpResponse<String> r = await("/health/ready", x -> "UP".equals(json(x).at("/checks/cluster-events/status").asText()),
                Duration.ofSeconds(60));
        JsonNode d = details(r);
        assertEquals(d.toString(), "postgresql", d.get("mode").asText());
        assertTrue(d.toString(), d.get("listeners").asInt() >= 2); // security.principals and security.network
        assertTrue(d.toString(), d.get("channel").asText().startsWith("spm_events_"));
        DataSource ds = context.getService(context.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=spm)").iterator().next());
        long received = d.get("received").asLong();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, d.get("channel").asText());
            ps.setString(2, "it-other-node#000000\nsecurity.network\nban");
            ps.execute();
        }
        await("/health/ready", x -> details(x).get("received").asLong() > received, Duration.ofSeconds(10));

        int pid = d.get("backendPid").asInt();
        long reconnects = d.get("reconnects").asLong();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, pid);
            ps.execute();
        }
        HttpResponse<String> again = await("/health/ready", x -> "UP".equals(json(x).at("/checks/cluster-events/status").asText())
                && details(x).get("reconnects").asLong() > reconnects, Duration.ofSeconds(60));
        assertTrue(again.body(), details(again).get("backendPid").asInt() != pid);
        assertEquals(again.body(), 200, again.statusCode());
    }
}
