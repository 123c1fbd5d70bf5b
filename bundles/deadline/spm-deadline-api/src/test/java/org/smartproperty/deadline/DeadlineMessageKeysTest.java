package org.smartproperty.deadline;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every deadline message key has a zh-CN and an English text, and both files define the same keys. */
class DeadlineMessageKeysTest {

    private static final String BASE = "/org/smartproperty/deadline/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(DeadlineMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages_SLA_3() {
        MessageKeys.assertComplete(DeadlineMessageKeysTest.class, BASE, (locale, key) -> DeadlineMessages.TEXTS.format(locale, key, 7, 5, 11));
    }
}
