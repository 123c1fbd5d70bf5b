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

    // ---- issue 12 item 8: four languages, RFC 9110 negotiation ----

    private static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    private static final Locale ZH_TW = Locale.TRADITIONAL_CHINESE;
    private static final Locale PT = Locale.forLanguageTag("pt-PT");
    private static final Locale EN = Locale.ENGLISH;

    private static void negotiates(Locale expected, String header) {
        assertEquals(expected, Messages.negotiate(header), "Accept-Language: " + header);
    }

    @Test
    void fourLanguagesAreSupportedInTieBreakOrder_issue12_item8() {
        assertEquals(java.util.List.of(ZH_CN, ZH_TW, PT, EN), Messages.SUPPORTED);
        assertEquals("zh-CN", Messages.SUPPORTED.get(0).toLanguageTag());
        assertEquals("zh-TW", Messages.SUPPORTED.get(1).toLanguageTag());
        assertEquals("pt-PT", Messages.SUPPORTED.get(2).toLanguageTag());
        assertEquals("en", Messages.SUPPORTED.get(3).toLanguageTag());
    }

    @Test
    void traditionalChineseForHantTaiwanHongKongAndMacao_issue12_item8() {
        for (String h : new String[] {"zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-MO", "zh-Hant-HK", "zh-Hant-CN", "ZH-hant-mo", "zh-tw"}) {
            negotiates(ZH_TW, h);
        }
    }

    @Test
    void simplifiedChineseForHansPlainZhChinaSingaporeAndOtherZh_issue12_item8() {
        for (String h : new String[] {"zh", "ZH", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN", "zh-Hans-HK", "zh-Hans-MO", "zh-cn", "zh-MY"}) {
            negotiates(ZH_CN, h);
        }
    }

    @Test
    void portugueseForPtAndEveryRegion_issue12_item8() {
        for (String h : new String[] {"pt", "pt-PT", "pt-BR", "pt-MO", "PT-br", "pt-AO"}) {
            negotiates(PT, h);
        }
    }

    @Test
    void englishForEnAndEveryRegion_issue12_item8() {
        for (String h : new String[] {"en", "en-GB", "en-US", "EN-us", "en-Latn-HK"}) {
            negotiates(EN, h);
        }
    }

    @Test
    void theHighestQualityWinsWhateverTheOrder_issue12_item8() {
        negotiates(PT, "en;q=0.5, pt;q=0.8");
        negotiates(PT, "en;q=0.5,pt-BR;q=0.9,zh;q=0.1");
        negotiates(ZH_TW, "en;q=0.7, zh-MO;q=0.8, pt;q=0.75");
        negotiates(EN, "zh-TW;q=0.001, en;q=0.002");
        negotiates(ZH_TW, "fr-FR, zh-Hant;q=0.3, de;q=0.9");
        negotiates(PT, "pt-MO;q=1.000, en;q=0.999");
    }

    @Test
    void equalQualityIsDecidedByOrderInTheHeader_issue12_item8() {
        negotiates(EN, "en, pt");
        negotiates(PT, "pt, en");
        negotiates(ZH_TW, "zh-HK, zh-CN");
        negotiates(ZH_CN, "zh-CN, zh-HK");
        negotiates(PT, "pt;q=0.5, en;q=0.5, zh;q=0.5");
    }

    @Test
    void aMoreSpecificRangeOverridesTheBareLanguage_issue12_item8() {
        negotiates(ZH_TW, "zh-Hant, zh;q=0.5");
        negotiates(ZH_TW, "zh;q=0.5, zh-Hant");
        negotiates(ZH_CN, "zh-TW;q=0, zh");
        negotiates(ZH_TW, "zh-CN;q=0, zh");
    }

    @Test
    void qZeroMeansNotAcceptable_issue12_item8() {
        negotiates(ZH_CN, "en;q=0");
        negotiates(PT, "en;q=0, pt;q=0.1");
        negotiates(PT, "zh;q=0, pt;q=0.2");
        negotiates(EN, "pt;q=0.0, en;q=0.01");
        negotiates(EN, "en;q=0.5, pt;q=0.000");
        negotiates(ZH_CN, "pt;q=0, en;q=0"); // nothing acceptable: the default
    }

    @Test
    void theWildcardStandsForEveryLanguageNotNamed_issue12_item8() {
        negotiates(ZH_CN, "*");
        negotiates(ZH_CN, "fr, *;q=0.1");
        negotiates(ZH_CN, "en;q=0.5, *");
        negotiates(EN, "en, *;q=0.5");
        negotiates(ZH_TW, "zh-CN;q=0, *");
        negotiates(PT, "zh;q=0, *");               // bare zh rules out both Chinese; then pt by tie-break order
        negotiates(EN, "zh;q=0, pt;q=0, *");
        negotiates(ZH_CN, "*;q=0");
        negotiates(EN, "*;q=0, en");
    }

    @Test
    void qualityAndTagsAreCaseInsensitiveAndWhitespaceIsTolerated_issue12_item8() {
        negotiates(PT, "EN;Q=0.5 ,  Pt-Br ; q=0.9");
        negotiates(ZH_TW, "  zh-hant-mo  ");
        negotiates(EN, "en,,, pt;q=0.3"); // empty list elements are allowed (RFC 9110 section 5.6.1)
    }

    @Test
    void unsupportedLanguagesAloneGiveTheDefault_issue12_item8() {
        negotiates(ZH_CN, "fr");
        negotiates(ZH_CN, "ja-JP, ko;q=0.9");
        negotiates(ZH_CN, "es-ES, ptx;q=0.5"); // "ptx" is not "pt"
        negotiates(ZH_CN, "eng");
    }

    @Test
    void aMalformedHeaderGivesTheDefault_issue12_item8() {
        for (String h : new String[] {"en;q=", "en;q=1.5", "en;q=-0.5", "en;q=0.1234", "en;q=abc", "en;foo=bar", "en;q=0.5;q=0.3",
                "pt-", "-pt", "p@t", "en_US", "pt;q=0.9, en-", "averyverylongtag", "en;q=0.5, ;q=1", "\"en\"", "pt BR"}) {
            negotiates(ZH_CN, h);
        }
        negotiates(ZH_CN, "pt," + "x".repeat(5000));
    }

    @Test
    void supportedMapsAnyLocaleToOneOfTheFour_issue12_item8() {
        assertEquals(ZH_CN, Messages.supported(null));
        assertEquals(ZH_CN, Messages.supported(Locale.ROOT));
        assertEquals(ZH_CN, Messages.supported(Locale.CHINESE));
        assertEquals(ZH_CN, Messages.supported(Locale.FRENCH));
        assertEquals(ZH_TW, Messages.supported(Locale.forLanguageTag("zh-HK")));
        assertEquals(ZH_TW, Messages.supported(Locale.forLanguageTag("zh-Hant")));
        assertEquals(ZH_TW, Messages.supported(Locale.forLanguageTag("zh-MO")));
        assertEquals(PT, Messages.supported(Locale.forLanguageTag("pt-BR")));
        assertEquals(PT, Messages.supported(new Locale("pt")));
        assertEquals(EN, Messages.supported(Locale.US));
        assertEquals("zh-CN", Messages.languageKey(null));
        assertEquals("zh-TW", Messages.languageKey(Locale.forLanguageTag("zh-Hant-MO")));
        assertEquals("pt", Messages.languageKey(Locale.forLanguageTag("pt-MO")));
        assertEquals("en", Messages.languageKey(Locale.UK));
    }

    @Test
    void theNegotiatedLocalesFindTheirOwnFiles_issue12_item8() {
        assertEquals("必填", Messages.PLATFORM.format(Messages.negotiate("zh-CN"), "field.required"));
        assertEquals("必填", Messages.PLATFORM.format(Messages.negotiate("zh-MO"), "field.required"));
        assertEquals("obrigatório", Messages.PLATFORM.format(Messages.negotiate("pt-BR"), "field.required"));
        assertEquals("required", Messages.PLATFORM.format(Messages.negotiate("en-GB"), "field.required"));
        Messages.Text estate = Messages.PLATFORM.text("objects.estate");
        assertEquals("找不到小區：42", Messages.PLATFORM.format(Messages.negotiate("zh-Hant"), "problem.notFound", estate, "42"));
        assertEquals("Não existe condomínio com o identificador 42", Messages.PLATFORM.format(Messages.negotiate("pt"), "problem.notFound", estate, "42"));
        assertEquals("長度不能超過 50 個字元", Messages.PLATFORM.format(Messages.TRADITIONAL_CHINESE, "field.tooLong", 50));
    }
}
