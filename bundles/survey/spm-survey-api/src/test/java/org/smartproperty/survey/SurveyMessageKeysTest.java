package org.smartproperty.survey;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every survey message key has a zh-CN and an English text, and both files define the same keys. */
class SurveyMessageKeysTest {

    private static final String BASE = "/org/smartproperty/survey/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(SurveyMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(SurveyMessageKeysTest.class, BASE, (locale, key) -> SurveyMessages.TEXTS.format(locale, key, "x"));
    }
}
