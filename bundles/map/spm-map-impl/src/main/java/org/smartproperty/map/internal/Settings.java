package org.smartproperty.map.internal;

/** The settings in force (from {@link MapConfig}; defaults where a value is out of range). */
record Settings(int clusterBelowZoom, int cellPixels, double simplifyPixels, int layerMaxEstates, int themeMaxEstates) {

    static final Settings DEFAULTS = new Settings(13, 80, 1.0, 100000, 2000);

    static Settings of(MapConfig c) {
        return new Settings(
                c.cluster_belowZoom() >= 0 && c.cluster_belowZoom() <= 22 ? c.cluster_belowZoom() : DEFAULTS.clusterBelowZoom,
                c.cluster_cellPixels() >= 16 && c.cluster_cellPixels() <= 512 ? c.cluster_cellPixels() : DEFAULTS.cellPixels,
                c.simplify_pixels() >= 0 && c.simplify_pixels() <= 20 ? c.simplify_pixels() : DEFAULTS.simplifyPixels,
                c.layer_maxEstates() >= 200 && c.layer_maxEstates() <= 200000 ? c.layer_maxEstates() : DEFAULTS.layerMaxEstates,
                c.theme_maxEstates() >= 10 && c.theme_maxEstates() <= 10000 ? c.theme_maxEstates() : DEFAULTS.themeMaxEstates);
    }
}
