package org.smartproperty.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * 不动产单元号 (DOMAIN-RULES "Real-estate registration", rule ID-1 context): 28 characters,
 * 6 county + 3 cadastral district + 3 sub-district + G/J/Z + letter + 5 parcel digits +
 * F/L/Q/W + 8 unit digits. Each broken segment names its own rule.
 */
class UnitCodeTest {

    /** Hengqin: county 440402, district 104, sub-district 001, state land GB, parcel 00001, house F, unit 00010001. */
    static final String VALID = "440402104001GB00001F00010001";

    /** Replaces the characters at {@code pos} of the valid code. */
    private static String withAt(int pos, String replacement) {
        return VALID.substring(0, pos) + replacement + VALID.substring(pos + replacement.length());
    }

    @Test
    void fixtureCodeHasTwentyEightCharacters() {
        assertEquals(28, VALID.length());
        assertEquals(UnitCode.LENGTH, VALID.length());
    }

    @Test
    void wellFormedHengqinCodeIsValid() {
        assertTrue(UnitCode.isValid(VALID));
        assertEquals(List.of(), UnitCode.violations(VALID));
    }

    @Test
    void everyOwnershipAndStructureCodeIsAccepted() {
        for (String ownership : List.of("G", "J", "Z")) {
            for (String structure : List.of("F", "L", "Q", "W")) {
                String code = withAt(19, structure).substring(0, 12) + ownership + withAt(19, structure).substring(13);
                assertTrue(UnitCode.isValid(code), code);
            }
        }
    }

    @Test
    void lowercaseAndBlanksAreNormalizedBeforeValidation() {
        String sloppy = " 440402 104001 gb00001 f00010001 ";
        assertEquals(VALID, UnitCode.normalize(sloppy));
        assertTrue(UnitCode.isValid(sloppy));
        assertTrue(UnitCode.isValid(VALID.toLowerCase()));
    }

    @Test
    void missingUnitCodeIsRequired() {
        assertEquals(List.of("unitCode.required"), UnitCode.violations(null));
        assertEquals(List.of("unitCode.required"), UnitCode.violations("   "));
    }

    @Test
    void unitCodeWithWrongLengthNamesOnlyTheLengthRule() {
        assertEquals(List.of("unitCode.length"), UnitCode.violations(VALID.substring(0, 27)));
        assertEquals(List.of("unitCode.length"), UnitCode.violations(VALID + "1"));
        // an 18-digit ID number pasted into the field is not a unit code
        assertEquals(List.of("unitCode.length"), UnitCode.violations("440402199001011234"));
    }

    @Test
    void unitCodeWithLettersInCountyNamesTheCountyRule() {
        assertEquals(List.of("unitCode.county"), UnitCode.violations(withAt(0, "A")));
    }

    @Test
    void unitCodeWithLettersInCadastralDistrictNamesTheDistrictRule() {
        assertEquals(List.of("unitCode.district"), UnitCode.violations(withAt(6, "X")));
        assertEquals(List.of("unitCode.district"), UnitCode.violations(withAt(11, "X")));
    }

    @Test
    void unitCodeWithWrongLandOwnershipNamesTheOwnershipRule() {
        assertEquals(List.of("unitCode.ownership"), UnitCode.violations(withAt(12, "X")));
        assertEquals(List.of("unitCode.ownership"), UnitCode.violations(withAt(12, "1")));
    }

    @Test
    void unitCodeWithDigitAsParcelFeatureNamesTheParcelKindRule() {
        assertEquals(List.of("unitCode.parcelKind"), UnitCode.violations(withAt(13, "9")));
    }

    @Test
    void unitCodeWithLettersInParcelNumberNamesTheParcelNumberRule() {
        assertEquals(List.of("unitCode.parcelNumber"), UnitCode.violations(withAt(14, "A")));
        assertEquals(List.of("unitCode.parcelNumber"), UnitCode.violations(withAt(18, "A")));
    }

    @Test
    void unitCodeWithWrongStructureCodeNamesTheStructureRule_ID1() {
        assertEquals(List.of("unitCode.structure"), UnitCode.violations(withAt(19, "X")));
        assertEquals(List.of("unitCode.structure"), UnitCode.violations(withAt(19, "0")));
    }

    @Test
    void unitCodeWithLettersInUnitNumberNamesTheUnitNumberRule() {
        assertEquals(List.of("unitCode.unitNumber"), UnitCode.violations(withAt(20, "A")));
        assertEquals(List.of("unitCode.unitNumber"), UnitCode.violations(withAt(27, "A")));
    }

    @Test
    void everyBrokenSegmentIsReportedAtOnceInOrder() {
        String broken = "ABCDEFGHIJKL12XYZZZ9ABCDEFGH";
        assertEquals(28, broken.length());
        assertEquals(List.of("unitCode.county", "unitCode.district", "unitCode.ownership", "unitCode.parcelKind",
                "unitCode.parcelNumber", "unitCode.structure", "unitCode.unitNumber"), UnitCode.violations(broken));
    }

    @Test
    void parcelCodeIsTheFirstNineteenCharacters() {
        assertEquals("440402104001GB00001", UnitCode.parcelCode(VALID));
        assertEquals("440402104001GB00001", UnitCode.parcelCode(VALID.toLowerCase()));
    }

    @Test
    void fullWidthDigitsAreNotAccepted() {
        assertFalse(UnitCode.isValid(withAt(0, "４")));
    }
}
