package org.smartproperty.tender;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every tender message key has a zh-CN and an English text, and both files define the same keys. */
class TenderMessageKeysTest {

    private static final String BASE = "/org/smartproperty/tender/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(TenderMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(TenderMessageKeysTest.class, BASE, (locale, key) -> TenderMessages.TEXTS.format(locale, key, "x"));
    }
}
