package org.smartproperty.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors of one request and throws them together, so the caller sees every
 * problem at once instead of one per round trip.
 */
public final class Validation {

    private final Messages source;
    private final List<FieldError> errors = new ArrayList<>();

    public Validation(Messages source) {
        this.source = source;
    }

    public Validation error(String field, String code, Object... args) {
        errors.add(FieldError.of(source, field, code, args));
        return this;
    }

    /** An error whose text lives in another bundle (e.g. a platform text in a domain validation). */
    public Validation error(Messages textSource, String field, String code, Object... args) {
        errors.add(FieldError.of(textSource, field, code, args));
        return this;
    }

    /** Adds {@code field.required} of the platform bundle when the value is null or blank. */
    public boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(FieldError.of(Messages.PLATFORM, field, "field.required"));
            return false;
        }
        return true;
    }

    public boolean maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(Messages.PLATFORM, field, "field.tooLong", max));
            return false;
        }
        return true;
    }

    public boolean range(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            errors.add(FieldError.of(Messages.PLATFORM, field, "field.range", min.toPlainString(), max.toPlainString()));
            return false;
        }
        return true;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 400 {@link ApiException} carrying all errors collected so far, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
