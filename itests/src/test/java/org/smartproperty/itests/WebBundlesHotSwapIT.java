package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Issue 13 item 1: the console and the portal are hot swappable like every bundle. Stopping the bundle takes its app
 * off the node while the API keeps answering; starting it serves the app again; an update (the bundle read again from
 * its location, as {@code bundle:update} does) serves the same app. Polls, never sleeps a fixed time.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class WebBundlesHotSwapIT extends SpmTestSupport {

    @Inject
    BundleContext context;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Test
    public void theConsoleBundleStopsStartsAndUpdatesWithoutTheApi_issue13() throws Exception {
        swap("org.smartproperty.web.console", "/console/");
    }

    @Test
    public void thePortalBundleStopsStartsAndUpdatesWithoutTheApi_issue13() throws Exception {
        swap("org.smartproperty.web.portal", "/");
    }

    private void swap(String symbolicName, String path) throws Exception {
        Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElse(null);
        assertNotNull(symbolicName + " is not installed", bundle);
        HttpResponse<String> before = await(path, r -> r.statusCode() == 200, "served before the swap");
        assertTrue(before.body(), before.body().contains("<div id=\"app\""));
        String index = before.body();

        bundle.stop();
        try {
            await(path, r -> r.statusCode() != 200 || !r.body().equals(index), "off the node while the bundle is stopped");
            assertEquals("the API answers while " + symbolicName + " is stopped", 200,
                    get("/health").statusCode());
        } finally {
            bundle.start();
        }
        HttpResponse<String> started = await(path, r -> r.statusCode() == 200 && r.body().equals(index), "served again after start");
        assertEquals("text/html", started.headers().firstValue("Content-Type").orElse("").split(";")[0]);

        bundle.update();
        await(path, r -> r.statusCode() == 200 && r.body().equals(index), "served the same app after bundle update");
        assertEquals(Bundle.ACTIVE, bundle.getState());
    }

    private static HttpResponse<String> await(String path, Predicate<HttpResponse<String>> ok, String what) throws Exception {
        String root = root();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            try {
                last = HTTP.send(HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ok.test(last)) {
                    return last;
                }
            } catch (java.io.IOException e) {
                // the whiteboard re-registers: try again
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " not " + what + " within 30 s; last answer "
                + (last == null ? "none" : last.statusCode() + " " + last.body().substring(0, Math.min(200, last.body().length()))));
    }
}
