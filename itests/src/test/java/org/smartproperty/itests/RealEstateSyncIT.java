package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * INT-RE, SUP-EST-1/2 in the assembled distribution (spm-dev on PostgreSQL): the regulator starts
 * a sync through REST, the adapter reads the simulator (on a free port), the run is recorded; a second
 * run changes nothing; a role without sync permissions is refused.
 */
@RunWith(PaxExam.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING) // the REST test needs the first (full) run; the shell test comes after it
@ExamReactorStrategy(SharedContainer.class)
public class RealEstateSyncIT extends SpmTestSupport {

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

    static JsonNode awaitFinished(long id) {
        HttpResponse<String> r = await("/sync/realestate/runs?size=5", x -> x.statusCode() == 200
                && json(x).get("items").get(0).get("id").asLong() == id
                && !"RUNNING".equals(json(x).get("items").get(0).get("status").asText()), Duration.ofSeconds(120));
        return json(r).get("items").get(0);
    }

    @Test
    public void regulatorSyncsTheSimulatedBuildingTableOnceAndASecondRunChangesNothing_INT_RE_SUP_EST_2() {
        HttpResponse<String> started = send("POST", "/sync/realestate/runs", null);
        assertEquals(started.body(), 202, started.statusCode());
        JsonNode run = json(started);
        assertEquals("RUNNING", run.get("status").asText());
        JsonNode first = awaitFinished(run.get("id").asLong());
        assertEquals(first.toString(), "SUCCEEDED", first.get("status").asText());
        assertTrue(first.toString(), first.get("created").asLong() > 2000);
        assertTrue(first.toString(), first.get("skipped").asLong() > 0);
        assertEquals(first.get("read").asLong(), first.get("created").asLong() + first.get("skipped").asLong());
        assertEquals(200, get("/houses/440402104090GB00001F00010001").statusCode());

        HttpResponse<String> again = send("POST", "/sync/realestate/runs", null);
        assertEquals(again.body(), 202, again.statusCode());
        JsonNode second = awaitFinished(json(again).get("id").asLong());
        assertEquals("SUCCEEDED", second.get("status").asText());
        assertEquals(0, second.get("read").asLong());
        assertEquals(0, second.get("created").asLong());
        assertEquals(0, second.get("updated").asLong());
    }

    @Test
    public void shellCommandSpmSyncRunsAfterTheRestRunsAndListsThem_INT_RE() throws Exception {
        ServiceReference<?> ref = context.getServiceReference("org.apache.karaf.shell.api.console.SessionFactory");
        assertTrue("Karaf shell present", ref != null);
        Class<?> factoryType = ref.getBundle().loadClass("org.apache.karaf.shell.api.console.SessionFactory");
        Class<?> sessionType = ref.getBundle().loadClass("org.apache.karaf.shell.api.console.Session");
        Object factory = context.getService(ref);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Object session = factoryType.getMethod("create", InputStream.class, PrintStream.class, PrintStream.class)
                .invoke(factory, new ByteArrayInputStream(new byte[0]), out, out);
        Method execute = sessionType.getMethod("execute", CharSequence.class);
        Object ran = execute.invoke(session, "spm:sync");
        assertTrue(String.valueOf(ran), String.valueOf(ran).contains("SUCCEEDED"));
        Object listed = execute.invoke(session, "spm:sync --list");
        assertTrue(String.valueOf(listed), String.valueOf(listed).startsWith("run "));
        sessionType.getMethod("close").invoke(session);
    }

    @Test
    public void aRoleWithoutSyncPermissionsIsRefused_INT_RE() {
        String developer = login("demo-developer", DEMO_PASSWORD, null);
        assertEquals(403, getAs(developer, "/sync/realestate/runs").statusCode());
        assertEquals(401, getAs(null, "/sync/realestate/runs").statusCode());
    }
}
