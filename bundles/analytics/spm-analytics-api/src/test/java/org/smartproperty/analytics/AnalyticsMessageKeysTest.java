package org.smartproperty.analytics;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every analytics message key has a zh-CN and an English text, and both files define the same keys. */
class AnalyticsMessageKeysTest {

    private static final String BASE = "/org/smartproperty/analytics/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(AnalyticsMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(AnalyticsMessageKeysTest.class, BASE, (locale, key) -> AnalyticsMessages.TEXTS.format(locale, key, "x"));
    }
}
