package org.smartproperty.service.rest;

import java.util.Arrays;
import java.util.Locale;

import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;

/** Query parameters arrive as strings and become field errors, never a JAX-RS 404. */
final class Params {

    private Params() {
    }

    static Long optionalId(Validation v, String field, String raw) {
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
}
