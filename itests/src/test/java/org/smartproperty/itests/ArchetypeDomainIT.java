package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Issue 10 item 9 ("a new-domain walk-through gives a domain that builds, installs and serves one endpoint"): the
 * archetype IT of {@code archetypes/spm-domain} generated {@code bundles/memo} from the archetype and built it with
 * its contract tests; here its three bundles ({@code spm-memo-api|impl|rest}) are installed into the running platform
 * (the shared container) as they are, with no line of the platform changed. The extender applies the domain's changelog,
 * its contributions grant {@code memo:read|write} to the REGULATOR role template, and {@code /api/v1/memos} answers
 * a regulator (GET 200, POST 201), refuses a caller without a token (401) and answers 503 while the implementation is
 * away (the REST bundle's dynamic reference).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class ArchetypeDomainIT extends SpmTestSupport {

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

    /** The jar the archetype IT built for {@code module} of the generated domain (path handed over by failsafe). */
    static File jar(String module) {
        String project = System.getProperty("spm.it.archetype.project");
        assertNotNull("system property spm.it.archetype.project (itests/pom.xml)", project);
        File target = new File(project, module + "/target");
        File[] jars = target.listFiles((dir, name) -> name.startsWith(module + "-") && name.endsWith(".jar"));
        assertTrue("the archetype IT built no " + module + " in " + target + " (mvn install of archetypes/spm-domain first)",
                jars != null && jars.length == 1);
        return jars[0];
    }

    /** Logs in as demo-regulator until {@code /memos} answers {@code status} (the grant is seeded when the impl starts). */
    static String regulatorWhoGets(int status) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            String regulator = login("demo-regulator", DEMO_PASSWORD, null);
            last = getAs(regulator, "/memos");
            if (last != null && last.statusCode() == status) {
                return regulator;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("demo-regulator got " + (last == null ? "no answer" : last.statusCode() + " " + last.body())
                + " from /memos, not " + status);
    }

    @Test
    public void theGeneratedDomainInstallsAndServesItsEndpoint_issue10_item9() throws Exception {
        List<Bundle> installed = new ArrayList<>();
        try {
            for (String module : List.of("spm-memo-api", "spm-memo-impl", "spm-memo-rest")) {
                installed.add(context.installBundle(jar(module).toURI().toString()));
            }
            for (Bundle b : installed) {
                b.start();
            }
            for (Bundle b : installed) {
                assertEquals(b.getSymbolicName(), Bundle.ACTIVE, b.getState());
            }

            // the contributed permission reached the REGULATOR role template, and the endpoint answers
            String regulator = regulatorWhoGets(200);
            String secadmin = login("demo-secadmin", DEMO_PASSWORD, "DEMOSECADMINSPMHENGQINAAAAAAAAAA");
            assertNotNull(secadmin);
            JsonNode roles = json(getAs(secadmin, "/roles"));
            assertTrue(roles.get("REGULATOR").toString(), roles.get("REGULATOR").toString().contains("\"memo:read\""));
            assertTrue(roles.get("REGULATOR").toString(), roles.get("REGULATOR").toString().contains("\"memo:write\""));

            String title = "IT memo " + System.nanoTime();
            HttpResponse<String> created = send("POST", "/memos", "{\"title\":\"" + title + "\"}", "Authorization", "Bearer " + regulator);
            assertEquals(created.body(), 201, created.statusCode());
            JsonNode memo = json(created);
            assertEquals(title, memo.get("title").asText());
            assertEquals("demo-regulator", memo.get("createdBy").asText());
            assertTrue(created.headers().firstValue("Location").orElse(""), created.headers().firstValue("Location").orElse("")
                    .endsWith("/memos/" + memo.get("id").asLong()));

            HttpResponse<String> list = getAs(regulator, "/memos?sort=-id");
            assertEquals(list.body(), 200, list.statusCode());
            assertEquals(title, json(list).at("/items/0/title").asText());
            HttpResponse<String> taken = send("POST", "/memos", "{\"title\":\"" + title + "\"}", "Authorization", "Bearer " + regulator);
            assertEquals(taken.body(), 409, taken.statusCode());

            assertEquals(401, send("GET", "/memos", null, "Authorization", "none").statusCode());
            assertEquals(401, send("POST", "/memos", "{\"title\":\"anonymous\"}", "Authorization", "none").statusCode());

            // the implementation away (hot swap): the resource stays and answers 503, then serves again
            Bundle impl = installed.get(1);
            impl.stop();
            await("/memos", r -> r.statusCode() == 503, Duration.ofSeconds(30), regulator);
            impl.start();
            await("/memos", r -> r.statusCode() == 200, Duration.ofSeconds(60), regulator);
        } finally {
            for (int i = installed.size() - 1; i >= 0; i--) {
                installed.get(i).uninstall();
            }
        }
        // gone: the platform stays ready
        await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        assertEquals(200, get("/estates?size=1").statusCode());
    }

    /** Polls {@code path} as {@code bearer} until {@code ok}. */
    static HttpResponse<String> await(String path, java.util.function.Predicate<HttpResponse<String>> ok, Duration timeout, String bearer)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            last = getAs(bearer, path);
            if (last != null && ok.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + path + ": " + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }
}
