package org.smartproperty.estate;

/**
 * A located estate as the one map's layers need it (MAP-1): no boundary, no counts but the stored house count. Coordinates
 * in CGCS2000 (EPSG:4490) decimal degrees.
 */
public record EstatePoint(long id, String name, String community, Long companyId, String companyName, long houseCount,
                          double longitude, double latitude) {
}
