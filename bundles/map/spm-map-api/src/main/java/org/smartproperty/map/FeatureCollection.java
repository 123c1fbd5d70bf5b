package org.smartproperty.map;

import java.util.List;

/**
 * A GeoJSON FeatureCollection (RFC 7946 §3.3) with foreign members the clients read: the zoom it was made for, whether the
 * estates are clustered, how many estates it covers, and for a thematic layer its {@code theme} and {@code legend}
 * (null on the estates layer).
 */
public record FeatureCollection(String type, List<Feature> features, int zoom, boolean clustered, int estates, String theme,
                                List<LegendClass> legend) {

    public static FeatureCollection of(List<Feature> features, int zoom, boolean clustered, int estates, String theme,
                                       List<LegendClass> legend) {
        return new FeatureCollection("FeatureCollection", List.copyOf(features), zoom, clustered, estates, theme,
                legend == null ? null : List.copyOf(legend));
    }
}
