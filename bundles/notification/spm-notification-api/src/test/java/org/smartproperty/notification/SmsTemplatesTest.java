package org.smartproperty.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.testsupport.StandInContributions;

class SmsTemplatesTest {

    private static final Contribution DEMO = Contribution.parse("test.demo", Map.of(
            "message.DEMO_DONE.number", "900",
            "message.DEMO_DONE.params", "no",
            "message.DEMO_DONE.zh-CN", "示例${no}已办结。",
            "message.DEMO_DONE.zh-TW", "示例${no}已辦結。",
            "message.DEMO_DONE.pt", "Demonstração ${no} concluída.",
            "message.DEMO_DONE.en", "Demo ${no} is done."));

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @BeforeEach
    void register() {
        MessageKinds.register(StandInContributions.messageKinds());
    }

    @AfterEach
    void unregister() {
        MessageKinds.unregister("test.demo");
        MessageKinds.unregister("test.other");
    }

    @Test
    void complaintResultInSimplifiedAndTraditional_SVC_CMP_4() {
        Map<String, String> p = Map.of("no", "TS-7", "result", "已整改");
        assertEquals("您的投诉（编号TS-7）已办结，处理结果：已整改。", SmsTemplates.render(MessageKind.of("COMPLAINT_RESULT"), Locale.SIMPLIFIED_CHINESE, p));
        String tw = SmsTemplates.render(MessageKind.of("COMPLAINT_RESULT"), Phones.smsLocale("+85361234567"), p);
        assertTrue(tw.startsWith("您的投訴（編號TS-7）已辦結"), tw);
        assertEquals("Your complaint (no. TS-7) is closed. Result: 已整改.", SmsTemplates.render(MessageKind.of("COMPLAINT_RESULT"), Locale.ENGLISH, p));
    }

    @Test
    void aContributedKindRendersAndGoesWithItsBundle_issue10_item1() {
        assertEquals(List.of(), MessageKinds.register(DEMO));
        MessageKind demo = MessageKind.of("DEMO_DONE");
        assertTrue(demo.contributed());
        assertEquals(List.of("no"), demo.params());
        assertEquals("Demo X-1 is done.", SmsTemplates.render(demo, Locale.ENGLISH, Map.of("no", "X-1")));
        assertEquals("示例X-1已辦結。", SmsTemplates.render(demo, Locale.forLanguageTag("zh-HK"), Map.of("no", "X-1")));
        assertEquals("109001", SmsTemplates.numericId(demo, Locale.TRADITIONAL_CHINESE));
        assertEquals(new SmsTemplates.Ref(demo, Locale.SIMPLIFIED_CHINESE), SmsTemplates.resolve("SPM_DEMO_DONE_CN").orElseThrow());
        MessageKinds.unregister("test.demo");
        assertFalse(demo.contributed());
        assertEquals("DEMO_DONE", SmsTemplates.template(demo, Locale.SIMPLIFIED_CHINESE), "a kind no bundle contributes renders as its name");
        assertEquals(List.of(), demo.params());
        assertThrows(IllegalStateException.class, demo::number);
        assertTrue(SmsTemplates.resolve("SPM_DEMO_DONE_CN").isEmpty());
    }

