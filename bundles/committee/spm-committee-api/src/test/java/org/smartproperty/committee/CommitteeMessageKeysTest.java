package org.smartproperty.committee;

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

/** Every committee message key has a zh-CN and an English text, and both files define the same keys. */
class CommitteeMessageKeysTest {

    private static final String BASE = "/org/smartproperty/committee/messages";

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CommitteeMessageKeysTest.class.getResourceAsStream(resource)) {
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
    void everyKeyResolvesDifferentlyInBothLanguages_OC_1_OC_2() throws IOException {
        for (String key : load(BASE + ".properties").stringPropertyNames()) {
            String zh = CommitteeMessages.TEXTS.format(Locale.SIMPLIFIED_CHINESE, key, 7, 5, 11);
            String en = CommitteeMessages.TEXTS.format(Locale.ENGLISH, key, 7, 5, 11);
            assertNotEquals(key, zh);
            assertNotEquals(key, en);
            assertNotEquals(zh, en, key);
        }
    }
}
