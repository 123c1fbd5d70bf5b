package org.smartproperty.credit;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every credit message key has a zh-CN and an English text, and both files define the same keys. */
class CreditMessageKeysTest {

    private static final String BASE = "/org/smartproperty/credit/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(CreditMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(CreditMessageKeysTest.class, BASE, (locale, key) -> CreditMessages.TEXTS.format(locale, key, "x"));
    }
}
