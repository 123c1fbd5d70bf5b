package org.smartproperty.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rule ID-1: every identity-document type has its own format; never assume an 18-digit ID. */
class IdDocumentsTest {

    /** A mainland ID with a correct ISO 7064 MOD 11-2 check digit. */
    static String cnId(String first17) {
        return first17 + IdDocuments.cnCheckDigit(first17);
    }

    /** A wrong check character for the given first 17 digits. */
    static String cnIdWithWrongCheck(String first17) {
        char right = IdDocuments.cnCheckDigit(first17);
        return first17 + (right == '0' ? '1' : '0');
    }

    /** HKID check character computed with the published algorithm (independent of IdDocuments.hkId). */
    static String hkId(String prefix, String sixDigits) {
        String body = (prefix.length() == 1 ? " " + prefix : prefix) + sixDigits;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body.charAt(i);
            int v = ch == ' ' ? 36 : Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * (9 - i);
        }
        int check = (11 - sum % 11) % 11;
        return prefix + sixDigits + "(" + (check == 10 ? "A" : String.valueOf(check)) + ")";
    }

    @Test
    void checkDigitOfKnownMainlandIdIsComputed_ID1() {
        // GB 11643 sample: 11010519491231002X
        assertEquals('X', IdDocuments.cnCheckDigit("11010519491231002"));
        assertNull(IdDocuments.violation(IdType.CN_RESIDENT_ID, "11010519491231002X"));
    }

    @Test
    void mainlandIdWithCorrectCheckDigitIsValid_ID1() {
        assertNull(IdDocuments.violation(IdType.CN_RESIDENT_ID, cnId("44040219900101123")));
        assertNull(IdDocuments.violation(IdType.CN_RESIDENT_ID, cnId("44040420001231004")));
    }

    @Test
    void mainlandIdWithLowercaseXIsNormalized_ID1() {
        assertNull(IdDocuments.violation(IdType.CN_RESIDENT_ID, "11010519491231002x"));
    }

    @Test
    void mainlandIdWithWrongCheckDigitNamesTheCheckRule_ID1() {
        assertEquals("idNumber.cnCheck", IdDocuments.violation(IdType.CN_RESIDENT_ID, cnIdWithWrongCheck("44040219900101123")));
    }

    @Test
    void mainlandIdWithImpossibleBirthDateNamesTheBirthRule_ID1() {
        assertEquals("idNumber.cnBirth", IdDocuments.violation(IdType.CN_RESIDENT_ID, cnId("44040219900230123")));
        assertEquals("idNumber.cnBirth", IdDocuments.violation(IdType.CN_RESIDENT_ID, cnId("44040219901301123")));
        assertEquals("idNumber.cnBirth", IdDocuments.violation(IdType.CN_RESIDENT_ID, cnId("44040218991231123")));
        assertEquals("idNumber.cnBirth", IdDocuments.violation(IdType.CN_RESIDENT_ID, cnId("44040229991231123")));
    }

    @Test
    void mainlandIdWithWrongLengthOrLettersNamesTheFormatRule_ID1() {
        assertEquals("idNumber.cnFormat", IdDocuments.violation(IdType.CN_RESIDENT_ID, "44040219900101123"));
        assertEquals("idNumber.cnFormat", IdDocuments.violation(IdType.CN_RESIDENT_ID, "4404021990010112345"));
        assertEquals("idNumber.cnFormat", IdDocuments.violation(IdType.CN_RESIDENT_ID, "44040219900101A234"));
        // old 15-digit IDs are not accepted: never assume one format, but this one has expired
        assertEquals("idNumber.cnFormat", IdDocuments.violation(IdType.CN_RESIDENT_ID, "440402900101123"));
    }

    @Test
    void hkMacaoTaiwanAreaCodesAreResidencePermitsOnly_ID1() {
        for (String area : new String[] {"810000", "820000", "830000"}) {
            String id = cnId(area + "19850615123");
            assertNull(IdDocuments.violation(IdType.RESIDENCE_PERMIT, id), id);
            assertEquals("idNumber.cnArea", IdDocuments.violation(IdType.CN_RESIDENT_ID, id), id);
        }
    }

    @Test
    void residentIdWithAnyArea81To83PrefixIsRejected_ID1() {
        // no mainland county code starts with 81/82/83 (GB/T 2260: Hong Kong, Macao, Taiwan)
        assertEquals("idNumber.cnArea", IdDocuments.violation(IdType.CN_RESIDENT_ID, cnId("82010119850615123")));
        assertEquals("idNumber.cnArea", IdDocuments.violation(IdType.CN_RESIDENT_ID, cnId("81123419850615123")));
    }

    @Test
    void residencePermitWithMainlandAreaNamesThePermitAreaRule_ID1() {
        assertEquals("idNumber.permitArea", IdDocuments.violation(IdType.RESIDENCE_PERMIT, cnId("44040219900101123")));
        assertEquals("idNumber.permitArea", IdDocuments.violation(IdType.RESIDENCE_PERMIT, cnId("82010119850615123")));
    }

    @Test
    void residencePermitWithWrongCheckDigitNamesTheCheckRule_ID1() {
        assertEquals("idNumber.cnCheck", IdDocuments.violation(IdType.RESIDENCE_PERMIT, cnIdWithWrongCheck("82000019850615123")));
    }

    @Test
    void macaoResidentIdWithBracketedCheckDigitIsAccepted_ID1() {
        assertNull(IdDocuments.violation(IdType.MO_RESIDENT_ID, "1234567(8)"));
        assertNull(IdDocuments.violation(IdType.MO_RESIDENT_ID, "5215299(8)"));
        assertNull(IdDocuments.violation(IdType.MO_RESIDENT_ID, "7123456（3）"));
        assertNull(IdDocuments.violation(IdType.MO_RESIDENT_ID, "12345678"));
        assertEquals("12345678", IdDocuments.normalize("1234567(8)"));
    }

    @Test
    void macaoResidentIdWithWrongFirstDigitOrLengthIsRejected_ID1() {
        assertEquals("idNumber.moResident", IdDocuments.violation(IdType.MO_RESIDENT_ID, "2234567(8)"));
        assertEquals("idNumber.moResident", IdDocuments.violation(IdType.MO_RESIDENT_ID, "123456(7)"));
        assertEquals("idNumber.moResident", IdDocuments.violation(IdType.MO_RESIDENT_ID, cnId("44040219900101123")));
    }

    @Test
    void hongKongIdWithCorrectCheckDigitIsAccepted_ID1() {
        assertEquals("A123456(3)", hkId("A", "123456"));
        assertNull(IdDocuments.violation(IdType.HK_RESIDENT_ID, "A123456(3)"));
        assertNull(IdDocuments.violation(IdType.HK_RESIDENT_ID, hkId("Z", "683365")));
        assertNull(IdDocuments.violation(IdType.HK_RESIDENT_ID, hkId("XA", "123456")));
        assertNull(IdDocuments.violation(IdType.HK_RESIDENT_ID, "a123456 (3)"));
    }

    @Test
    void hongKongIdWithCheckCharacterAIsAccepted_ID1() {
        // find a number whose check character is A (value 10)
        String withA = null;
        for (int i = 0; i < 1000 && withA == null; i++) {
            String id = hkId("C", String.format("%06d", 668000 + i));
            if (id.endsWith("(A)")) {
                withA = id;
            }
        }
        assertTrue(withA != null);
        assertNull(IdDocuments.violation(IdType.HK_RESIDENT_ID, withA), withA);
    }

    @Test
    void hongKongIdWithWrongCheckDigitIsRejected_ID1() {
        assertEquals("idNumber.hkResident", IdDocuments.violation(IdType.HK_RESIDENT_ID, "A123456(4)"));
        assertEquals("idNumber.hkResident", IdDocuments.violation(IdType.HK_RESIDENT_ID, "A12345(6)"));
        assertEquals("idNumber.hkResident", IdDocuments.violation(IdType.HK_RESIDENT_ID, "1234567(8)"));
    }

    @Test
    void travelPermitIsHOrMWithEightOrTenDigits_ID1() {
        assertNull(IdDocuments.violation(IdType.HKMO_TRAVEL_PERMIT, "M12345678"));
        assertNull(IdDocuments.violation(IdType.HKMO_TRAVEL_PERMIT, "H12345678"));
        assertNull(IdDocuments.violation(IdType.HKMO_TRAVEL_PERMIT, "m1234567890"));
        assertNull(IdDocuments.violation(IdType.HKMO_TRAVEL_PERMIT, "H1234567890"));
    }

    @Test
    void travelPermitWithOtherLetterOrLengthIsRejected_ID1() {
        assertEquals("idNumber.hkmoPermit", IdDocuments.violation(IdType.HKMO_TRAVEL_PERMIT, "A12345678"));
        assertEquals("idNumber.hkmoPermit", IdDocuments.violation(IdType.HKMO_TRAVEL_PERMIT, "M1234567"));
        assertEquals("idNumber.hkmoPermit", IdDocuments.violation(IdType.HKMO_TRAVEL_PERMIT, "M123456789"));
        assertEquals("idNumber.hkmoPermit", IdDocuments.violation(IdType.HKMO_TRAVEL_PERMIT, "12345678"));
    }

    @Test
    void taiwanPermitHasEightOrTenDigits_ID1() {
        assertNull(IdDocuments.violation(IdType.TW_TRAVEL_PERMIT, "12345678"));
        assertNull(IdDocuments.violation(IdType.TW_TRAVEL_PERMIT, "1234567890"));
        assertEquals("idNumber.twPermit", IdDocuments.violation(IdType.TW_TRAVEL_PERMIT, "123456789"));
        assertEquals("idNumber.twPermit", IdDocuments.violation(IdType.TW_TRAVEL_PERMIT, "T12345678"));
    }

    @Test
    void passportIsFiveToSeventeenLettersOrDigits_ID1() {
        assertNull(IdDocuments.violation(IdType.PASSPORT, "E12345678"));
        assertNull(IdDocuments.violation(IdType.PASSPORT, "k1234567"));
        assertNull(IdDocuments.violation(IdType.PASSPORT, "AB123"));
        assertEquals("idNumber.passport", IdDocuments.violation(IdType.PASSPORT, "AB12"));
        assertEquals("idNumber.passport", IdDocuments.violation(IdType.PASSPORT, "A".repeat(18)));
        assertEquals("idNumber.passport", IdDocuments.violation(IdType.PASSPORT, "E1234#678"));
    }

    @Test
    void missingTypeOrNumberNamesTheRequiredRule_ID1() {
        assertEquals("idType.required", IdDocuments.violation(null, "M12345678"));
        assertEquals("idNumber.required", IdDocuments.violation(IdType.PASSPORT, null));
        assertEquals("idNumber.required", IdDocuments.violation(IdType.PASSPORT, " ( ) "));
    }

    @Test
    void aValidNumberOfOneTypeIsNotAutomaticallyValidForAnother_ID1() {
        String mainland = cnId("44040219900101123");
        assertFalse(IdDocuments.violation(IdType.HKMO_TRAVEL_PERMIT, mainland) == null);
        assertFalse(IdDocuments.violation(IdType.HK_RESIDENT_ID, mainland) == null);
        assertEquals("idNumber.passport", IdDocuments.violation(IdType.PASSPORT, mainland), "18 characters exceed a passport number");
    }
}
