package org.smartproperty.adapter.sms.internal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.smartproperty.adapter.sms.SmsSigning;
import org.smartproperty.notification.DeliveryReceipt;
import org.smartproperty.notification.Phones;
import org.smartproperty.notification.SmsSender;

/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25) over the RPC API: {@code SendSms} (PhoneNumbers,
 * SignName, TemplateCode, TemplateParam JSON, OutId), {@code QuerySendDetails} (matched on OutId),
 * receipts {@code SmsReport} as JSON arrays. Signed with signature v1 (HMAC-SHA1), POSTed as a form.
 */
public final class AliyunSmsSender implements SmsSender {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Refusals that a later attempt can overcome (flow control, account, credentials). */
    static final Set<String> RETRYABLE = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.OUT_OF_SERVICE",
            "isv.AMOUNT_NOT_ENOUGH", "isv.ACCOUNT_ABNORMAL", "Throttling.User", "isp.RAM_PERMISSION_DENY", "InvalidAccessKeyId.NotFound",
            "SignatureDoesNotMatch", "SignatureNonceUsed", "InvalidTimeStamp.Expired", "IncompleteSignature");
    /** Unknown whether the message was taken: reconcile before any resend. */
    static final Set<String> UNKNOWN = Set.of("isp.SYSTEM_ERROR", "ServiceUnavailable", "InternalError");

    private final SmsAdapterSettings settings;
    private final HttpClient http;
    private final Clock clock;

    public AliyunSmsSender(SmsAdapterSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return SmsAdapterSettings.ALIYUN;
    }

    Map<String, String> common(String action) {
        Map<String, String> p = new TreeMap<>();
        p.put("AccessKeyId", settings.accessKeyId());
        p.put("Action", action);
        p.put("Format", "JSON");
        p.put("RegionId", "cn-hangzhou");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", SmsSigning.aliyunTimestamp(clock.instant()));
        p.put("Version", "2017-05-25");
        return p;
    }

    HttpRequest request(Map<String, String> params) {
        String signature = SmsSigning.aliyunSignature("POST", params, settings.accessKeySecret());
        String body = SmsSigning.aliyunCanonicalQuery(params) + "&Signature=" + SmsSigning.percentEncode(signature);
        return HttpRequest.newBuilder(settings.endpoint()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The SendSms parameters (tests check their shape). */
    Map<String, String> sendParams(List<String> phones, String templateCode, Map<String, String> params, String outId) {
        Map<String, String> p = common("SendSms");
        p.put("PhoneNumbers", String.join(",", phones.stream().map(Phones::aliyunForm).toList()));
        p.put("SignName", settings.signName());
        p.put("TemplateCode", templateCode);
        try {
            p.put("TemplateParam", HttpCalls.JSON.writeValueAsString(new LinkedHashMap<>(params)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        p.put("OutId", outId);
        return p;
    }

    @Override
    public SendResult send(List<String> phones, String templateCode, Map<String, String> params, List<String> paramOrder, String outId) {
        HttpCalls.Reply r;
        try {
            r = HttpCalls.exchange(http, request(sendParams(phones, templateCode, params, outId)));
        } catch (HttpCalls.CallFailed e) {
            return new SendResult(e.outcome, null, "HTTP", e.getMessage());
        }
        String code = r.json() == null ? null : r.json().path("Code").asText(null);
        String message = r.json() == null ? r.body() : r.json().path("Message").asText(null);
        if ("OK".equals(code)) {
            return SendResult.accepted(r.json().path("BizId").asText(null));
        }
        return new SendResult(classify(r.status(), code), null, code == null ? "HTTP_" + r.status() : code, message);
    }

    static Outcome classify(int status, String code) {
        if (code == null) {
            return status >= 500 || status == 0 ? Outcome.UNKNOWN : Outcome.RETRYABLE;
        }
        if (RETRYABLE.contains(code)) {
            return Outcome.RETRYABLE;
        }
        if (UNKNOWN.contains(code) || status >= 500) {
            return Outcome.UNKNOWN;
        }
        return code.startsWith("isv.") ? Outcome.PERMANENT : Outcome.RETRYABLE;
    }

    @Override
    public QueryResult query(String outId, String phone, LocalDate date) {
        for (int page = 1; page <= 20; page++) {
            Map<String, String> p = common("QuerySendDetails");
            p.put("PhoneNumber", Phones.aliyunForm(phone));
            p.put("SendDate", date.format(DateTimeFormatter.BASIC_ISO_DATE));
            p.put("PageSize", "50");
            p.put("CurrentPage", String.valueOf(page));
            HttpCalls.Reply r;
            try {
                r = HttpCalls.exchange(http, request(p));
            } catch (HttpCalls.CallFailed e) {
                return new QueryResult(QueryStatus.ERROR, null, e.getMessage());
            }
            if (r.json() == null || !"OK".equals(r.json().path("Code").asText())) {
                return new QueryResult(QueryStatus.ERROR, null, r.json() == null ? "HTTP_" + r.status() : r.json().path("Code").asText());
            }
            JsonNode list = r.json().path("SmsSendDetailDTOs").path("SmsSendDetailDTO");
            for (JsonNode d : list) {
                if (outId.equals(d.path("OutId").asText())) {
                    String bizId = d.path("BizId").asText(null);
                    return switch (d.path("SendStatus").asInt()) {
                        case 3 -> new QueryResult(QueryStatus.DELIVERED, bizId, null);
                        case 2 -> new QueryResult(QueryStatus.FAILED, bizId, d.path("ErrCode").asText(null));
                        default -> new QueryResult(QueryStatus.ACCEPTED, bizId, null);
                    };
                }
            }
            if (list.size() < 50) {
                break;
            }
        }
        return new QueryResult(QueryStatus.NOT_FOUND, null, null);
    }

    /** SmsReport push: {@code [{phone_number, send_time, report_time, success, err_code, err_msg, sms_size, biz_id, out_id}]}. */
    @Override
    public List<DeliveryReceipt> parseReceipts(String body) {
        List<DeliveryReceipt> out = new ArrayList<>();
        JsonNode arr;
        try {
            arr = HttpCalls.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("receipt body is not JSON", e);
        }
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException("receipt body is not a JSON array");
        }
        for (JsonNode n : arr) {
            java.time.Instant at = null;
            String t = n.path("report_time").asText(null);
            if (t != null) {
                try {
                    at = LocalDateTime.parse(t, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).atZone(CHINA).toInstant();
                } catch (RuntimeException ignored) {
                    // keep null
                }
            }
            out.add(new DeliveryReceipt(n.path("out_id").asText(null), n.path("biz_id").asText(null), n.path("phone_number").asText(null),
                    n.path("success").asBoolean(false), n.path("err_code").asText(null), at));
        }
        return out;
    }
}
