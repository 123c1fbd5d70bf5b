package org.smartproperty.sim.gis.internal;

/**
 * The two matrix sets of the Tianditu-style services, levels 1 to 18, 256 px tiles:
 * {@code c} = CGCS2000 lon/lat (EPSG:4490), origin (-180, 90), 2^z × 2^(z-1) tiles, 1.40625 / 2^z degrees a pixel;
 * {@code w} = Web Mercator (EPSG:3857), origin (-20037508.34, 20037508.34), 2^z × 2^z tiles, 156543.03 / 2^z m a pixel.
 */
final class TileMath {

    static final int TILE = 256;
    static final double R = 6378137.0;
    static final double HALF = Math.PI * R; // 20037508.342789244
    /** metres per degree for OGC scale denominators (2πR / 360) */
    static final double METERS_PER_DEGREE = 2 * Math.PI * R / 360;

    private TileMath() {
    }

    static long matrixWidth(String set, int z) {
        return 1L << z;
    }

    static long matrixHeight(String set, int z) {
        return "c".equals(set) ? 1L << (z - 1) : 1L << z;
    }

    /** units (degrees or metres) per pixel */
    static double resolution(String set, int z) {
        return "c".equals(set) ? 1.40625 / (1L << z) : 2 * HALF / TILE / (1L << z);
    }

    /** lon/lat → pixel within the tile (may be outside 0..256) */
    static double[] pixel(String set, int z, long x, long y, double lon, double lat) {
        double res = resolution(set, z);
        if ("c".equals(set)) {
            return new double[] {(lon + 180) / res - x * TILE, (90 - lat) / res - y * TILE};
        }
        double mx = Math.toRadians(lon) * R;
        double my = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * R;
        return new double[] {(mx + HALF) / res - x * TILE, (HALF - my) / res - y * TILE};
    }

    /** the column and row of the tile holding lon/lat */
    static long[] tileOf(String set, int z, double lon, double lat) {
        double[] p = pixel(set, z, 0, 0, lon, lat);
        return new long[] {(long) Math.floor(p[0] / TILE), (long) Math.floor(p[1] / TILE)};
    }

    /** pixel within the tile → lon/lat */
    static double[] lonLat(String set, int z, long x, long y, double px, double py) {
        double res = resolution(set, z);
        if ("c".equals(set)) {
            return new double[] {-180 + (x * TILE + px) * res, 90 - (y * TILE + py) * res};
        }
        double mx = -HALF + (x * TILE + px) * res;
        double my = HALF - (y * TILE + py) * res;
        return new double[] {Math.toDegrees(mx / R), Math.toDegrees(Math.atan(Math.sinh(my / R)))};
    }
}
