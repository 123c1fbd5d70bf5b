package org.smartproperty.map.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one map's geometry (MAP-1): Douglas-Peucker by zoom, grid cells, the padded bbox. */
class GeoTest {

    /** A closed ring: a square of 0.01° with {@code n} positions on each side, slightly wavy (1e-6°). */
    static List<Object> wavySquare(double lon, double lat, int n) {
        List<Object> ring = new ArrayList<>();
        double s = 0.01;
        for (int side = 0; side < 4; side++) {
            for (int i = 0; i < n; i++) {
                double t = (double) i / n;
                double wobble = (i % 2 == 0 ? 1e-6 : -1e-6);
                double x = switch (side) { case 0 -> t * s; case 1 -> s + wobble; case 2 -> s - t * s; default -> wobble; };
                double y = switch (side) { case 0 -> wobble; case 1 -> t * s; case 2 -> s + wobble; default -> s - t * s; };
                ring.add(List.of(lon + x, lat + y));
            }
        }
        ring.add(ring.get(0));
        return ring;
    }

    @Test
    void douglasPeuckerDropsWhatIsBelowOnePixelAtTheZoom_MAP_1() {
        Map<String, Object> polygon = Map.of("type", "Polygon", "coordinates", List.of(wavySquare(113.5, 22.1, 50)));
        Map<String, Object> low = Geo.simplify(polygon, Geo.tolerance(12, 1));
        Map<String, Object> high = Geo.simplify(polygon, Geo.tolerance(22, 1));
        int original = ring(polygon).size();
        int atLow = ring(low).size();
        int atHigh = ring(high).size();
        assertEquals(201, original);
        assertEquals(5, atLow, "at zoom 12 (a pixel is ~3.4e-4°) the wavy square is its four corners, closed");
        assertEquals(original, atHigh, "at zoom 22 (a pixel is ~3.4e-7°) the 1e-6° wobble stays");
        assertEquals(ring(low).get(0), ring(low).get(atLow - 1), "the ring stays closed");
        assertEquals("Polygon", low.get("type"));
    }

    @Test
    void aRingNeverCollapsesBelowFourPositions() {
        List<double[]> thin = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            thin.add(new double[] {113.5 + i * 1e-5, 22.1});
        }
        thin.add(new double[] {113.5, 22.1});
        List<double[]> out = Geo.simplifyRing(thin, 1.0);
        assertEquals(4, out.size());
        assertSame(thin.get(0), out.get(0));
        assertSame(thin.get(thin.size() - 1), out.get(3));
    }

    @Test
    void multiPolygonsAreSimplifiedPolygonByPolygonAndOtherGeometriesPassUnchanged() {
        Map<String, Object> multi = Map.of("type", "MultiPolygon", "coordinates",
                List.of(List.of(wavySquare(113.5, 22.1, 20)), List.of(wavySquare(113.6, 22.2, 20))));
        Map<String, Object> out = Geo.simplify(multi, Geo.tolerance(12, 1));
        List<?> polys = (List<?>) out.get("coordinates");
        assertEquals(2, polys.size());
        assertEquals(5, ((List<?>) ((List<?>) polys.get(1)).get(0)).size());
        Map<String, Object> point = Map.of("type", "Point", "coordinates", List.of(113.5, 22.1));
        assertSame(point, Geo.simplify(point, 1));
        assertSame(multi, Geo.simplify(multi, 0), "tolerance 0 = no simplification");
    }

    @Test
    void pointToSegmentDistance() {
        assertEquals(1.0, Geo.distance(new double[] {0, 1}, new double[] {-1, 0}, new double[] {1, 0}), 1e-12);
        assertEquals(Math.sqrt(2), Geo.distance(new double[] {2, 1}, new double[] {-1, 0}, new double[] {1, 0}), 1e-12);
        assertEquals(5.0, Geo.distance(new double[] {3, 4}, new double[] {0, 0}, new double[] {0, 0}), 1e-12);
    }

    @Test
    void gridCellsFollowTheZoom_MAP_1() {
        // at zoom 10 an 80-pixel cell is 360 / 1024 / 256 * 80 ≈ 0.11°: two estates 0.01° apart share it, one 0.3° away does not
        long a = Geo.cell(113.531, 22.121, 10, 80);
        assertEquals(a, Geo.cell(113.538, 22.125, 10, 80));
        assertNotEquals(a, Geo.cell(113.85, 22.121, 10, 80));
        // at zoom 16 (cells of ~0.0017°) they part
        assertNotEquals(Geo.cell(113.531, 22.121, 16, 80), Geo.cell(113.541, 22.121, 16, 80));
    }

    @Test
    void thePaddedBboxStaysOnTheGlobe() {
        double[] p = Geo.pad(new double[] {113.4, 22.0, 113.6, 22.2}, 0.1);
        assertEquals(113.38, p[0], 1e-9);
        assertEquals(22.22, p[3], 1e-9);
        double[] world = Geo.pad(new double[] {-180, -90, 180, 90}, 0.1);
        assertTrue(world[0] == -180 && world[1] == -90 && world[2] == 180 && world[3] == 90);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ring(Map<String, Object> polygon) {
        return (List<Object>) ((List<Object>) polygon.get("coordinates")).get(0);
    }
}
