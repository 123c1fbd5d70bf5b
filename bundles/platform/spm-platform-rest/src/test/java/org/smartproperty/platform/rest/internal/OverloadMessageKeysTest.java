package org.smartproperty.platform.rest.internal;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** The overload problems (issue 19 item 5) have a text in all four languages, and every file defines the same keys. */
class OverloadMessageKeysTest {

    private static final String BASE = "/org/smartproperty/platform/rest/internal/messages";

    @Test
    void everyFileDefinesTheSameKeys() {
        MessageKeys.assertSameKeys(OverloadMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInEveryLanguage() {
        MessageKeys.assertComplete(OverloadMessageKeysTest.class, BASE, (locale, key) -> OverloadFilter.TEXTS.format(locale, key, "x"));
    }
}
