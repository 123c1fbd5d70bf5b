package org.smartproperty.vote;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every vote message key has a zh-CN and an English text, and both files define the same keys. */
class VoteMessageKeysTest {

    private static final String BASE = "/org/smartproperty/vote/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(VoteMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(VoteMessageKeysTest.class, BASE, (locale, key) -> VoteMessages.TEXTS.format(locale, key, "x"));
    }
}
