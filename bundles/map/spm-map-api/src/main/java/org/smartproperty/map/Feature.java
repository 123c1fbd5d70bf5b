package org.smartproperty.map;

import java.util.Map;

/**
 * A GeoJSON Feature (RFC 7946 §3.2): {@code type} is always "Feature"; {@code geometry} a GeoJSON geometry object with
 * [lon, lat] positions in CGCS2000 (EPSG:4490) as stored. {@code properties.kind} says what it is: {@code point} (an estate's
 * location), {@code boundary} (its outline, simplified by zoom) or {@code cluster} (several estates of one grid cell at a low
 * zoom, {@code properties.count}).
 */
public record Feature(String type, String id, Map<String, Object> geometry, Map<String, Object> properties) {

    public static Feature of(String id, Map<String, Object> geometry, Map<String, Object> properties) {
        return new Feature("Feature", id, geometry, properties);
    }
}
