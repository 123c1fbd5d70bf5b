package org.smartproperty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Every repair/patrol message key has a zh-CN and an English text, and both files define the same keys. */
class ServiceMessageKeysTest {

    private static final String BASE = "/org/smartproperty/service/messages";

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ServiceMessageKeysTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothFilesDefineTheSameKeysAndDiffer() throws IOException {
        Properties zh = load(BASE + ".properties");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(load(BASE + "_en.properties").stringPropertyNames()));
        for (String key : zh.stringPropertyNames()) {
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
