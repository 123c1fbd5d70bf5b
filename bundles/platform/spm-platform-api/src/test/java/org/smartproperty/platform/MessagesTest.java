package org.smartproperty.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Messages are zh-CN unless the caller asks for a supported language; the JVM locale never decides. */
class MessagesTest {

    @Test
    void defaultLocaleIsSimplifiedChinese() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.DEFAULT_LOCALE);
        assertEquals(Messages.DEFAULT_LOCALE, Messages.negotiate(null));
        assertEquals(Messages.DEFAULT_LOCALE, Messages.negotiate(""));
        assertEquals(Messages.DEFAULT_LOCALE, Messages.negotiate("   "));
    }

    @Test
    void zhCnTextIsReturnedWithoutAcceptLanguage() {
        Locale locale = Messages.negotiate(null);
        assertEquals("必填", Messages.PLATFORM.format(locale, "field.required"));
    }

    @Test
    void englishIsChosenByAcceptLanguageEnUsWithQualityValues() {
        Locale locale = Messages.negotiate("en-US,en;q=0.9");
        assertEquals(Locale.ENGLISH, locale);
        assertEquals("required", Messages.PLATFORM.format(locale, "field.required"));
    }

    @Test
    void chineseWinsWhenItHasTheHigherWeight() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.negotiate("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.negotiate("en;q=0.5,zh;q=0.9"));
    }

    @Test
    void unsupportedLanguageFallsBackToZhCn() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.negotiate("fr-FR,de;q=0.8"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.negotiate("*"));
    }

    @Test
    void unsupportedFirstChoiceFallsThroughToSupportedLaterChoice() {
        assertEquals(Locale.ENGLISH, Messages.negotiate("fr-FR,en;q=0.5"));
    }

    @Test
    void languageWithZeroWeightIsNeverChosen() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.negotiate("en;q=0"));
    }

    @Test
    void malformedAcceptLanguageHeaderFallsBackToZhCn() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.negotiate("en;q=notanumber"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.negotiate(";;;==,,"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.negotiate("en;q=2.5"));
    }

    @Test
    void jvmDefaultLocaleEnglishDoesNotLeakIntoZhRequest() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            Locale requested = Messages.negotiate(null);
            assertEquals(Locale.SIMPLIFIED_CHINESE, requested);
            assertEquals("必填", Messages.PLATFORM.format(requested, "field.required"));
            assertEquals("必填", Messages.PLATFORM.format(Locale.SIMPLIFIED_CHINESE, "field.required"));
            // an unsupported language falls back to the zh-CN base file, never to the JVM's English
            assertEquals("必填", Messages.PLATFORM.format(Locale.FRENCH, "field.required"));
            assertEquals("必填", Messages.PLATFORM.format(null, "field.required"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void argumentsAreFormattedIntoThePattern() {
        assertEquals("长度不能超过 50 个字符", Messages.PLATFORM.format(Locale.SIMPLIFIED_CHINESE, "field.tooLong", 50));
        assertEquals("must be between 1 and 200", Messages.PLATFORM.format(Locale.ENGLISH, "page.outOfRange", 1, 200));
    }

    @Test
    void textArgumentsAreResolvedInTheRequestedLanguage() {
        Messages.Text estate = Messages.PLATFORM.text("objects.estate");
        assertEquals("未找到小区：42", Messages.PLATFORM.format(Locale.SIMPLIFIED_CHINESE, "problem.notFound", estate, "42"));
        assertEquals("No estate found: 42", Messages.PLATFORM.format(Locale.ENGLISH, "problem.notFound", estate, "42"));
    }

    @Test
    void missingKeyShowsTheKeyInsteadOfFailing() {
        assertEquals("no.such.key", Messages.PLATFORM.format(Locale.ENGLISH, "no.such.key"));
        assertEquals("no.such.key", Messages.PLATFORM.format(Locale.SIMPLIFIED_CHINESE, "no.such.key", 1));
    }

    @Test
    void hasReportsKeysOfTheBaseFile() {
        assertTrue(Messages.PLATFORM.has("field.required"));
        assertFalse(Messages.PLATFORM.has("no.such.key"));
    }

    @Test
    void apiExceptionMessageIsTheZhCnDetail() {
        ApiException e = ApiException.notFound("objects.house", 7);
        assertEquals(404, e.status());
        assertEquals("未找到房屋：7", e.getMessage());
    }
}
