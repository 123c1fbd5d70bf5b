package org.smartproperty.map;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every map message key has a zh-CN and an English text, and both files define the same keys. */
class MapMessageKeysTest {

    private static final String BASE = "/org/smartproperty/map/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(MapMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(MapMessageKeysTest.class, BASE, (locale, key) -> MapMessages.TEXTS.format(locale, key, "x"));
    }
}
