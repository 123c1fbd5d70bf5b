package org.smartproperty.adapter.sms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.smartproperty.notification.DeliveryReceipt;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.SmsSender.Outcome;
import org.smartproperty.notification.SmsTemplates;

/** INT-SMS: request shapes and error-code classes of both providers (DOMAIN-RULES "SMS"). */
class ProviderShapesTest {

    static {
        // issue 10 item 1: message kinds are contributed by their bundles; outside OSGi the stand-ins register them
        org.smartproperty.notification.MessageKinds.register(org.smartproperty.platform.testsupport.StandInContributions.messageKinds());
    }

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);

    static SmsAdapterSettings settings(String provider) {
        return new SmsAdapterSettings(provider, URI.create("http://127.0.0.1:8185/" + provider + "/"), "id", "secret", "横琴智慧物业",
                "1400000001", "ap-guangzhou", Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aliyunSendSmsParameters_INT_SMS() {
        AliyunSmsSender s = new AliyunSmsSender(settings("aliyun"), HttpClient.newHttpClient(), CLOCK);
        Map<String, String> p = s.sendParams(List.of("+8613812345678", "+85366123456"), "SPM_COMPLAINT_RESULT_CN",
                Map.of("no", "TS-1", "result", "已处理"), "SPM7");
        assertEquals("13812345678,0085366123456", p.get("PhoneNumbers"));
        assertEquals("SendSms", p.get("Action"));
        assertEquals("2017-05-25", p.get("Version"));
        assertEquals("HMAC-SHA1", p.get("SignatureMethod"));
        assertEquals("2026-11-27T08:00:00Z", p.get("Timestamp"));
        assertEquals("横琴智慧物业", p.get("SignName"));
        assertEquals("SPM7", p.get("OutId"));
        assertEquals("SPM_COMPLAINT_RESULT_CN", p.get("TemplateCode"));
        assertTrue(p.get("TemplateParam").contains("\"result\":\"已处理\""), p.get("TemplateParam"));
    }

    @Test
    void tencentSendSmsBodyIsPositional_INT_SMS() throws Exception {
        TencentSmsSender s = new TencentSmsSender(settings("tencent"), HttpClient.newHttpClient(), CLOCK);
        JsonNode b = new ObjectMapper().readTree(s.sendPayload(List.of("+85366123456"),
                SmsTemplates.code(MessageKind.of("DEADLINE_WARNING"), Locale.TRADITIONAL_CHINESE),
                Map.of("deadline", "12月1日", "item", "投訴", "no", "TS-2"), MessageKind.of("DEADLINE_WARNING").params(), "SPM8"));
        assertEquals("+85366123456", b.get("PhoneNumberSet").get(0).asText());
        assertEquals("1400000001", b.get("SmsSdkAppId").asText());
        assertEquals("100031", b.get("TemplateId").asText());
        assertEquals("[\"投訴\",\"TS-2\",\"12月1日\"]", b.get("TemplateParamSet").toString());
        assertEquals("SPM8", b.get("SessionContext").asText());
    }

    @Test
    void errorCodesAreSortedIntoRetryablePermanentUnknown_INT_SMS() {
        assertEquals(Outcome.RETRYABLE, AliyunSmsSender.classify(200, "isv.BUSINESS_LIMIT_CONTROL"));
        assertEquals(Outcome.RETRYABLE, AliyunSmsSender.classify(200, "isv.DAY_LIMIT_CONTROL"));
        assertEquals(Outcome.RETRYABLE, AliyunSmsSender.classify(400, "SignatureDoesNotMatch"));
        assertEquals(Outcome.PERMANENT, AliyunSmsSender.classify(200, "isv.MOBILE_NUMBER_ILLEGAL"));
        assertEquals(Outcome.PERMANENT, AliyunSmsSender.classify(200, "isv.TEMPLATE_MISSING_PARAMETERS"));
        assertEquals(Outcome.UNKNOWN, AliyunSmsSender.classify(200, "isp.SYSTEM_ERROR"));
        assertEquals(Outcome.UNKNOWN, AliyunSmsSender.classify(502, null));
        assertEquals(Outcome.RETRYABLE, TencentSmsSender.classify("LimitExceeded.PhoneNumberDailyLimit"));
        assertEquals(Outcome.PERMANENT, TencentSmsSender.classify("InvalidParameterValue.IncorrectPhoneNumber"));
        assertEquals(Outcome.UNKNOWN, TencentSmsSender.classify("InternalError.Timeout"));
    }

    @Test
    void receiptsOfBothProvidersAreParsed_INT_SMS() {
        List<DeliveryReceipt> a = new AliyunSmsSender(settings("aliyun"), HttpClient.newHttpClient(), CLOCK).parseReceipts(
                "[{\"phone_number\":\"13812345678\",\"send_time\":\"2026-11-27 16:00:00\",\"report_time\":\"2026-11-27 16:00:05\","
                        + "\"success\":true,\"err_code\":\"DELIVERED\",\"err_msg\":\"用户接收成功\",\"sms_size\":\"1\",\"biz_id\":\"9^0\",\"out_id\":\"SPM1\"}]");
        assertEquals(new DeliveryReceipt("SPM1", "9^0", "13812345678", true, "DELIVERED", Instant.parse("2026-11-27T08:00:05Z")), a.get(0));
        List<DeliveryReceipt> t = new TencentSmsSender(settings("tencent"), HttpClient.newHttpClient(), CLOCK).parseReceipts(
                "[{\"user_receive_time\":\"2026-11-27 16:00:05\",\"nationcode\":\"853\",\"mobile\":\"66123456\",\"report_status\":\"FAIL\","
                        + "\"errmsg\":\"MK:0001\",\"description\":\"用户关机\",\"sid\":\"2433:1\",\"ext\":\"SPM2\"}]");
        assertEquals(new DeliveryReceipt("SPM2", "2433:1", "+85366123456", false, "MK:0001", Instant.parse("2026-11-27T08:00:05Z")), t.get(0));
    }
}
