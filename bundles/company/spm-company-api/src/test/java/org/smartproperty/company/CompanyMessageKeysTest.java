package org.smartproperty.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Every company message key has a zh-CN and an English text, and both files define the same keys. */
class CompanyMessageKeysTest {

    private static final String BASE = "/org/smartproperty/company/messages";

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CompanyMessageKeysTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothFilesDefineTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load(BASE + ".properties").stringPropertyNames()),
                new TreeSet<>(load(BASE + "_en.properties").stringPropertyNames()));
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
            String zh = CompanyMessages.TEXTS.format(Locale.SIMPLIFIED_CHINESE, key);
            String en = CompanyMessages.TEXTS.format(Locale.ENGLISH, key);
            assertNotEquals(key, zh);
            assertNotEquals(key, en);
            assertNotEquals(zh, en, key);
        }
    }
}
