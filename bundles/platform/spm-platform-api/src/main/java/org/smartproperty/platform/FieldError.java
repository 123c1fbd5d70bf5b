package org.smartproperty.platform;

import java.util.List;

/**
 * One invalid field of a request: the JSON path of the field ({@code unitCode},
 * {@code owners[0].idNumber}), a message key from {@code source} and its arguments.
 */
public record FieldError(String field, String code, List<Object> args, Messages source) {

    public FieldError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldError of(Messages source, String field, String code, Object... args) {
        return new FieldError(field, code, args == null ? List.of() : List.of(args), source);
    }
}
