package org.smartproperty.adapter.gis.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The Tianditu-style matrix sets, 256 px tiles, matrix identifiers = the level: {@code c} = CGCS2000 lon/lat (EPSG:4490),
 * origin (-180, 90), 2^z × 2^(z-1) tiles, 1.40625 / 2^z degrees a pixel; {@code w} = Web Mercator (EPSG:3857), origin
 * (-20037508.34, 20037508.34), 2^z × 2^z tiles, 156543.03 / 2^z m a pixel.
 */
final class TileGrids {

    static final int TILE = 256;
    static final double HALF = Math.PI * 6378137.0;

    private TileGrids() {
    }

    /** The grid of one matrix set for the clients (OpenLayers WMTS tile grid). */
    record Grid(List<Double> origin, List<Double> resolutions, List<String> matrixIds, int tileSize, List<Double> extent) {
    }

    static String projection(String set) {
        return "c".equals(set) ? "EPSG:4490" : "EPSG:3857";
    }

    static long matrixWidth(String set, int z) {
        return 1L << z;
    }

    static long matrixHeight(String set, int z) {
        return "c".equals(set) ? 1L << (z - 1) : 1L << z;
    }

    static double resolution(String set, int z) {
        return "c".equals(set) ? 1.40625 / (1L << z) : 2 * HALF / TILE / (1L << z);
    }

    /** west, south, east, north of tile z/x/y in degrees */
    static double[] lonLatBounds(String set, int z, long x, long y) {
        double span = resolution(set, z) * TILE;
        if ("c".equals(set)) {
            return new double[] {-180 + x * span, 90 - (y + 1) * span, -180 + (x + 1) * span, 90 - y * span};
        }
        double r = 6378137.0;
        double west = Math.toDegrees((-HALF + x * span) / r);
        double east = Math.toDegrees((-HALF + (x + 1) * span) / r);
        double north = Math.toDegrees(Math.atan(Math.sinh((HALF - y * span) / r)));
        double south = Math.toDegrees(Math.atan(Math.sinh((HALF - (y + 1) * span) / r)));
        return new double[] {west, south, east, north};
    }

    static Grid grid(String set, int minZoom, int maxZoom) {
        List<Double> res = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int z = minZoom; z <= maxZoom; z++) {
            res.add(resolution(set, z));
            ids.add(Integer.toString(z));
        }
        boolean c = "c".equals(set);
        return new Grid(c ? List.of(-180.0, 90.0) : List.of(-HALF, HALF), res, ids, TILE,
                c ? List.of(-180.0, -90.0, 180.0, 90.0) : List.of(-HALF, -HALF, HALF, HALF));
    }
}
