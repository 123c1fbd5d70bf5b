package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.BundleContext;

/**
 * Issue 17 part 1 (INT-GIS) in the assembled distribution with the WMTS simulator of spm-dev: the base layers are public
 * and carry no key; a tile comes through the proxy from the provider and then from the cache; during an outage the
 * cached tile is served marked stale, an uncached one is a 503 problem, and the health check gis says so. The simulator's
 * mode and the adapter's configuration are restored afterwards (the container is shared).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class GisIT extends SpmTestSupport {

    static final String PID = "org.smartproperty.adapter.gis";
    static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    static HttpResponse<byte[]> tile(String path) throws Exception {
        return RAW.send(HttpRequest.newBuilder(URI.create(base() + "/map/tiles/" + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static void simMode(String mode) throws IOException, InterruptedException {
        HttpResponse<String> r = RAW.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty("spm.it.gis.port")
                + "/sim/mode?mode=" + mode)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
    }

    /**
     * Sets (or with null removes) one property of the adapter's configuration through ConfigurationAdmin (by reflection:
     * the probe has no compile-time org.osgi.service.cm); the adapter applies it with @Modified.
     */
    void configure(String key, String value) throws Exception {
        org.osgi.framework.ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        assertTrue("ConfigurationAdmin", ref != null);
        Class<?> adminType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
        Object admin = context.getService(ref);
        try {
            Object cfg = adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, PID, "?");
            @SuppressWarnings("unchecked")
            java.util.Dictionary<String, Object> props = (java.util.Dictionary<String, Object>) configType.getMethod("getProperties").invoke(cfg);
            if (props == null) {
                props = new java.util.Hashtable<>();
            }
            if (value == null) {
                props.remove(key);
            } else {
                props.put(key, value);
            }
            configType.getMethod("update", java.util.Dictionary.class).invoke(cfg, props);
        } finally {
            context.ungetService(ref);
        }
    }

    static boolean png(byte[] b) {
        return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    @Test
    public void a_baseLayersArePublicWithTitlesInTheCallersLanguageAndNoKey_INT_GIS() {
        HttpResponse<String> r = await("/map/base-layers", x -> x.statusCode() == 200, Duration.ofSeconds(120));
        assertFalse(r.body(), r.body().contains("spm-dev-gis"));
        assertTrue(r.headers().firstValue("Cache-Control").orElse(""), r.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
        JsonNode b = json(r);
        assertEquals("vec", b.get("defaultLayer").asText());
        JsonNode vec = b.at("/layers/0");
        assertEquals("vec", vec.get("name").asText());
        assertEquals("w", vec.get("matrixSet").asText());
        assertEquals("矢量地图", vec.get("title").asText());
        assertEquals("/api/v1/map/tiles/vec/w/{TileMatrix}/{TileCol}/{TileRow}", vec.get("url").asText());
        assertEquals(18, vec.at("/tileGrid/resolutions").size());
        HttpResponse<String> en = get("/map/base-layers", "Authorization", "none", "Accept-Language", "en");
        assertEquals("Vector map", json(en).at("/layers/0/title").asText());
    }

    @Test
    public void b_aTileComesThroughTheProxyThenFromTheCache_INT_GIS() throws Exception {
        HttpResponse<byte[]> first = tile("img/w/12/3339/1789");
        assertEquals(new String(first.body()), 200, first.statusCode());
        assertEquals("image/png", first.headers().firstValue("Content-Type").orElse(""));
        assertTrue(png(first.body()));
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
        HttpResponse<byte[]> second = tile("img/w/12/3339/1789");
        assertEquals("cache", second.headers().firstValue("X-SPM-Tile-Source").orElse(""));
        HttpResponse<String> bad = get("/map/tiles/xyz/w/0/0/0", "Authorization", "none");
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(2, json(bad).get("errors").size()); // layer and z at once
    }

    @Test
    public void c_duringAnOutageTheCachedTileIsServedStaleAndTheHealthCheckSaysSo_INT_GIS() throws Exception {
        assertEquals(200, tile("img/w/12/3340/1789").statusCode()); // cached now
        try {
            configure("cacheMaxAgeSeconds", "0");
            simMode("DOWN");
            HttpResponse<byte[]> stale = null;
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < end) { // until the configuration change has reached the adapter
                stale = tile("img/w/12/3340/1789");
                if ("cache-stale".equals(stale.headers().firstValue("X-SPM-Tile-Source").orElse(""))) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals(200, stale.statusCode());
            assertEquals("cache-stale", stale.headers().firstValue("X-SPM-Tile-Source").orElse(""));
            assertTrue(stale.headers().firstValue("Warning").orElse("").startsWith("110"));
            assertTrue(png(stale.body()));
            HttpResponse<String> none = get("/map/tiles/img/w/12/3341/1789", "Authorization", "none", "Accept-Language", "en");
            assertEquals(none.body(), 503, none.statusCode());
            assertEquals("Base map unavailable", json(none).get("title").asText());
            JsonNode gis = json(readyAsOperator()).at("/checks/gis");
            assertEquals(gis.toString(), "DOWN", gis.get("status").asText());
            assertFalse(gis.toString().contains("spm-dev-gis"));
        } finally {
            simMode("NORMAL");
            configure("cacheMaxAgeSeconds", null);
        }
        // the configuration change lifts the pause after the failure: the provider serves again
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String source = "";
        while (System.nanoTime() < end && !"provider".equals(source)) {
            source = tile("img/w/12/3342/1789").headers().firstValue("X-SPM-Tile-Source").orElse("");
            Thread.sleep(200);
        }
        assertEquals("provider", source);
        assertEquals("UP", json(readyAsOperator()).at("/checks/gis/status").asText());
    }
}
