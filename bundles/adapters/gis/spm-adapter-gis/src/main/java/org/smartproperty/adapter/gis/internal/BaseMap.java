package org.smartproperty.adapter.gis.internal;

import java.util.List;
import java.util.Locale;

/** The base map behind the REST resources (bundle-private): the clients' layer configuration and the caching tile proxy. */
interface BaseMap {

    /** {@code X-SPM-Tile-Source}: provider, cache (fresh) or cache-stale (the provider failed; an older tile). */
    String SOURCE_HEADER = "X-SPM-Tile-Source";

    /** The layer configuration for the clients, titles in {@code locale}; never the key. */
    BaseLayers baseLayers(Locale locale);

    /**
     * One tile through the cache: validated first (400 with every field error), then the fresh cache, then the provider
     * (stored), then during a provider failure the older cached tile; 503 {@code gis.tile.unavailable} when neither.
     */
    Tile tile(String layer, String set, String z, String x, String y);

    /** How long browsers may keep a tile from the provider or the fresh cache. */
    int browserMaxAgeSeconds();

    /** What GET /api/v1/map/base-layers answers. */
    record BaseLayers(String attribution, String defaultLayer, List<Layer> layers) {
    }

    /**
     * One layer in one matrix set: {@code kind} base or annotation ({@code base} names the layer it labels), the
     * projection of its matrix set, the proxy's URL template (WMTS REST: {TileMatrix}/{TileCol}/{TileRow}) and its grid.
     */
    record Layer(String name, String matrixSet, String title, String kind, String base, String projection, boolean gcj02,
                 String format, String url, TileGrids.Grid tileGrid) {
    }

    /** A tile's bytes, content type and where it came from. */
    record Tile(byte[] bytes, String contentType, String source) {
        boolean stale() {
            return "cache-stale".equals(source);
        }
    }
}
