package org.smartproperty.map.rest;

import org.smartproperty.map.MapMessages;
import org.smartproperty.map.MapQuery;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Validation;

/** The query parameters of the map's layers, parsed into field errors (all at once) before anything is read. */
final class MapParams {

    /** The zoom when the client gives none: single estates, boundaries hardly simplified. */
    static final int DEFAULT_ZOOM = 16;
    private static final int MAX_LENGTH = 200;

    /** {@code bbox=minLon,minLat,maxLon,maxLat} (required, CGCS2000 degrees) and {@code zoom} (0..22, default 16). */
    static MapQuery query(String bbox, String zoom) {
        Validation v = new Validation(MapMessages.TEXTS);
        double[] box = null;
        if (bbox == null || bbox.isBlank()) {
            v.error("bbox", "map.bbox.required");
        } else if (bbox.length() > MAX_LENGTH) {
            v.error("bbox", "map.bbox.format");
        } else {
            String[] parts = bbox.split(",", -1);
            if (parts.length != 4) {
                v.error("bbox", "map.bbox.format");
            } else {
                try {
                    box = new double[4];
                    for (int i = 0; i < 4; i++) {
                        box[i] = Double.parseDouble(parts[i].trim());
                    }
                    if (!(box[0] >= -180 && box[2] <= 180 && box[1] >= -90 && box[3] <= 90 && box[0] < box[2] && box[1] < box[3])) {
                        v.error("bbox", "map.bbox.range");
                    }
                } catch (NumberFormatException e) {
                    v.error("bbox", "map.bbox.format");
                }
            }
        }
        int z = DEFAULT_ZOOM;
        if (zoom != null && !zoom.isBlank()) {
            try {
                z = zoom.length() > 3 ? -1 : Integer.parseInt(zoom.trim());
            } catch (NumberFormatException e) {
                z = -1;
            }
            if (z < MapQuery.MIN_ZOOM || z > MapQuery.MAX_ZOOM) {
                v.error("zoom", "map.zoom.range", MapQuery.MIN_ZOOM, MapQuery.MAX_ZOOM);
            }
        }
        v.throwIfInvalid();
        return new MapQuery(box, z);
    }

    /** A panel or theme name from the path: short lowercase words, else 404 like an unknown one. */
    static String name(String raw, String unknownKey) {
        if (raw == null || raw.length() > 40 || !raw.matches("[a-z-]+")) {
            throw new ApiException(404, unknownKey, MapMessages.TEXTS, null, raw == null ? "" : raw.substring(0, Math.min(40, raw.length())));
        }
        return raw;
    }

    private MapParams() {
    }
}
