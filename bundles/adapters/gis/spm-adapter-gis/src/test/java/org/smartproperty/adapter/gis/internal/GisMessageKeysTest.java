package org.smartproperty.adapter.gis.internal;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** INT-GIS: every text of the base map (layer titles, problems) exists in zh-CN, zh-TW, pt and en, with the same keys. */
class GisMessageKeysTest {

    private static final String BASE = "/org/smartproperty/adapter/gis/internal/messages";

    @Test
    void allFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(GisMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesInEveryLanguage() {
        MessageKeys.assertComplete(GisMessageKeysTest.class, BASE, (locale, key) -> GisTexts.TEXTS.format(locale, key, "x", "y"));
    }
}
