package org.smartproperty.platform.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The message-key check every bundle with texts runs (CONTRIBUTING "User-facing texts"): the
 * zh-CN base file and its {@code _en} twin define the same keys, and every key resolves to a text
 * (not its raw key) that differs between the two languages. Written once here (issue 10 item 5).
 */
public final class MessageKeys {

    private MessageKeys() {
    }

    /** The properties file {@code resource} (absolute class-path name) as the bundle ships it, read as UTF-8. */
    public static Properties load(Class<?> anchor, String resource) {
        Properties p = new Properties();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The keys of {@code base + ".properties"} (zh-CN), after checking that {@code base + "_en.properties"} has the same keys. */
    public static Set<String> assertSameKeys(Class<?> anchor, String base) {
        Set<String> zh = new TreeSet<>(load(anchor, base + ".properties").stringPropertyNames());
        assertEquals(zh, new TreeSet<>(load(anchor, base + "_en.properties").stringPropertyNames()),
                base + ".properties and " + base + "_en.properties define different keys");
        return zh;
    }

    /**
     * {@link #assertSameKeys} and, for every key, {@code format(locale, key)} gives a text in zh-CN and in English
     * that is not the raw key and differs between the languages.
     */
    public static void assertComplete(Class<?> anchor, String base, BiFunction<Locale, String, String> format) {
        for (String key : assertSameKeys(anchor, base)) {
            assertTranslated(key, format);
        }
    }

    /** One key: a text in zh-CN and in English, not the raw key, different in both. */
    public static void assertTranslated(String key, BiFunction<Locale, String, String> format) {
        String zh = format.apply(Locale.SIMPLIFIED_CHINESE, key);
        String en = format.apply(Locale.ENGLISH, key);
        assertNotEquals(key, zh, "no zh-CN text for " + key);
        assertNotEquals(key, en, "no English text for " + key);
        assertNotEquals(zh, en, key);
    }
}
