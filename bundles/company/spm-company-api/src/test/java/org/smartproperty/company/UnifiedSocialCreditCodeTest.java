package org.smartproperty.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * 统一社会信用代码, GB 32100-2015 (SUP-CO-1: the registry key of a property company). Each broken
 * rule names its own message key; both check characters are verified.
 */
class UnifiedSocialCreditCodeTest {

    /**
     * Zhuhai (440400), authority 9 (market regulation), type 1 (enterprise), organisation code
     * MA4W3K2L + its GB 11714 check 9, final check 4. Worked by hand: letters count A=10 … Z=35, so
     * Σ = 22·3 + 10·7 + 4·9 + 32·10 + 3·5 + 20·8 + 2·4 + 21·2 = 717, 717 mod 11 = 2, 11 − 2 = 9.
     */
    static final String HENGQIN = "91440400MA4W3K2L94";
    /** A code published by the Fujian registry (seen in the wild), independent of our own arithmetic. */
    static final String PUBLISHED = "91350100M000100Y43";

    private static String withAt(String code, int pos, char c) {
        return code.substring(0, pos) + c + code.substring(pos + 1);
    }

    @Test
    void knownValidCodesPassBothCheckCharacters_SUP_CO_1() {
        assertEquals(List.of(), UnifiedSocialCreditCode.violations(HENGQIN));
        assertEquals(List.of(), UnifiedSocialCreditCode.violations(PUBLISHED));
        assertEquals('9', UnifiedSocialCreditCode.orgCodeCheckChar("MA4W3K2L"));
        assertEquals('4', UnifiedSocialCreditCode.checkChar(HENGQIN.substring(0, 17)));
        assertEquals('3', UnifiedSocialCreditCode.checkChar(PUBLISHED.substring(0, 17)));
    }

    @Test
    void numericOrganisationCodesAndTheXCheckCharacterAreAccepted() {
        String body = "07987546";
        String org = body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        String code = "91440400" + org;
        assertTrue(UnifiedSocialCreditCode.isValid(code + UnifiedSocialCreditCode.checkChar(code)));
        // an organisation code whose check is X (sum ≡ 1 mod 11)
        String xBody = findBodyWithCheck('X');
        String xCode = "91440400" + xBody + "X";
        assertTrue(UnifiedSocialCreditCode.isValid(xCode + UnifiedSocialCreditCode.checkChar(xCode)), xCode);
    }

    private static String findBodyWithCheck(char check) {
        for (int i = 10000000; ; i++) {
            String body = Integer.toString(i);
            if (UnifiedSocialCreditCode.orgCodeCheckChar(body) == check) {
                return body;
            }
        }
    }

    @Test
    void wrongFinalCheckCharacterNamesTheCheckRule_SUP_CO_1() {
        assertEquals(List.of("creditCode.check"), UnifiedSocialCreditCode.violations(withAt(HENGQIN, 17, '5')));
        assertEquals(List.of("creditCode.check"), UnifiedSocialCreditCode.violations(withAt(PUBLISHED, 17, '0')));
    }

    @Test
    void wrongOrganisationCodeCheckCharacterNamesTheOrgCodeRule() {
        // the final check is recomputed, so only the GB 11714 check is broken
        String broken17 = withAt(HENGQIN, 16, '8').substring(0, 17);
        String code = broken17 + UnifiedSocialCreditCode.checkChar(broken17);
        assertEquals(List.of("creditCode.orgCodeCheck"), UnifiedSocialCreditCode.violations(code));
    }

    @Test
    void typoInTheOrganisationCodeBreaksBothChecks() {
        assertEquals(List.of("creditCode.orgCodeCheck", "creditCode.check"),
                UnifiedSocialCreditCode.violations(withAt(HENGQIN, 9, 'B')));
    }

    @Test
    void missingOrWrongLengthOrForbiddenLettersNameOneRule() {
        assertEquals(List.of("creditCode.required"), UnifiedSocialCreditCode.violations(null));
        assertEquals(List.of("creditCode.required"), UnifiedSocialCreditCode.violations("  "));
        assertEquals(List.of("creditCode.length"), UnifiedSocialCreditCode.violations(HENGQIN.substring(1)));
        assertEquals(List.of("creditCode.length"), UnifiedSocialCreditCode.violations(HENGQIN + "0"));
        assertEquals(List.of("creditCode.charset"), UnifiedSocialCreditCode.violations(withAt(HENGQIN, 9, 'I')));
        assertEquals(List.of("creditCode.charset"), UnifiedSocialCreditCode.violations(withAt(HENGQIN, 9, 'O')));
    }

    @Test
    void authorityTypeAndDivisionSegmentsAreChecked() {
        String badAuthority17 = withAt(HENGQIN, 0, 'B').substring(0, 17);
        assertEquals(List.of("creditCode.authority"),
                UnifiedSocialCreditCode.violations(badAuthority17 + UnifiedSocialCreditCode.checkChar(badAuthority17)));
        String badType17 = withAt(HENGQIN, 1, '0').substring(0, 17);
        assertEquals(List.of("creditCode.orgType"),
                UnifiedSocialCreditCode.violations(badType17 + UnifiedSocialCreditCode.checkChar(badType17)));
        String badDivision17 = withAt(HENGQIN, 4, 'A').substring(0, 17);
        assertEquals(List.of("creditCode.division"),
                UnifiedSocialCreditCode.violations(badDivision17 + UnifiedSocialCreditCode.checkChar(badDivision17)));
    }

    @Test
    void lowercaseAndBlanksAreNormalizedBeforeValidation() {
        assertEquals(HENGQIN, UnifiedSocialCreditCode.normalize(" 9144 0400 ma4w3k2l94 "));
        assertTrue(UnifiedSocialCreditCode.isValid(HENGQIN.toLowerCase()));
        assertFalse(UnifiedSocialCreditCode.isValid("440402199001011234"), "an ID number is not a credit code");
    }
}
