package org.smartproperty.inspection.internal;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * A yes/no column as SMALLINT 0/1: EclipseLink binds a boolean in a JPQL comparison as an integer on H2, which H2 2.x
 * refuses to compare with a BOOLEAN column; with SMALLINT the same queries run on PostgreSQL and H2.
 */
@Converter
public class Flag implements AttributeConverter<Boolean, Integer> {

    @Override
    public Integer convertToDatabaseColumn(Boolean value) {
        return value != null && value ? 1 : 0;
    }

    @Override
    public Boolean convertToEntityAttribute(Integer value) {
        return value != null && value != 0;
    }
}
