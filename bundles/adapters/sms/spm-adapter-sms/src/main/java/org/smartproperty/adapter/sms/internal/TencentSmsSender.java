package org.smartproperty.adapter.sms.internal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.adapter.sms.SmsSigning;
import org.smartproperty.notification.DeliveryReceipt;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.notification.SmsTemplates;

/**
 * Tencent Cloud SMS API 2021-01-11: {@code SendSms} (PhoneNumberSet in E.164, SmsSdkAppId,
 * SignName, numeric TemplateId, positional TemplateParamSet, SessionContext = outId),
 * {@code PullSmsSendStatusByPhoneNumber} for reconciliation (matched on SessionContext), receipt
 * pushes as JSON arrays. Signed with TC3-HMAC-SHA256.
 */
public final class TencentSmsSender implements SmsSender {

    static final String SERVICE = "sms";
    static final String VERSION = "2021-01-11";

    private final SmsAdapterSettings settings;
    private final HttpClient http;
    private final Clock clock;

    public TencentSmsSender(SmsAdapterSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return SmsAdapterSettings.TENCENT;
    }

    HttpRequest request(String action, String payload) {
        long ts = clock.instant().getEpochSecond();
        String auth = SmsSigning.tc3Authorization(settings.accessKeyId(), settings.accessKeySecret(), ts, SERVICE, settings.path(),
                settings.hostHeader(), payload);
        return HttpRequest.newBuilder(settings.endpoint()).timeout(settings.requestTimeout())
                .header("Authorization", auth).header("Content-Type", SmsSigning.TC3_CONTENT_TYPE)
                .header("X-TC-Action", action).header("X-TC-Timestamp", String.valueOf(ts)).header("X-TC-Version", VERSION)
                .header("X-TC-Region", settings.region())
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
    }

    /** Tencent's numeric template id for a template code of {@link SmsTemplates}. */
    static String templateId(String templateCode) {
        return SmsTemplates.resolve(templateCode).map(r -> SmsTemplates.numericId(r.kind(), r.locale())).orElse(templateCode);
    }

    /** The SendSms body (tests check its shape). */
    String sendPayload(List<String> phones, String templateCode, Map<String, String> params, List<String> paramOrder, String outId) {
        ObjectNode b = HttpCalls.JSON.createObjectNode();
        ArrayNode ps = b.putArray("PhoneNumberSet");
        phones.forEach(ps::add);
        b.put("SmsSdkAppId", settings.sdkAppId());
        b.put("SignName", settings.signName());
        b.put("TemplateId", templateId(templateCode));
        ArrayNode tp = b.putArray("TemplateParamSet");
        for (String name : paramOrder) {
            tp.add(params.getOrDefault(name, ""));
        }
        b.put("SessionContext", outId);
        return b.toString();
    }

    @Override
    public SendResult send(List<String> phones, String templateCode, Map<String, String> params, List<String> paramOrder, String outId) {
        HttpCalls.Reply r;
        try {
            r = HttpCalls.exchange(http, request("SendSms", sendPayload(phones, templateCode, params, paramOrder, outId)));
        } catch (HttpCalls.CallFailed e) {
            return new SendResult(e.outcome, null, "HTTP", e.getMessage());
        }
        if (r.json() == null || r.status() >= 500) {
            return new SendResult(r.status() >= 500 || r.json() == null ? Outcome.UNKNOWN : Outcome.RETRYABLE, null, "HTTP_" + r.status(), r.body());
        }
        JsonNode resp = r.json().path("Response");
        if (resp.has("Error")) {
            String code = resp.path("Error").path("Code").asText();
            return new SendResult(classify(code), null, code, resp.path("Error").path("Message").asText(null));
        }
        JsonNode st = resp.path("SendStatusSet").path(0);
        String code = st.path("Code").asText(null);
        if ("Ok".equals(code)) {
            return SendResult.accepted(st.path("SerialNo").asText(null));
        }
        return new SendResult(code == null ? Outcome.UNKNOWN : classify(code), null, code, st.path("Message").asText(null));
    }

    static Outcome classify(String code) {
        if (code.startsWith("LimitExceeded") || code.startsWith("RequestLimitExceeded") || code.startsWith("AuthFailure")
                || "FailedOperation.InsufficientBalanceInSmsPackage".equals(code)) {
            return Outcome.RETRYABLE;
        }
        if (code.startsWith("InternalError")) {
            return Outcome.UNKNOWN;
        }
        if (code.startsWith("InvalidParameter") || code.startsWith("FailedOperation") || code.startsWith("UnsupportedOperation")
                || code.startsWith("MissingParameter")) {
            return Outcome.PERMANENT;
        }
        return Outcome.RETRYABLE;
    }

    @Override
    public QueryResult query(String outId, String phone, LocalDate date) {
        long begin = date.atStartOfDay(AliyunSmsSender.CHINA).toEpochSecond();
        ObjectNode b = HttpCalls.JSON.createObjectNode();
        b.put("BeginTime", begin);
        b.put("EndTime", begin + 2 * 86400);
        b.put("Offset", 0);
        b.put("Limit", 100);
        b.put("PhoneNumber", phone);
        b.put("SmsSdkAppId", settings.sdkAppId());
        HttpCalls.Reply r;
        try {
            r = HttpCalls.exchange(http, request("PullSmsSendStatusByPhoneNumber", b.toString()));
        } catch (HttpCalls.CallFailed e) {
            return new QueryResult(QueryStatus.ERROR, null, e.getMessage());
        }
        if (r.json() == null || r.json().path("Response").has("Error")) {
            return new QueryResult(QueryStatus.ERROR, null, r.json() == null ? "HTTP_" + r.status()
                    : r.json().path("Response").path("Error").path("Code").asText());
        }
        for (JsonNode s : r.json().path("Response").path("PullSmsSendStatusSet")) {
            if (outId.equals(s.path("SessionContext").asText())) {
                String serial = s.path("SerialNo").asText(null);
                return switch (s.path("ReportStatus").asText()) {
                    case "SUCCESS" -> new QueryResult(QueryStatus.DELIVERED, serial, null);
                    case "FAIL" -> new QueryResult(QueryStatus.FAILED, serial, s.path("Description").asText(null));
                    default -> new QueryResult(QueryStatus.ACCEPTED, serial, null);
                };
            }
        }
        return new QueryResult(QueryStatus.NOT_FOUND, null, null);
    }

    /** Status push: {@code [{user_receive_time, nationcode, mobile, report_status, errmsg, description, sid, ext}]}. */
    @Override
    public List<DeliveryReceipt> parseReceipts(String body) {
        JsonNode arr;
        try {
            arr = HttpCalls.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("receipt body is not JSON", e);
        }
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException("receipt body is not a JSON array");
        }
        List<DeliveryReceipt> out = new ArrayList<>();
        for (JsonNode n : arr) {
            java.time.Instant at = null;
            String t = n.path("user_receive_time").asText(null);
            if (t != null) {
                try {
                    at = LocalDateTime.parse(t, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).atZone(AliyunSmsSender.CHINA).toInstant();
                } catch (RuntimeException ignored) {
                    // keep null
                }
            }
            String phone = "+" + n.path("nationcode").asText("86") + n.path("mobile").asText("");
            String ext = n.path("ext").isTextual() ? n.path("ext").asText() : n.path("ext").path("SessionContext").asText(null);
            out.add(new DeliveryReceipt(ext, n.path("sid").asText(null), phone, "SUCCESS".equals(n.path("report_status").asText()),
                    n.path("errmsg").asText(null), at));
        }
        return out;
    }
}
