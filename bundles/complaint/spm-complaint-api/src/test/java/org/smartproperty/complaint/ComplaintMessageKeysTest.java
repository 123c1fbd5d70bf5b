package org.smartproperty.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every complaint message key has a zh-CN and an English text, and both files define the same keys. */
class ComplaintMessageKeysTest {

    private static final String BASE = "/org/smartproperty/complaint/messages";

    @Test
    void bothFilesDefineTheSameKeysAndDiffer() {
        MessageKeys.assertSameKeys(ComplaintMessageKeysTest.class, BASE);
        for (String key : MessageKeys.load(ComplaintMessageKeysTest.class, BASE + ".properties").stringPropertyNames()) {
            assertNotEquals(ComplaintMessages.TEXTS.format(Locale.SIMPLIFIED_CHINESE, key),
                    ComplaintMessages.TEXTS.format(Locale.ENGLISH, key), key);
        }
    }

    @Test
    void everyStatusHasATransitionTextOrIsFinal_SVC_CMP_1() {
        for (ComplaintStatus s : ComplaintStatus.values()) {
            assertEquals(s == ComplaintStatus.REJECTED, s.next().isEmpty(), s.name());
        }
    }
}
