package org.smartproperty.map.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The geometry of the one map (MAP-1), in CGCS2000 lon/lat degrees as stored: Douglas-Peucker simplification of GeoJSON
 * polygons by a tolerance per zoom, and the grid cells of the clusters. Written out (some 100 lines) rather than taken
 * from JTS: the map needs only these two operations on small polygons, and the domain then adds no bundle to the feature.
 */
final class Geo {

    /** Degrees of longitude one pixel spans at a zoom on the web-map pyramid (256-pixel tiles). */
    static double degreesPerPixel(int zoom) {
        return 360.0 / (256.0 * Math.pow(2, zoom));
    }

    /** The tolerance boundaries are simplified with at a zoom: {@code pixels} screen pixels. */
    static double tolerance(int zoom, double pixels) {
        return degreesPerPixel(zoom) * pixels;
    }

    /** The bbox grown by {@code share} of its width/height on every side (boundaries of estates just outside still show). */
    static double[] pad(double[] bbox, double share) {
        double w = (bbox[2] - bbox[0]) * share;
        double h = (bbox[3] - bbox[1]) * share;
        return new double[] {Math.max(-180, bbox[0] - w), Math.max(-90, bbox[1] - h), Math.min(180, bbox[2] + w),
            Math.min(90, bbox[3] + h)};
    }

    /**
     * A GeoJSON Polygon or MultiPolygon simplified ring by ring (Douglas-Peucker, {@code tolerance} in degrees); a ring keeps
     * at least four positions (closed), so an outline never collapses to nothing. Anything else comes back unchanged.
     */
    static Map<String, Object> simplify(Map<String, Object> geometry, double tolerance) {
        if (geometry == null || tolerance <= 0) {
            return geometry;
        }
        Object type = geometry.get("type");
        Object coordinates = geometry.get("coordinates");
        if (!(coordinates instanceof List<?> list)) {
            return geometry;
        }
        Object simplified;
        if ("Polygon".equals(type)) {
            simplified = polygon(list, tolerance);
        } else if ("MultiPolygon".equals(type)) {
            List<Object> polys = new ArrayList<>();
            for (Object p : list) {
                polys.add(p instanceof List<?> rings ? polygon(rings, tolerance) : p);
            }
            simplified = polys;
        } else {
            return geometry;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("coordinates", simplified);
        return out;
    }

    private static List<Object> polygon(List<?> rings, double tolerance) {
        List<Object> out = new ArrayList<>();
        for (Object r : rings) {
            List<double[]> ring = positions(r);
            out.add(ring == null ? r : toLists(simplifyRing(ring, tolerance)));
        }
        return out;
    }

    /** Douglas-Peucker on a closed ring, keeping at least 4 positions (first = last). */
    static List<double[]> simplifyRing(List<double[]> ring, double tolerance) {
        if (ring.size() <= 4) {
            return ring;
        }
        List<double[]> kept = simplifyLine(ring, tolerance);
        if (kept.size() >= 4) {
            return kept;
        }
        // simplified below a ring: keep the first position, two spread evenly along the ring, and close it
        int n = ring.size() - 1;
        return List.of(ring.get(0), ring.get(n / 3), ring.get(2 * n / 3), ring.get(n));
    }

    /** Douglas-Peucker on an open line: the first and last positions stay. */
    static List<double[]> simplifyLine(List<double[]> line, double tolerance) {
        if (line.size() < 3) {
            return line;
        }
        boolean[] keep = new boolean[line.size()];
        keep[0] = true;
        keep[line.size() - 1] = true;
        ArrayList<int[]> stack = new ArrayList<>();
        stack.add(new int[] {0, line.size() - 1});
        while (!stack.isEmpty()) {
            int[] span = stack.remove(stack.size() - 1);
            double max = -1;
            int at = -1;
            for (int i = span[0] + 1; i < span[1]; i++) {
                double d = distance(line.get(i), line.get(span[0]), line.get(span[1]));
                if (d > max) {
                    max = d;
                    at = i;
                }
            }
            if (at >= 0 && max > tolerance) {
                keep[at] = true;
                stack.add(new int[] {span[0], at});
                stack.add(new int[] {at, span[1]});
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            if (keep[i]) {
                out.add(line.get(i));
            }
        }
        return out;
    }

    /** Distance of p from the segment a-b (from the point a when a = b). */
    static double distance(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
        double x = a[0] + t * dx - p[0];
        double y = a[1] + t * dy - p[1];
        return Math.sqrt(x * x + y * y);
    }

    private static List<double[]> positions(Object ring) {
        if (!(ring instanceof List<?> list)) {
            return null;
        }
        List<double[]> out = new ArrayList<>(list.size());
        for (Object p : list) {
            if (!(p instanceof List<?> xy) || xy.size() < 2 || !(xy.get(0) instanceof Number x) || !(xy.get(1) instanceof Number y)) {
                return null;
            }
            out.add(new double[] {x.doubleValue(), y.doubleValue()});
        }
        return out;
    }

    private static List<Object> toLists(List<double[]> ring) {
        List<Object> out = new ArrayList<>(ring.size());
        for (double[] p : ring) {
            out.add(List.of(p[0], p[1]));
        }
        return out;
    }

    static Map<String, Object> point(double lon, double lat) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("type", "Point");
        g.put("coordinates", List.of(lon, lat));
        return g;
    }

    /** The grid cell (column, row) of a position: cells of {@code cellPixels} pixels at the zoom, from lon -180 / lat -90. */
    static long cell(double lon, double lat, int zoom, double cellPixels) {
        double size = degreesPerPixel(zoom) * cellPixels;
        long col = (long) Math.floor((lon + 180) / size);
        long row = (long) Math.floor((lat + 90) / size);
        return col * 4_000_000L + row;
    }

    private Geo() {
    }
}
