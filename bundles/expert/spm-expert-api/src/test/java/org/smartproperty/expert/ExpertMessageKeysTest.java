package org.smartproperty.expert;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every expert message key has a zh-CN and an English text, and both files define the same keys. */
class ExpertMessageKeysTest {

    private static final String BASE = "/org/smartproperty/expert/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(ExpertMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(ExpertMessageKeysTest.class, BASE, (locale, key) -> ExpertMessages.TEXTS.format(locale, key, "x"));
    }
}
