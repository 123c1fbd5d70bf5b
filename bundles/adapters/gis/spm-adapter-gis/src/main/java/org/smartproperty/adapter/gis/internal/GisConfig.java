package org.smartproperty.adapter.gis.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.adapter.gis}: the city's "one map" WMTS base map (INT-GIS) — where the provider answers,
 * its key, the layers offered to the maps and the tile cache. Changes apply without a restart ({@code @Modified}).
 */
@ObjectClassDefinition(id = "org.smartproperty.adapter.gis", name = "SmartProperty one-map base map (WMTS)")
public @interface GisConfig {

    @AttributeDefinition(description = "Base URL of the provider's WMTS services; a layer is asked at <baseUrl>/<layer>_<set>/wmts "
            + "(Tianditu style; the simulator in development)")
    String baseUrl() default "http://127.0.0.1:8187";

    @AttributeDefinition(name = "tk", description = "The provider's key, added to every request as tk (never sent to a browser)",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String tk() default "";

    @AttributeDefinition(description = "Layers offered to the maps, each <layer>:<matrix set>[:gcj02] — sets c (CGCS2000 lon/lat, "
            + "EPSG:4490) and w (Web Mercator, EPSG:3857); gcj02 marks a layer whose tiles are drawn in GCJ-02")
    String[] layers() default {"vec:w", "cva:w", "img:w", "cia:w", "vec:c", "cva:c", "img:c", "cia:c"};

    @AttributeDefinition(description = "The base layer the maps show first")
    String defaultLayer() default "vec";

    @AttributeDefinition(description = "Attribution shown on the maps")
    String attribution() default "© 珠海市一张图 / 天地图";

    @AttributeDefinition(description = "Lowest and highest tile matrix (zoom level) served", min = "1", max = "20")
    int minZoom() default 1;

    @AttributeDefinition(description = "Highest tile matrix (zoom level) served", min = "1", max = "20")
    int maxZoom() default 18;

    @AttributeDefinition(description = "Area served in detail, lon/lat west,south,east,north (Zhuhai with its islands); from level "
            + "extentFromZoom on, tiles outside it answer 400, so the public proxy cannot spend the key's quota on the rest of the world; "
            + "empty = everywhere")
    String extent() default "112.9,21.6,114.5,22.6";

    @AttributeDefinition(description = "First level limited to the extent", min = "1", max = "20")
    int extentFromZoom() default 9;

    @AttributeDefinition(description = "Size bound of the tile cache on disk (least recently used tiles go first), MB", min = "1")
    int cacheMaxMb() default 256;

    @AttributeDefinition(description = "Age after which a cached tile is asked again from the provider, seconds "
            + "(during an outage older tiles are still served, marked stale)", min = "0")
    long cacheMaxAgeSeconds() default 604800;

    @AttributeDefinition(description = "Cache folder; empty = <karaf.data>/gis-tiles")
    String cacheDir() default "";

    @AttributeDefinition(description = "How long browsers may keep a tile, seconds", min = "0")
    int browserMaxAgeSeconds() default 86400;

    @AttributeDefinition(description = "Connect timeout to the provider, milliseconds", min = "100")
    int connectTimeoutMillis() default 2000;

    @AttributeDefinition(description = "Timeout of one tile request to the provider, milliseconds", min = "100")
    int requestTimeoutMillis() default 5000;

    @AttributeDefinition(description = "After the provider failed, serve from the cache without asking it for this long, seconds", min = "0")
    int retryAfterFailureSeconds() default 10;
}
