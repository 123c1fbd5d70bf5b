package org.smartproperty.platform.rest;

import java.util.Arrays;
import java.util.Locale;

import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;

/**
 * Query parameters arrive as strings (JAX-RS would turn a bad number into a 404) and are parsed
 * here into values or field errors of the platform bundle, once for every domain (issue 10 item 4).
 * A blank or absent parameter is null.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A positive id; anything else is {@code field.integer}. */
    public static Long optionalId(Validation v, String field, String raw) {
        Long n = optionalLong(v, field, raw);
        if (n != null && n <= 0) {
            v.error(Messages.PLATFORM, field, "field.integer");
            return null;
        }
        return n;
    }

    /** Any whole number (a floor may be negative); anything else is {@code field.integer}. */
    public static Long optionalLong(Validation v, String field, String raw) {
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

    /** An enum constant, case-insensitive; anything else is {@code field.enum} listing the allowed values. */
    public static <E extends Enum<E>> E optionalEnum(Validation v, String field, String raw, Class<E> type) {
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
}
