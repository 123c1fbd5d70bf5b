package org.smartproperty.developer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every developer message key has a zh-CN, English, zh-TW and Portuguese text, and all files define the same keys. */
class DeveloperMessageKeysTest {

    private static final String BASE = "/org/smartproperty/developer/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(DeveloperMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(DeveloperMessageKeysTest.class, BASE, (locale, key) -> DeveloperMessages.TEXTS.format(locale, key, "x"));
    }

    /** zh-TW and pt (added to every bundle on another branch): same keys, real translations (not the zh-CN or English text). */
    @Test
    void traditionalChineseAndPortugueseHaveEveryKeyTranslated() {
        Set<String> keys = new TreeSet<>(MessageKeys.load(DeveloperMessageKeysTest.class, BASE + ".properties").stringPropertyNames());
        var zh = MessageKeys.load(DeveloperMessageKeysTest.class, BASE + ".properties");
        var en = MessageKeys.load(DeveloperMessageKeysTest.class, BASE + "_en.properties");
        for (String lang : new String[] {"_zh_TW", "_pt"}) {
            var p = MessageKeys.load(DeveloperMessageKeysTest.class, BASE + lang + ".properties");
            assertEquals(keys, new TreeSet<>(p.stringPropertyNames()), lang);
            for (String k : keys) {
                assertNotEquals(zh.getProperty(k), p.getProperty(k), lang + " " + k);
                assertNotEquals(en.getProperty(k), p.getProperty(k), lang + " " + k);
            }
        }
        assertEquals("開發建設單位", DeveloperMessages.TEXTS.format(Locale.TRADITIONAL_CHINESE, "objects.developer"));
    }

    /** The keys UnifiedSocialCreditCode.violations answers (company API) all have texts here. */
    @Test
    void everyCreditCodeRuleHasAText() {
        for (String k : new String[] {"creditCode.required", "creditCode.length", "creditCode.charset", "creditCode.authority",
                "creditCode.orgType", "creditCode.division", "creditCode.orgCodeCheck", "creditCode.check"}) {
            MessageKeys.assertTranslated(k, (locale, key) -> DeveloperMessages.TEXTS.format(locale, key));
        }
    }
}
