package org.smartproperty.estate.rest;

import java.util.Arrays;

import org.smartproperty.platform.Validation;

/** Query-parameter parsing that reports bad values as field errors (400), never as JAX-RS 404s. */
final class Params {

    private Params() {
    }



    /** bbox=minLon,minLat,maxLon,maxLat in CGCS2000 degrees. */
    static double[] bbox(Validation v, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] parts = raw.split(",");
        if (parts.length != 4) {
            v.error("bbox", "bbox.format");
            return null;
        }
        try {
            double[] b = Arrays.stream(parts).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
            if (b[0] > b[2] || b[1] > b[3] || Arrays.stream(b).anyMatch(d -> Double.isNaN(d) || Double.isInfinite(d))) {
                v.error("bbox", "bbox.format");
                return null;
            }
            return b;
        } catch (NumberFormatException e) {
            v.error("bbox", "bbox.format");
            return null;
        }
    }

}
