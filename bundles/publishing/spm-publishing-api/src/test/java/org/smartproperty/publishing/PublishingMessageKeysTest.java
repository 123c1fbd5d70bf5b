package org.smartproperty.publishing;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every publishing message key has a zh-CN and an English text, and both files define the same keys. */
class PublishingMessageKeysTest {

    private static final String BASE = "/org/smartproperty/publishing/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(PublishingMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(PublishingMessageKeysTest.class, BASE, (locale, key) -> PublishingMessages.TEXTS.format(locale, key, "x"));
    }
}
