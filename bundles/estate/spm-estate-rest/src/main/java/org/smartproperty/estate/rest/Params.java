package org.smartproperty.estate.rest;

import java.util.Arrays;
import java.util.Locale;

import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;

/** Query-parameter parsing that reports bad values as field errors (400), never as JAX-RS 404s. */
final class Params {

    private Params() {
    }

    static Long optionalLong(Validation v, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            v.error(Messages.PLATFORM, field, "field.integer");
            return null;
        }
    }

    static <E extends Enum<E>> E optionalEnum(Validation v, String field, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.error(Messages.PLATFORM, field, "field.enum", String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
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
