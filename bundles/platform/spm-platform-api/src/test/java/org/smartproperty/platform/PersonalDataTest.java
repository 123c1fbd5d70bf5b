package org.smartproperty.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Rule ID-2: identity numbers, phones and names are masked in lists and public pages. */
class PersonalDataTest {

    @Test
    void mainlandIdKeepsAreaCodeAndLastFour_ID2() {
        assertEquals("440402********1234", PersonalData.maskIdNumber("440402199001011234"));
    }

    @Test
    void idWithCheckLetterXKeepsLastFour_ID2() {
        assertEquals("440402********123X", PersonalData.maskIdNumber("44040219900101123X"));
    }

    @Test
    void maskedIdNumberHasSameLengthAndHidesBirthDate_ID2() {
        String masked = PersonalData.maskIdNumber("440402199001011234");
        assertEquals(18, masked.length());
        assertFalse(masked.contains("19900101"));
    }

    @Test
    void shortDocumentNumbersKeepFirstAndLastTwo_ID2() {
        // Macao resident ID 1234567(8) normalised to 8 digits; HK travel permit M12345678
        assertEquals("1*****78", PersonalData.maskIdNumber("12345678"));
        assertEquals("M******78", PersonalData.maskIdNumber("M12345678"));
    }

    @Test
    void veryShortNumbersAreFullyMasked_ID2() {
        assertEquals("*****", PersonalData.maskIdNumber("12345"));
    }

    @Test
    void mainlandPhoneKeepsPrefixAndLastFour_ID2() {
        assertEquals("138****5678", PersonalData.maskPhone("13812345678"));
    }

    @Test
    void macaoPhoneWithCountryCodeKeepsCountryCodeAndLastFour_ID2() {
        assertEquals("+853****4567", PersonalData.maskPhone("+85361234567"));
    }

    @Test
    void eightDigitLocalPhoneHidesMiddle_ID2() {
        assertEquals("61**4567", PersonalData.maskPhone("61234567"));
    }

    @Test
    void threeCharacterChineseNameKeepsFirstAndLast_ID2() {
        assertEquals("张*明", PersonalData.maskName("张小明"));
    }

    @Test
    void twoCharacterChineseNameKeepsSurname_ID2() {
        assertEquals("张*", PersonalData.maskName("张三"));
    }

    @Test
    void fourCharacterChineseNameMasksTheMiddle_ID2() {
        assertEquals("欧**华", PersonalData.maskName("欧阳建华"));
    }

    @Test
    void latinNameKeepsInitialOfEachWord_ID2() {
        assertEquals("C*** T** M**", PersonalData.maskName("Chan Tai Man"));
    }

    @Test
    void nullAndEmptyStayAsTheyAre_ID2() {
        assertNull(PersonalData.maskIdNumber(null));
        assertNull(PersonalData.maskPhone(null));
        assertNull(PersonalData.maskName(null));
        assertEquals("", PersonalData.maskIdNumber(""));
        assertEquals("", PersonalData.maskPhone(""));
        assertEquals("", PersonalData.maskName(""));
    }
}
