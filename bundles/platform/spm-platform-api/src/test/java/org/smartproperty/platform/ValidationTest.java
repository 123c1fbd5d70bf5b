package org.smartproperty.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Validation collects every field error of a request and throws them together as one 400. */
class ValidationTest {

    private static final Messages DOMAIN = Messages.of(ValidationTest.class, "org.smartproperty.platform.messages");

    @Test
    void noErrorsMeansNoException() {
        Validation v = new Validation(DOMAIN);
        assertTrue(v.required("name", "横琴"));
        assertTrue(v.maxLength("name", "横琴", 10));
        assertTrue(v.range("fee", new BigDecimal("2.5"), BigDecimal.ZERO, BigDecimal.TEN));
        assertFalse(v.hasErrors());
        assertDoesNotThrow(v::throwIfInvalid);
    }

    @Test
    void requiredRejectsNullAndBlankWithPlatformKey() {
        Validation v = new Validation(DOMAIN);
        assertFalse(v.required("name", null));
        assertFalse(v.required("address", "  "));
        assertTrue(v.required("count", 0));
        assertEquals(List.of("name", "address"), v.errors().stream().map(FieldError::field).toList());
        v.errors().forEach(e -> {
            assertEquals("field.required", e.code());
            assertSame(Messages.PLATFORM, e.source());
        });
    }

    @Test
    void maxLengthCarriesTheLimitAsArgument() {
        Validation v = new Validation(DOMAIN);
        assertTrue(v.maxLength("name", null, 3));
        assertTrue(v.maxLength("name", "abc", 3));
        assertFalse(v.maxLength("name", "abcd", 3));
        FieldError e = v.errors().get(0);
        assertEquals("field.tooLong", e.code());
        assertEquals(List.of(3), e.args());
    }

    @Test
    void rangeIncludesBothBoundsAndReportsThemAsPlainStrings() {
        Validation v = new Validation(DOMAIN);
        BigDecimal min = new BigDecimal("0.01");
        BigDecimal max = new BigDecimal("1E+2");
        assertTrue(v.range("share", min, min, max));
        assertTrue(v.range("share", new BigDecimal("100"), min, max));
        assertTrue(v.range("share", null, min, max));
        assertFalse(v.range("share", new BigDecimal("100.01"), min, max));
        assertFalse(v.range("share", BigDecimal.ZERO, min, max));
        assertEquals(2, v.errors().size());
        assertEquals(List.of("0.01", "100"), v.errors().get(0).args());
    }

    @Test
    void customErrorsUseTheDomainSource() {
        Validation v = new Validation(DOMAIN).error("unitCode", "some.key", "X");
        FieldError e = v.errors().get(0);
        assertSame(DOMAIN, e.source());
        assertEquals(List.of("X"), e.args());
    }

    @Test
    void throwIfInvalidThrowsOne400WithAllErrorsInOrder() {
        Validation v = new Validation(DOMAIN);
        v.required("name", null);
        v.maxLength("address", "x".repeat(300), 255);
        v.error("unitCode", "unitCode.length");
        ApiException e = assertThrows(ApiException.class, v::throwIfInvalid);
        assertEquals(400, e.status());
        assertEquals("problem.validation", e.code());
        assertEquals(List.of("name", "address", "unitCode"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void errorsListIsASnapshot() {
        Validation v = new Validation(DOMAIN);
        v.required("a", null);
        List<FieldError> snapshot = v.errors();
        v.required("b", null);
        assertEquals(1, snapshot.size());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.add(null));
    }
}