    @Test
    void aTakenNameOrNumberIsRefused_issue10_item1() {
        MessageKinds.register(DEMO);
        Contribution other = Contribution.parse("test.other", map(
                "message.DEMO_DONE.number", "901", "message.DEMO_DONE.params", "", "message.DEMO_DONE.zh-CN", "a",
                "message.DEMO_DONE.zh-TW", "a", "message.DEMO_DONE.pt", "a", "message.DEMO_DONE.en", "a",
                "message.OTHER_NINE.number", "9", "message.OTHER_NINE.params", "", "message.OTHER_NINE.zh-CN", "b",
                "message.OTHER_NINE.zh-TW", "b", "message.OTHER_NINE.pt", "b", "message.OTHER_NINE.en", "b"));
        List<String> refused = MessageKinds.register(other);
        assertEquals(List.of("message.DEMO_DONE: already contributed by test.demo",
                "message.OTHER_NINE.number: 9 is the number of NOTICE (test.stand-in)"), refused);
        assertEquals("示例${no}已办结。", SmsTemplates.template(MessageKind.of("DEMO_DONE"), Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void templateCodesResolveBack() {
        for (MessageKind k : MessageKind.values()) {
            assertEquals(new SmsTemplates.Ref(k, Locale.TRADITIONAL_CHINESE), SmsTemplates.resolve(SmsTemplates.code(k, Locale.TRADITIONAL_CHINESE)).orElseThrow());
            assertEquals(new SmsTemplates.Ref(k, Locale.SIMPLIFIED_CHINESE), SmsTemplates.resolve(SmsTemplates.numericId(k, Locale.SIMPLIFIED_CHINESE)).orElseThrow());
        }
        assertEquals("SPM_COMPLAINT_RESULT_TW", SmsTemplates.code(MessageKind.of("COMPLAINT_RESULT"), Locale.TRADITIONAL_CHINESE));
        // ids registered at the provider never move when kinds are added or reordered
        assertEquals("100091", SmsTemplates.numericId(MessageKind.NOTICE, Locale.TRADITIONAL_CHINESE));
        assertEquals("100020", SmsTemplates.numericId(MessageKind.of("COMPLAINT_RESULT"), Locale.SIMPLIFIED_CHINESE));
        assertEquals(MessageKind.values().size(), MessageKind.values().stream().mapToInt(MessageKind::number).distinct().count());
    }

    @Test
    void aKindIsOneInstancePerNameAndItsNameIsChecked() {
        assertSame(MessageKind.of("REPAIR_NEW"), MessageKind.valueOf("REPAIR_NEW"));
        assertThrows(IllegalArgumentException.class, () -> MessageKind.of("repair new"));
    }

    @Test
    void messageKeysInBothLanguages() {
        ResourceBundle zh = ResourceBundle.getBundle("org.smartproperty.notification.messages", Locale.ROOT);
        ResourceBundle en = ResourceBundle.getBundle("org.smartproperty.notification.messages", Locale.ENGLISH);
        for (String k : zh.keySet()) {
            assertTrue(NotificationMessages.TEXTS.has(k));
            assertFalse(en.getString(k).isBlank(), k);
        }
    }

    @Test
    void anInAppNoticeRendersInEachOfTheFourLanguages_issue12_item8() {
        Map<String, String> p = Map.of("no", "TS-7", "result", "OK");
        MessageKind k = MessageKind.of("COMPLAINT_RESULT");
        assertEquals("您的投诉（编号TS-7）已办结，处理结果：OK。", SmsTemplates.render(k, org.smartproperty.platform.Messages.negotiate("zh-CN"), p));
        assertEquals("您的投訴（編號TS-7）已辦結，處理結果：OK。", SmsTemplates.render(k, org.smartproperty.platform.Messages.negotiate("zh-Hant-MO"), p));
        assertEquals("A sua queixa (n.º TS-7) foi concluída. Resultado: OK.", SmsTemplates.render(k, org.smartproperty.platform.Messages.negotiate("pt-MO"), p));
        assertEquals("Your complaint (no. TS-7) is closed. Result: OK.", SmsTemplates.render(k, org.smartproperty.platform.Messages.negotiate("en-GB"), p));
        // locales as such, not only negotiated ones
        assertEquals("A sua queixa (n.º TS-7) foi concluída. Resultado: OK.", SmsTemplates.render(k, Locale.forLanguageTag("pt-BR"), p));
        assertEquals("您的投訴（編號TS-7）已辦結，處理結果：OK。", SmsTemplates.render(k, Locale.forLanguageTag("zh-Hant"), p));
        assertEquals("您的投诉（编号TS-7）已办结，处理结果：OK。", SmsTemplates.render(k, Locale.FRENCH, p));
        assertEquals("您的投诉（编号TS-7）已办结，处理结果：OK。", SmsTemplates.render(k, null, p));
    }

    @Test
    void smsStayInTheTwoChineseTemplatesWhateverTheLocale_issue12_item8() {
        MessageKind k = MessageKind.of("COMPLAINT_RESULT");
        assertEquals("SPM_COMPLAINT_RESULT_TW", SmsTemplates.code(k, Locale.forLanguageTag("zh-Hant")));
        assertEquals("SPM_COMPLAINT_RESULT_TW", SmsTemplates.code(k, Locale.forLanguageTag("zh-MO")));
        assertEquals("SPM_COMPLAINT_RESULT_CN", SmsTemplates.code(k, Locale.forLanguageTag("pt-PT")));
        assertEquals("SPM_COMPLAINT_RESULT_CN", SmsTemplates.code(k, Locale.SIMPLIFIED_CHINESE));
        assertEquals(Locale.TRADITIONAL_CHINESE, Phones.smsLocale("+85361234567"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Phones.smsLocale("+8613800001234"));
    }
}
