package org.smartproperty.deadline;

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

/** Every deadline message key has a zh-CN and an English text, and both files define the same keys. */
class DeadlineMessageKeysTest {

    private static final String BASE = "/org/smartproperty/deadline/messages";

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DeadlineMessageKeysTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothFilesDefineTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load(BASE + ".properties").stringPropertyNames()),
                new TreeSet<>(load(BASE + "_en.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages_SLA_3() throws IOException {
        for (String key : load(BASE + ".properties").stringPropertyNames()) {
            String zh = DeadlineMessages.TEXTS.format(Locale.SIMPLIFIED_CHINESE, key, 7, 5, 11);
            String en = DeadlineMessages.TEXTS.format(Locale.ENGLISH, key, 7, 5, 11);
            assertNotEquals(key, zh);
            assertNotEquals(key, en);
            assertNotEquals(zh, en, key);
        }
    }
}
