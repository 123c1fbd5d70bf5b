package org.smartproperty.committee;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every committee message key has a zh-CN and an English text, and both files define the same keys. */
class CommitteeMessageKeysTest {

    private static final String BASE = "/org/smartproperty/committee/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(CommitteeMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages_OC_1_OC_2() {
        MessageKeys.assertComplete(CommitteeMessageKeysTest.class, BASE, (locale, key) -> CommitteeMessages.TEXTS.format(locale, key, 7, 5, 11));
    }
}
