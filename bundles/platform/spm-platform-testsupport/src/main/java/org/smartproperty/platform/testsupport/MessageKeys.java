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
 * zh-CN base file and its {@code _zh_TW}, {@code _pt} and {@code _en} siblings define the same keys (issue 12
 * item 8), and every key resolves to a text (not its raw key) in each language, zh-CN and English differing.
 * Written once here (issue 10 item 5); placeholders across languages: spm-platform-api's TranslationsTest.
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

    /** The sibling files every bundle ships beside its zh-CN base: Traditional Chinese, Portuguese, English. */
    public static final java.util.List<String> SUFFIXES = java.util.List.of("_zh_TW", "_pt", "_en");

    /** The keys of {@code base + ".properties"} (zh-CN), after checking that each of {@link #SUFFIXES} has the same keys. */
    public static Set<String> assertSameKeys(Class<?> anchor, String base) {
        Set<String> zh = new TreeSet<>(load(anchor, base + ".properties").stringPropertyNames());
        for (String suffix : SUFFIXES) {
            assertEquals(zh, new TreeSet<>(load(anchor, base + suffix + ".properties").stringPropertyNames()),
                    base + ".properties and " + base + suffix + ".properties define different keys");
        }
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

    /** One key: a text in each of the four languages, not the raw key; zh-CN and English differ. */
    public static void assertTranslated(String key, BiFunction<Locale, String, String> format) {
        String zh = format.apply(Locale.SIMPLIFIED_CHINESE, key);
        String en = format.apply(Locale.ENGLISH, key);
        assertNotEquals(key, zh, "no zh-CN text for " + key);
        assertNotEquals(key, en, "no English text for " + key);
        assertNotEquals(key, format.apply(Locale.TRADITIONAL_CHINESE, key), "no zh-TW text for " + key);
        assertNotEquals(key, format.apply(new Locale("pt", "PT"), key), "no Portuguese text for " + key);
        assertNotEquals(zh, en, key);
    }
}
