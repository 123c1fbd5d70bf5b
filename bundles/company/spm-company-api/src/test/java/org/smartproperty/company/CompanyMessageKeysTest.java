package org.smartproperty.company;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every company message key has a zh-CN and an English text, and both files define the same keys. */
class CompanyMessageKeysTest {

    private static final String BASE = "/org/smartproperty/company/messages";

    private static Properties load(String resource) {
        return MessageKeys.load(CompanyMessageKeysTest.class, resource);
    }

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(CompanyMessageKeysTest.class, BASE);
    }

    @Test
    void everyCreditCodeRuleKeyResolvesInBothLanguages_SUP_CO_1() {
        Set<String> keys = new TreeSet<>();
        keys.addAll(UnifiedSocialCreditCode.violations(null));
        keys.addAll(UnifiedSocialCreditCode.violations("1"));
        keys.addAll(UnifiedSocialCreditCode.violations("91440400MA4W3K2LI4"));
        keys.addAll(UnifiedSocialCreditCode.violations("B0A40400MA4W3K2L84"));
        assertEquals(Set.of("creditCode.required", "creditCode.length", "creditCode.charset", "creditCode.authority",
                "creditCode.orgType", "creditCode.division", "creditCode.orgCodeCheck", "creditCode.check"), keys);
        for (String key : keys) {
            MessageKeys.assertTranslated(key, CompanyMessages.TEXTS::format);
        }
    }
}
