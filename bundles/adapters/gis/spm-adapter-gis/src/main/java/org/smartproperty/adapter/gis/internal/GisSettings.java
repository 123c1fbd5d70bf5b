package org.smartproperty.adapter.gis.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parsed configuration of {@link GisConfig}. The key stays in {@link #tk()}: nothing that leaves the node
 * (base-layers answer, health details, logs, problems) reads it.
 */
record GisSettings(String baseUrl, String tk, List<LayerSpec> layers, String defaultLayer, String attribution, int minZoom,
                   int maxZoom, double[] extent, int extentFromZoom, long cacheMaxBytes, Duration cacheMaxAge, Path cacheDir, int browserMaxAgeSeconds,
                   Duration connectTimeout, Duration requestTimeout, Duration retryAfterFailure) {

    /** Tianditu's annotation layers and the base layer each one labels. */
    static final Map<String, String> ANNOTATES = Map.of("cva", "vec", "cia", "img", "cta", "ter", "eva", "vec", "eia", "img");
    static final List<String> SETS = List.of("c", "w");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,15}");

    /** One configured layer in one matrix set. */
    record LayerSpec(String name, String set, boolean gcj02) {
        boolean annotation() {
            return ANNOTATES.containsKey(name);
        }
    }

    GisSettings {
        layers = List.copyOf(layers);
    }

    static GisSettings of(GisConfig c, Path defaultCacheDir) {
        String base = c.baseUrl() == null ? "" : c.baseUrl().trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + c.baseUrl());
        }
        int min = Math.max(1, Math.min(20, c.minZoom()));
        int max = Math.max(min, Math.min(20, c.maxZoom()));
        String dir = c.cacheDir() == null ? "" : c.cacheDir().trim();
        return new GisSettings(base, c.tk() == null ? "" : c.tk().trim(), parseLayers(c.layers()),
                c.defaultLayer() == null ? "" : c.defaultLayer().trim(), c.attribution() == null ? "" : c.attribution().trim(), min, max,
                parseExtent(c.extent()), Math.max(1, c.extentFromZoom()),
                Math.max(1, (long) c.cacheMaxMb()) * 1024 * 1024, Duration.ofSeconds(Math.max(0, c.cacheMaxAgeSeconds())),
                dir.isEmpty() ? defaultCacheDir : Path.of(dir), Math.max(0, c.browserMaxAgeSeconds()),
                Duration.ofMillis(Math.max(100, c.connectTimeoutMillis())), Duration.ofMillis(Math.max(100, c.requestTimeoutMillis())),
                Duration.ofSeconds(Math.max(0, c.retryAfterFailureSeconds())));
    }

    /** {@code vec:w}, {@code img:c:gcj02}; a malformed entry, an unknown set or a duplicate is an error naming it. */
    static List<LayerSpec> parseLayers(String[] entries) {
        Map<String, LayerSpec> out = new LinkedHashMap<>();
        for (String raw : entries == null ? new String[0] : entries) {
            String e = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            String[] p = e.split(":");
            if (p.length < 2 || p.length > 3 || !NAME.matcher(p[0]).matches() || !SETS.contains(p[1]) || p.length == 3 && !p[2].equals("gcj02")) {
                throw new IllegalArgumentException("layers: '" + raw + "' is not <layer>:<c|w>[:gcj02]");
            }
            if (out.putIfAbsent(p[0] + ":" + p[1], new LayerSpec(p[0], p[1], p.length == 3)) != null) {
                throw new IllegalArgumentException("layers: " + p[0] + ":" + p[1] + " is listed twice");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("layers: at least one layer");
        }
        return new ArrayList<>(out.values());
    }

    /** {@code west,south,east,north} in degrees, or null (empty: no limit). */
    static double[] parseExtent(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] p = raw.split(",");
        try {
            if (p.length == 4) {
                double[] e = new double[4];
                for (int i = 0; i < 4; i++) {
                    e[i] = Double.parseDouble(p[i].trim());
                }
                if (e[0] < e[2] && e[1] < e[3] && e[0] >= -180 && e[2] <= 180 && e[1] >= -90 && e[3] <= 90) {
                    return e;
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("extent: '" + raw + "' is not west,south,east,north in degrees");
    }

    /** Whether tile z/x/y of {@code set} may be served: below extentFromZoom always, else when it meets the extent. */
    boolean inExtent(String set, int z, long x, long y) {
        if (extent == null || z < extentFromZoom) {
            return true;
        }
        double[] b = TileGrids.lonLatBounds(set, z, x, y);
        return b[0] < extent[2] && b[2] > extent[0] && b[1] < extent[3] && b[3] > extent[1];
    }

    LayerSpec layer(String name, String set) {
        for (LayerSpec l : layers) {
            if (l.name().equals(name) && l.set().equals(set)) {
                return l;
            }
        }
        return null;
    }

    boolean hasLayer(String name) {
        return layers.stream().anyMatch(l -> l.name().equals(name));
    }
}
