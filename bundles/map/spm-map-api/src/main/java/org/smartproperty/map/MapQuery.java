package org.smartproperty.map;

/**
 * What part of the map a layer request covers.
 *
 * @param bbox minLon, minLat, maxLon, maxLat in CGCS2000 (EPSG:4490) decimal degrees
 * @param zoom the web-map zoom level (0..22: one 256-pixel tile spans 360° / 2^zoom of longitude); decides clustering and
 *             how far boundaries are simplified
 */
public record MapQuery(double[] bbox, int zoom) {

    public static final int MIN_ZOOM = 0;
    public static final int MAX_ZOOM = 22;

    public MapQuery {
        bbox = bbox == null ? null : bbox.clone();
    }

    @Override
    public double[] bbox() {
        return bbox == null ? null : bbox.clone();
    }
}
