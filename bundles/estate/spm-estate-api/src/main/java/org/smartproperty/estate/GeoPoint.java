package org.smartproperty.estate;

/** Longitude/latitude in CGCS2000 (EPSG:4490), decimal degrees. */
public record GeoPoint(Double longitude, Double latitude) {
}
