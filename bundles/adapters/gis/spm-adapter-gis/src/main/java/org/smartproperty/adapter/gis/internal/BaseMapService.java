package org.smartproperty.adapter.gis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.Validation;

/**
 * INT-GIS: the city's WMTS base map behind one configuration (PID {@code org.smartproperty.adapter.gis}, applied without
 * a restart). Tiles are asked as {@code <baseUrl>/<layer>_<set>/wmts?SERVICE=WMTS&REQUEST=GetTile&…&tk=<key>} (KVP, as
 * Tianditu), kept in a {@link TileCache} bounded in bytes, asked again after {@code cacheMaxAgeSeconds}; while the
 * provider fails (unreachable, timeout, an error status, the key refused, not an image) older cached tiles are served
 * marked {@code cache-stale} and the provider is left alone for {@code retryAfterFailureSeconds}.
 * The health check {@code gis} says whether the provider answers or the cache serves; it is operational only
 * ({@link #readiness()} false): the platform serves without its base map.
 */
@Component(service = {BaseMap.class, HealthCheck.class}, configurationPid = "org.smartproperty.adapter.gis",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GisConfig.class)
public class BaseMapService implements BaseMap, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(BaseMapService.class);
    static final String PROXY = "/api/v1/map/tiles/";
    private static final int MAX_TILE_BYTES = 4 * 1024 * 1024;
    private static final Duration PROBE_EVERY = Duration.ofSeconds(30);

    private final Clock clock;
    private volatile GisSettings settings;
    private volatile HttpClient http;
    private volatile TileCache cache;

    // provider state (for the health check and the pause after a failure)
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastFailureReason;
    private volatile Instant lastProbe;

    public BaseMapService() {
        this.clock = Clock.systemUTC();
    }

    /** Outside OSGi (tests). */
    BaseMapService(GisSettings settings, Clock clock) {
        this.clock = clock;
        configure(settings);
    }

    @Activate
    @Modified
    void activate(GisConfig config) {
        String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        configure(GisSettings.of(config, Path.of(data, "gis-tiles")));
    }

    private synchronized void configure(GisSettings s) {
        GisSettings old = settings;
        if (old == null || !old.connectTimeout().equals(s.connectTimeout())) {
            http = HttpClient.newBuilder().connectTimeout(s.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        TileCache c = cache;
        if (c == null || !c.dir().equals(s.cacheDir())) {
            cache = new TileCache(s.cacheDir(), s.cacheMaxBytes());
        } else {
            c.maxBytes(s.cacheMaxBytes());
        }
        settings = s;
        // the operator changed something: ask the provider again at once
        lastFailure = null;
        lastFailureReason = null;
        lastProbe = null;
        LOG.info("Base map (INT-GIS): provider {}, {} layers, tile cache {} ({} MB)", s.baseUrl(), s.layers().size(), s.cacheDir(),
                s.cacheMaxBytes() / (1024 * 1024));
    }

    // ------------------------------------------------------------------ base layers

    @Override
    public BaseLayers baseLayers(Locale locale) {
        GisSettings s = settings;
        List<Layer> out = new ArrayList<>();
        String firstBase = null;
        for (GisSettings.LayerSpec l : s.layers()) {
            String key = "gis.layer." + l.name();
            String title = GisTexts.TEXTS.has(key) ? GisTexts.TEXTS.format(locale, key) : l.name();
            boolean annotation = l.annotation();
            if (!annotation && firstBase == null) {
                firstBase = l.name();
            }
            out.add(new Layer(l.name(), l.set(), title, annotation ? "annotation" : "base", annotation ? GisSettings.ANNOTATES.get(l.name()) : null,
                    TileGrids.projection(l.set()), l.gcj02(), "image/png",
                    PROXY + l.name() + "/" + l.set() + "/{TileMatrix}/{TileCol}/{TileRow}", TileGrids.grid(l.set(), s.minZoom(), s.maxZoom())));
        }
        String def = s.defaultLayer();
        boolean known = out.stream().anyMatch(l -> l.name().equals(def) && "base".equals(l.kind()));
        return new BaseLayers(s.attribution(), known ? def : firstBase, out);
    }

    @Override
    public int browserMaxAgeSeconds() {
        return settings.browserMaxAgeSeconds();
    }

    // ------------------------------------------------------------------ tiles

    @Override
    public Tile tile(String layer, String set, String z, String x, String y) {
        GisSettings s = settings;
        Validation v = new Validation(GisTexts.TEXTS);
        GisSettings.LayerSpec spec = null;
        if (layer == null || layer.length() > 16 || !s.hasLayer(layer)) {
            v.error("layer", "gis.layer.unknown");
        } else {
            spec = s.layer(layer, set);
            if (spec == null) {
                v.error("set", "gis.set.unknown");
            }
        }
        Integer level = integer(v, "z", z);
        Integer col = integer(v, "x", x);
        Integer row = integer(v, "y", y);
        if (level != null && (level < s.minZoom() || level > s.maxZoom())) {
            v.error("z", "gis.zoom.range", s.minZoom(), s.maxZoom());
            level = null;
        }
        if (level != null && spec != null) {
            long w = TileGrids.matrixWidth(spec.set(), level);
            long h = TileGrids.matrixHeight(spec.set(), level);
            if (col != null && (col < 0 || col >= w)) {
                v.error("x", "gis.tile.range", w - 1);
            }
            if (row != null && (row < 0 || row >= h)) {
                v.error("y", "gis.tile.range", h - 1);
            }
            if (!v.hasErrors() && col != null && row != null && !s.inExtent(spec.set(), level, col, row)) {
                v.error("x", "gis.tile.outside", s.extentFromZoom());
            }
        }
        v.throwIfInvalid();
        return tile(s, spec, level, col, row);
    }

    private static Integer integer(Validation v, String field, String raw) {
        if (raw != null && raw.length() <= 9 && raw.matches("-?[0-9]+")) {
            return Integer.valueOf(raw);
        }
        v.error(field, "gis.notInteger");
        return null;
    }

    private Tile tile(GisSettings s, GisSettings.LayerSpec spec, int z, int x, int y) {
        String key = spec.name() + "/" + spec.set() + "/" + z + "/" + x + "/" + y;
        TileCache c = cache;
        TileCache.Hit hit = c.get(key);
        Instant now = clock.instant();
        if (hit != null && !hit.fetchedAt().plus(s.cacheMaxAge()).isBefore(now)) {
            return new Tile(hit.bytes(), contentType(hit.bytes()), "cache");
        }
        Instant failed = lastFailure;
        if (failed == null || !failed.plus(s.retryAfterFailure()).isAfter(now)) {
            try {
                byte[] png = fetch(s, spec, z, x, y);
                lastSuccess = clock.instant();
                c.put(key, png, lastSuccess);
                lastFailure = null;
                return new Tile(png, contentType(png), "provider");
            } catch (ProviderFailure f) {
                if (lastFailure == null) {
                    LOG.warn("Base map provider {} failed ({}); serving cached tiles, asking again after {} s", s.baseUrl(), f.getMessage(),
                            s.retryAfterFailure().toSeconds());
                }
                lastFailure = clock.instant();
                lastFailureReason = f.getMessage();
            }
        }
        if (hit != null) {
            return new Tile(hit.bytes(), contentType(hit.bytes()), "cache-stale");
        }
        throw new ApiException(503, "gis.tile.unavailable", GisTexts.TEXTS, null);
    }

    /** Why the provider gave no tile; the message never contains the key. */
    static final class ProviderFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ProviderFailure(String message) {
            super(message, null, false, false);
        }
    }

    static String tileQuery(GisSettings.LayerSpec spec, int z, int x, int y) {
        return "SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + spec.name() + "&STYLE=default&TILEMATRIXSET=" + spec.set()
                + "&FORMAT=tiles&TILEMATRIX=" + z + "&TILEROW=" + y + "&TILECOL=" + x;
    }

    private byte[] fetch(GisSettings s, GisSettings.LayerSpec spec, int z, int x, int y) throws ProviderFailure {
        URI uri = URI.create(s.baseUrl() + "/" + spec.name() + "_" + spec.set() + "/wmts?" + tileQuery(spec, z, x, y) + "&tk="
                + URLEncoder.encode(s.tk(), StandardCharsets.UTF_8));
        HttpResponse<InputStream> r = send(s, uri);
        try (InputStream in = r.body()) {
            int status = r.statusCode();
            if (status == 401 || status == 403) {
                throw new ProviderFailure("key refused (HTTP " + status + ")");
            }
            if (status != 200) {
                throw new ProviderFailure("HTTP " + status);
            }
            byte[] b = in.readNBytes(MAX_TILE_BYTES + 1);
            if (b.length > MAX_TILE_BYTES) {
                throw new ProviderFailure("tile larger than " + MAX_TILE_BYTES + " bytes");
            }
            if (contentType(b) == null) {
                throw new ProviderFailure("not an image (" + r.headers().firstValue("Content-Type").orElse("no content type") + ")");
            }
            return b;
        } catch (IOException e) {
            throw new ProviderFailure("reading the tile failed: " + e.getClass().getSimpleName());
        }
    }

    private HttpResponse<InputStream> send(GisSettings s, URI uri) throws ProviderFailure {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(s.requestTimeout()).header("Accept", "image/png,image/jpeg,*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ProviderFailure("no answer within " + s.requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new ProviderFailure("unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure("interrupted");
        }
    }

    /** image/png or image/jpeg by the first bytes; null for anything else. */
    static String contentType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    // ------------------------------------------------------------------ health

    @Override
    public String name() {
        return "gis";
    }

    /** The platform serves without its base map: operational, see {@link HealthCheck#readiness()}. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        try {
            GisSettings s = settings;
            TileCache c = cache;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("provider", s.baseUrl());
            d.put("cachedTiles", c.tiles());
            d.put("cacheBytes", c.bytes());
            d.put("cacheMaxBytes", c.maxBytes());
            Instant ok = lastSuccess;
            Instant failed = lastFailure;
            Instant now = clock.instant();
            if (ok != null) {
                d.put("lastSuccess", ok.toString());
            }
            Instant contact = failed == null ? ok : ok == null || failed.isAfter(ok) ? failed : ok;
            if (contact == null || contact.plus(PROBE_EVERY).isBefore(now)) {
                Instant probed = lastProbe;
                if (probed == null || probed.plus(PROBE_EVERY).isBefore(now)) {
                    lastProbe = now;
                    probe(s);
                    ok = lastSuccess;
                    failed = lastFailure;
                }
            }
            if (failed != null) {
                d.put("lastFailure", failed.toString());
                d.put("reason", lastFailureReason);
                return HealthResult.down("base-map provider unavailable (" + lastFailureReason + "); serving " + c.tiles() + " cached tiles", d);
            }
            return HealthResult.up("base-map provider answers; " + c.tiles() + " tiles cached", d);
        } catch (RuntimeException e) {
            return HealthResult.down("base map: " + e.getClass().getSimpleName(), Map.of());
        }
    }

    /** GetCapabilities of the first layer (1.5 s at most): records success or failure like a tile. */
    private void probe(GisSettings s) {
        GisSettings.LayerSpec l = s.layers().get(0);
        URI uri = URI.create(s.baseUrl() + "/" + l.name() + "_" + l.set() + "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0&tk="
                + URLEncoder.encode(s.tk(), StandardCharsets.UTF_8));
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(Math.min(1500, s.requestTimeout().toMillis())))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                lastSuccess = clock.instant();
                lastFailure = null;
            } else {
                lastFailure = clock.instant();
                lastFailureReason = r.statusCode() == 401 || r.statusCode() == 403 ? "key refused (HTTP " + r.statusCode() + ")" : "HTTP " + r.statusCode();
            }
        } catch (IOException e) {
            lastFailure = clock.instant();
            lastFailureReason = "unreachable (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
