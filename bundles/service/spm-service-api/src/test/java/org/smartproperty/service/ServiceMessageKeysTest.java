package org.smartproperty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every repair/patrol message key has a zh-CN and an English text, and both files define the same keys. */
class ServiceMessageKeysTest {

    private static final String BASE = "/org/smartproperty/service/messages";

    @Test
    void bothFilesDefineTheSameKeysAndDiffer() {
        MessageKeys.assertSameKeys(ServiceMessageKeysTest.class, BASE);
        for (String key : MessageKeys.load(ServiceMessageKeysTest.class, BASE + ".properties").stringPropertyNames()) {
            assertNotEquals(ServiceMessages.TEXTS.format(Locale.SIMPLIFIED_CHINESE, key),
                    ServiceMessages.TEXTS.format(Locale.ENGLISH, key), key);
        }
    }

    @Test
    void onlyRejectedRepairsAndClosedTasksAreFinal_SVC_REP_1_SVC_PAT_1() {
        for (RepairStatus s : RepairStatus.values()) {
            assertEquals(s == RepairStatus.REJECTED, s.next().isEmpty(), s.name());
        }
        for (PatrolStatus s : PatrolStatus.values()) {
            assertEquals(s == PatrolStatus.CLOSED, s.next().isEmpty(), s.name());
        }
    }
}
