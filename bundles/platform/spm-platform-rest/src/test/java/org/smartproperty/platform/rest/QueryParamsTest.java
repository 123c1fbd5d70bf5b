package org.smartproperty.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;

/** Issue 10 item 4: query parameters parsed once for every domain, bad values as field errors (never a JAX-RS 404). */
class QueryParamsTest {

    enum Colour { RED, GREEN }

    @Test
    void idsArePositiveNumbersAndAnythingElseIsAFieldError() {
        Validation v = new Validation(Messages.PLATFORM);
        assertEquals(42L, QueryParams.optionalId(v, "estateId", " 42 "));
        assertNull(QueryParams.optionalId(v, "estateId", ""));
        assertNull(QueryParams.optionalId(v, "a", "x"));
        assertNull(QueryParams.optionalId(v, "b", "0"));
        assertNull(QueryParams.optionalId(v, "c", "-3"));
        assertEquals(List.of("a", "b", "c"), v.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of("field.integer"), v.errors().stream().map(FieldError::code).distinct().toList());
    }

    @Test
    void longsMayBeNegativeLikeABasementFloor() {
        Validation v = new Validation(Messages.PLATFORM);
        assertEquals(-2L, QueryParams.optionalLong(v, "floor", "-2"));
        assertEquals(0, v.errors().size());
    }

    @Test
    void enumsAreCaseInsensitiveAndAWrongOneListsTheChoices() {
        Validation v = new Validation(Messages.PLATFORM);
        assertEquals(Colour.GREEN, QueryParams.optionalEnum(v, "colour", "green", Colour.class));
        assertNull(QueryParams.optionalEnum(v, "colour", "blue", Colour.class));
        assertEquals("field.enum", v.errors().get(0).code());
        assertEquals(List.of("RED, GREEN"), v.errors().get(0).args());
    }
}
