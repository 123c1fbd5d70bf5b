package org.smartproperty.inspection;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every inspection message key has a zh-CN and an English text, and both files define the same keys. */
class InspectionMessageKeysTest {

    private static final String BASE = "/org/smartproperty/inspection/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(InspectionMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(InspectionMessageKeysTest.class, BASE, (locale, key) -> InspectionMessages.TEXTS.format(locale, key, "x"));
    }
}
