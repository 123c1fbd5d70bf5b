package org.smartproperty.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void mainlandNumbersAreNormalisedToE164_INT_SMS() {
        assertEquals(Optional.of("+8613812345678"), Phones.normalize("138 1234 5678"));
        assertEquals(Optional.of("+8613812345678"), Phones.normalize("+86 138-1234-5678"));
        assertEquals(Optional.of("+8613812345678"), Phones.normalize("8613812345678"));
        assertEquals(Optional.of("+8613812345678"), Phones.normalize("008613812345678"));
        assertFalse(Phones.isValid("12812345678"));
        assertFalse(Phones.isValid("1381234567"));
        assertFalse(Phones.isValid("+86 0756 1234567"));
    }

    @Test
    void macaoAndHongKongMobiles_ID1() {
        assertEquals(Optional.of("+85361234567"), Phones.normalize("+853 6123 4567"));
        assertFalse(Phones.isValid("+853 2812 3456")); // Macao landline
        assertFalse(Phones.isValid("+853 612345678"));
        assertEquals(Optional.of("+85291234567"), Phones.normalize("+852 9123 4567"));
        assertFalse(Phones.isValid("+852 2123 4567"));
        assertFalse(Phones.isValid("+1 415 555 0100"));
        assertFalse(Phones.isValid(null));
    }

    @Test
    void traditionalTemplatesForMacaoNumbers_INT_SMS() {
        assertEquals(Locale.TRADITIONAL_CHINESE, Phones.smsLocale("+85361234567"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Phones.smsLocale("+8613812345678"));
        assertEquals("13812345678", Phones.aliyunForm("+8613812345678"));
        assertEquals("0085361234567", Phones.aliyunForm("+85361234567"));
        assertTrue(Phones.region("+85291234567") == Phones.Region.HONG_KONG);
    }
}
