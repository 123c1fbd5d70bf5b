package org.smartproperty.publishing.internal;

import java.time.Instant;
import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * Optional times as epoch milliseconds in BIGINT columns (CONTRIBUTING: the platform's {@code InstantConverter}
 * binds a null untyped, which PostgreSQL refuses for a timestamp column; a typed Timestamp converter fails on H2, which answers
 * OffsetDateTime). A BIGINT null is typed on both engines and the order of the values is the order of the times.
 */
@Converter
public class NullableInstantConverter implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant value) {
        return value == null ? null : value.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long value) {
        return value == null ? null : Instant.ofEpochMilli(value);
    }
}
