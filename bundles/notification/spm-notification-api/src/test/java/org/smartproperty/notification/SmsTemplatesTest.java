package org.smartproperty.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SmsTemplatesTest {

    @Test
    void complaintResultInSimplifiedAndTraditional_SVC_CMP_4() {
        Map<String, String> p = Map.of("no", "TS-7", "result", "已整改");
        assertEquals("您的投诉（编号TS-7）已办结，处理结果：已整改。", SmsTemplates.render(MessageKind.COMPLAINT_RESULT, Locale.SIMPLIFIED_CHINESE, p));
        String tw = SmsTemplates.render(MessageKind.COMPLAINT_RESULT, Phones.smsLocale("+85361234567"), p);
        assertTrue(tw.startsWith("您的投訴（編號TS-7）已辦結"), tw);
    }

    @Test
    void everyKindHasTemplatesWithExactlyItsParameters_INT_SMS() {
        Pattern ph = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
        for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH}) {
            for (MessageKind k : MessageKind.values()) {
                String t = SmsTemplates.template(k, l);
                assertFalse(t.equals(k.name()), k + " missing in " + l);
                Matcher m = ph.matcher(t);
                java.util.Set<String> names = new java.util.HashSet<>();
                while (m.find()) {
                    names.add(m.group(1));
                }
                assertEquals(new java.util.HashSet<>(k.params()), names, k + " in " + l);
            }
        }
        assertFalse(SmsTemplates.template(MessageKind.NOTICE, Locale.TRADITIONAL_CHINESE)
                .equals(SmsTemplates.template(MessageKind.NOTICE, Locale.SIMPLIFIED_CHINESE)));
    }

    @Test
    void templateCodesResolveBack() {
        for (MessageKind k : MessageKind.values()) {
            assertEquals(new SmsTemplates.Ref(k, Locale.TRADITIONAL_CHINESE), SmsTemplates.resolve(SmsTemplates.code(k, Locale.TRADITIONAL_CHINESE)).orElseThrow());
            assertEquals(new SmsTemplates.Ref(k, Locale.SIMPLIFIED_CHINESE), SmsTemplates.resolve(SmsTemplates.numericId(k, Locale.SIMPLIFIED_CHINESE)).orElseThrow());
        }
        assertEquals("SPM_COMPLAINT_RESULT_TW", SmsTemplates.code(MessageKind.COMPLAINT_RESULT, Locale.TRADITIONAL_CHINESE));
        // ids registered at the provider never move when kinds are added or reordered
        assertEquals("100091", SmsTemplates.numericId(MessageKind.NOTICE, Locale.TRADITIONAL_CHINESE));
        assertEquals("100020", SmsTemplates.numericId(MessageKind.COMPLAINT_RESULT, Locale.SIMPLIFIED_CHINESE));
        assertEquals(MessageKind.values().length, java.util.Arrays.stream(MessageKind.values()).mapToInt(MessageKind::number).distinct().count());
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
}
