package org.smartproperty.adapter.gis.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.sim.gis.internal.GisSimulator;

/**
 * INT-GIS: the caching tile proxy against the WMTS simulator over real HTTP — the key added on the server and never
 * shown, cache hits without the provider, the LRU bound in bytes, stale tiles during an outage, 503 when neither,
 * validation 400s with every field; the health check "gis".
 */
class BaseMapServiceTest {

    static GisSimulator sim;
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("java.awt.headless", "true");
        sim = new GisSimulator("127.0.0.1", "secret-tk", 0).start(0);
        long t0 = System.nanoTime();
        GisSimulator.warmUp();
        System.out.println("first tile drawn in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @AfterEach
    void normal() {
        sim.mode(GisSimulator.Mode.NORMAL);
    }

    GisSettings settings(String tk, long cacheBytes, String... layers) {
        return new GisSettings(sim.baseUri().toString(), tk, GisSettings.parseLayers(layers.length == 0
                ? new String[] {"vec:w", "cva:w", "img:w", "cia:w", "vec:c", "img:c:gcj02"} : layers), "img", "© test", 1, 18,
                GisSettings.parseExtent("112.9,21.6,114.5,22.6"), 9, cacheBytes,
                Duration.ofHours(1), dir, 86400, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    BaseMapService service(GisSettings s) {
        return new BaseMapService(s, clock);
    }

    @Test
    void baseLayersDescribeTheGridsAndTheProxyButNeverTheKey_INT_GIS() throws Exception {
        BaseMapService m = service(settings("secret-tk", 10_000_000));
        BaseMap.BaseLayers b = m.baseLayers(Messages.ENGLISH);
        assertEquals("img", b.defaultLayer());
        assertEquals(6, b.layers().size());
        BaseMap.Layer vec = b.layers().get(0);
        assertEquals("Vector map", vec.title());
        assertEquals("base", vec.kind());
        assertEquals("EPSG:3857", vec.projection());
        assertEquals("/api/v1/map/tiles/vec/w/{TileMatrix}/{TileCol}/{TileRow}", vec.url());
        assertEquals(18, vec.tileGrid().resolutions().size());
        assertEquals(78271.517, vec.tileGrid().resolutions().get(0), 0.001);
        BaseMap.Layer cva = b.layers().get(1);
        assertEquals("annotation", cva.kind());
        assertEquals("vec", cva.base());
        BaseMap.Layer imgC = b.layers().get(5);
        assertEquals("EPSG:4490", imgC.projection());
        assertTrue(imgC.gcj02());
        assertEquals(List.of(-180.0, 90.0), imgC.tileGrid().origin());
        assertEquals("影像地图", m.baseLayers(Messages.DEFAULT_LOCALE).layers().get(2).title());
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(b);
        assertFalse(json.contains("secret-tk"), json);
        assertFalse(m.check().details().toString().contains("secret-tk"));
    }

    @Test
    void aTileComesFromTheProviderOnceThenFromTheCache_INT_GIS() {
        BaseMapService m = service(settings("secret-tk", 10_000_000));
        long before = sim.tiles();
        BaseMap.Tile first = m.tile("vec", "w", "12", "3339", "1789");
        assertEquals("provider", first.source());
        assertEquals("image/png", first.contentType());
        BaseMap.Tile second = m.tile("vec", "w", "12", "3339", "1789");
        assertEquals("cache", second.source());
        assertArrayEquals(first.bytes(), second.bytes());
        assertEquals(before + 1, sim.tiles(), "the second came from the cache");
        assertTrue(Files.exists(dir.resolve("vec/w/12/3339/1789.png")));
        // after cacheMaxAge the provider is asked again
        clock.advance(Duration.ofHours(2));
        assertEquals("provider", m.tile("vec", "w", "12", "3339", "1789").source());
        assertEquals(before + 2, sim.tiles());
        // a restart finds the cache on disk
        assertEquals("cache", service(settings("secret-tk", 10_000_000)).tile("vec", "w", "12", "3339", "1789").source());
    }

    @Test
    void theCacheStaysWithinItsBoundDroppingTheLeastRecentlyUsed_INT_GIS() throws IOException {
        BaseMapService probe = service(settings("secret-tk", 10_000_000));
        int size = probe.tile("vec", "w", "14", "13360", "7150").bytes().length;
        long bound = size * 3L + size / 2; // room for three tiles of about this size
        BaseMapService m = service(settings("secret-tk", bound));
        m.tile("vec", "w", "14", "13361", "7150");
        m.tile("vec", "w", "14", "13362", "7150");
        m.tile("vec", "w", "14", "13361", "7150"); // used again: 13360 and 13362 are older
        m.tile("vec", "w", "14", "13363", "7150");
        m.tile("vec", "w", "14", "13364", "7150");
        long total;
        Set<String> left;
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).toList();
            total = 0;
            for (Path p : pngs) {
                total += Files.size(p);
            }
            left = pngs.stream().map(p -> p.getFileName().toString().replace(".png", "") + "@" + p.getParent().getFileName()).collect(Collectors.toSet());
        }
        assertTrue(total <= bound, total + " > " + bound);
        assertTrue(left.contains("7150@13361"), left.toString());
        assertTrue(left.contains("7150@13364"), left.toString());
        assertFalse(left.contains("7150@13360"), left.toString());
        assertFalse(left.contains("7150@13362"), left.toString());
    }

    @Test
    void duringAnOutageCachedTilesAreServedStaleAndOthersAre503_INT_GIS() {
        BaseMapService m = service(settings("secret-tk", 10_000_000));
        byte[] png = m.tile("img", "w", "13", "6679", "3578").bytes();
        assertEquals(HealthStatus.UP, m.check().status());
        clock.advance(Duration.ofHours(2)); // the cached tile is older than cacheMaxAge
        for (GisSimulator.Mode mode : new GisSimulator.Mode[] {GisSimulator.Mode.DOWN, GisSimulator.Mode.ERROR}) {
            sim.mode(mode);
            BaseMap.Tile stale = m.tile("img", "w", "13", "6679", "3578");
            assertEquals("cache-stale", stale.source());
            assertArrayEquals(png, stale.bytes());
            ApiException e = assertThrows(ApiException.class, () -> m.tile("img", "w", "13", "6680", "3578"));
            assertEquals(503, e.status());
            assertEquals("gis.tile.unavailable", e.code());
            assertEquals(HealthStatus.DOWN, m.check().status());
            clock.advance(Duration.ofSeconds(11)); // past retryAfterFailure
        }
        // the provider is back: asked again after the pause
        sim.mode(GisSimulator.Mode.NORMAL);
        clock.advance(Duration.ofSeconds(11));
        assertEquals("provider", m.tile("img", "w", "13", "6680", "3578").source());
        assertEquals(HealthStatus.UP, m.check().status());
    }

    @Test
    void aWrongKeyIsAProviderFailureAndTheHealthCheckSaysSo_INT_GIS() {
        BaseMapService m = service(settings("wrong", 10_000_000));
        ApiException e = assertThrows(ApiException.class, () -> m.tile("vec", "w", "3", "6", "3"));
        assertEquals(503, e.status());
        var h = m.check();
        assertEquals(HealthStatus.DOWN, h.status());
        assertTrue(h.summary().contains("key refused (HTTP 403)"), h.summary());
        assertFalse(h.toString().contains("wrong"), h.toString());
        assertFalse(m.readiness());
        // a fresh service probes the provider with GetCapabilities
        assertEquals(HealthStatus.UP, service(settings("secret-tk", 10_000_000)).check().status());
    }

    @Test
    void validationNamesEveryBadFieldWithA400_INT_GIS() {
        BaseMapService m = service(settings("secret-tk", 10_000_000));
        assertEquals(Set.of("layer", "z", "x", "y"), fields(() -> m.tile("xyz", "w", "a", "b", "c")));
        assertEquals(Set.of("set"), fields(() -> m.tile("cva", "c", "3", "0", "0"))); // cva only in w here
        assertEquals(Set.of("z"), fields(() -> m.tile("vec", "w", "19", "0", "0")));
        assertEquals(Set.of("z"), fields(() -> m.tile("vec", "w", "0", "0", "0")));
        assertEquals(Set.of("x", "y"), fields(() -> m.tile("vec", "w", "3", "8", "-1")));
        assertEquals(Set.of("y"), fields(() -> m.tile("vec", "c", "3", "7", "4"))); // c: 8 × 4 at level 3
        assertEquals(Set.of("layer", "z"), fields(() -> m.tile("v".repeat(500), "w", "9".repeat(20), "0", "0")));
        // from level 9 on only the Zhuhai area: the public proxy does not spend the key on the rest of the world
        assertEquals(Set.of("x"), fields(() -> m.tile("vec", "w", "12", "0", "0")));
        assertEquals(Set.of("x"), fields(() -> m.tile("vec", "c", "12", "3339", "700")));
        assertEquals("provider", m.tile("vec", "w", "8", "0", "0").source());
        assertEquals("provider", m.tile("vec", "c", "12", "3339", "772").source());
        ApiException e = assertThrows(ApiException.class, () -> m.tile("vec", "w", "3", "8", "0"));
        FieldError fe = e.errors().get(0);
        assertEquals("Outside the tiles of this level (0 to 7)", fe.source().format(Locale.ENGLISH, fe.code(), fe.args().toArray()));
    }

    private static Set<String> fields(org.junit.jupiter.api.function.Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(400, e.status());
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    @Test
    void layersConfigurationIsCheckedNamingTheEntry_INT_GIS() {
        assertEquals(3, GisSettings.parseLayers(new String[] {"vec:w", " IMG:c:gcj02 ", "", "cia:w"}).size());
        assertTrue(GisSettings.parseLayers(new String[] {"img:c:gcj02"}).get(0).gcj02());
        for (String bad : new String[] {"vec", "vec:x", "vec:w:wgs", "v:w"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GisSettings.parseLayers(new String[] {bad}));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> GisSettings.parseLayers(new String[] {"vec:w", "vec:w"}));
        assertThrows(IllegalArgumentException.class, () -> GisSettings.parseLayers(new String[0]));
        assertNull(GisSettings.parseExtent(" "));
        for (String bad : new String[] {"1,2,3", "114,22,113,23", "a,b,c,d", "-200,0,0,10"}) {
            assertThrows(IllegalArgumentException.class, () -> GisSettings.parseExtent(bad), bad);
        }
        assertNull(GisSettings.parseLayers(new String[] {"vec:w"}).stream().filter(l -> l.annotation()).findFirst().orElse(null));
    }
}
