package org.smartproperty.assessment;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every assessment message key has a text in every language, and all files define the same keys. */
class AssessmentMessageKeysTest {

    private static final String BASE = "/org/smartproperty/assessment/messages";

    @Test
    void allFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(AssessmentMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInEachLanguage() {
        MessageKeys.assertComplete(AssessmentMessageKeysTest.class, BASE, (locale, key) -> AssessmentMessages.TEXTS.format(locale, key, "x"));
    }
}
