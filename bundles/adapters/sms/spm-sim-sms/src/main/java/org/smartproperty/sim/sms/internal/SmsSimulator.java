package org.smartproperty.sim.sms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.adapter.sms.SmsSigning;
import org.smartproperty.notification.Phones;
import org.smartproperty.notification.SmsTemplates;

/**
 * SMS provider simulator (INT-SMS, development and tests only), over real HTTP (JDK {@link HttpServer}).
 * <ul>
 * <li>{@code POST /aliyun/} — Alibaba Cloud RPC: {@code Action=SendSms} and {@code QuerySendDetails},
 * form or query parameters, signature v1 checked ({@code SignatureDoesNotMatch});</li>
 * <li>{@code POST /tencent/} — Tencent Cloud 2021-01-11: {@code X-TC-Action: SendSms} and
 * {@code PullSmsSendStatusByPhoneNumber}, TC3 signature checked ({@code AuthFailure.SignatureFailure});</li>
 * <li>delivery receipts POSTed to the receipt URL ({@code {provider}} replaced) after a delay, retried
 * at the configured intervals (Alibaba: 1, 5, 10 minutes); a number ending in {@code 0000} is
 * "switched off" and gets a failure receipt;</li>
 * <li>{@code POST /sim/sms/control?mode=ok|http500|limit|timeout&delayMs=&hangMs=&downMs=} — failure modes:
 * HTTP 500 without taking the message, {@code isv.BUSINESS_LIMIT_CONTROL} / {@code LimitExceeded…},
 * accept-then-timeout (the message is taken, the reply comes after {@code hangMs}), a delay before
 * every answer, or down for {@code downMs} (connection refused);</li>
 * <li>{@code GET /sim/sms/messages} — received messages as JSON ({@code outId, phone, text, receivedAt, …});
 * {@code DELETE} empties; {@code GET /sim/sms/} — inbox page (zh-CN).</li>
 * </ul>
 */
public final class SmsSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(SmsSimulator.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

    public enum Mode { OK, HTTP500, LIMIT, TIMEOUT }

    /**
     * @param receiptUrl   where receipts are POSTed, {@code {provider}} replaced by aliyun / tencent; empty = no receipts
     * @param receiptRetries delays between receipt attempts after the first one fails
     */
    public record Settings(String bindAddress, String accessKeyId, String accessKeySecret, String signName, String receiptUrl,
                           String receiptToken, Duration receiptDelay, List<Duration> receiptRetries, Clock clock) {
    }

    /** One received message. */
    public record Message(String provider, String outId, String bizId, String phone, String templateCode, Map<String, String> params,
                          String text, Instant receivedAt, boolean reachable) {
    }

    private final Settings settings;
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, String> receiptState = new java.util.concurrent.ConcurrentHashMap<>(); // bizId -> PENDING/SENT/GAVE_UP
    private final AtomicLong biz = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    private final AtomicInteger receiptsPushed = new AtomicInteger();
    private volatile Mode mode = Mode.OK;
    private volatile long delayMillis;
    private volatile long hangMillis = 15_000;
    private HttpServer server;
    private int port;
    private ExecutorService handlers;
    private final ScheduledExecutorService timers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public SmsSimulator(Settings settings) {
        this.settings = settings;
        this.timers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "spm-sim-sms-timer");
            t.setDaemon(true);
            return t;
        });
    }

    // ------------------------------------------------------------------ lifecycle and control

    public synchronized void start(int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(settings.bindAddress(), port), 64);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "spm-sim-sms-http");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(handlers);
        s.createContext("/aliyun/", this::aliyun);
        s.createContext("/tencent/", this::tencent);
        s.createContext("/sim/sms/", this::sim);
        s.start();
        server = s;
        this.port = s.getAddress().getPort();
    }

    /** Stops listening (connections refused) and the receipt pushes. */
    public synchronized void stop() {
        stopServer();
        timers.shutdownNow();
    }

    private synchronized void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
            handlers.shutdown();
        }
    }

    /** Down: nothing listens on the port until {@link #up()}. */
    public synchronized void down() {
        stopServer();
        LOG.warn("SMS simulator DOWN");
    }

    public synchronized void up() throws IOException {
        if (server == null) {
            start(port);
            LOG.warn("SMS simulator up again on {}", port);
        }
    }

    public synchronized boolean isUp() {
        return server != null;
    }

    public void mode(Mode m) {
        mode = m;
    }

    public Mode mode() {
        return mode;
    }

    /** Delay before every provider answer (slow provider). */
    public void delay(Duration d) {
        delayMillis = d.toMillis();
    }

    /** How long a TIMEOUT-mode answer hangs after taking the message. */
    public void hang(Duration d) {
        hangMillis = d.toMillis();
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://" + ("0.0.0.0".equals(settings.bindAddress()) ? "127.0.0.1" : settings.bindAddress()) + ":" + port);
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    public synchronized void clear() {
        messages.clear();
    }

    public int receiptsPushed() {
        return receiptsPushed.get();
    }

    // ------------------------------------------------------------------ Alibaba

    private void aliyun(HttpExchange ex) throws IOException {
        try (ex) {
            pause();
            Map<String, String> p = new TreeMap<>(form(ex.getRequestURI().getRawQuery()));
            if ("POST".equals(ex.getRequestMethod())) {
                p.putAll(form(body(ex)));
            }
            if (mode == Mode.HTTP500) {
                json(ex, 500, Map.of("Code", "isp.SYSTEM_ERROR", "Message", "simulated failure", "RequestId", UUID.randomUUID().toString()));
                return;
            }
            String requestId = UUID.randomUUID().toString();
            if (!settings.accessKeySecret().isEmpty()) {
                String given = p.get("Signature");
                String expected = SmsSigning.aliyunSignature(ex.getRequestMethod(), p, settings.accessKeySecret());
                if (!settings.accessKeyId().equals(p.get("AccessKeyId"))) {
                    json(ex, 404, Map.of("Code", "InvalidAccessKeyId.NotFound", "Message", "Specified access key is not found.", "RequestId", requestId));
                    return;
                }
                if (!expected.equals(given)) {
                    json(ex, 400, Map.of("Code", "SignatureDoesNotMatch", "Message", "Specified signature is not matched with our calculation.",
                            "RequestId", requestId));
                    return;
                }
            }
            switch (p.getOrDefault("Action", "")) {
                case "SendSms" -> aliyunSend(ex, p, requestId);
                case "QuerySendDetails" -> aliyunQuery(ex, p, requestId);
                default -> json(ex, 400, Map.of("Code", "InvalidAction.NotFound", "Message", "unknown action", "RequestId", requestId));
            }
        } catch (RuntimeException e) {
            LOG.warn("SMS simulator (aliyun) failed", e);
        }
    }

    private void aliyunSend(HttpExchange ex, Map<String, String> p, String requestId) throws IOException {
        if (mode == Mode.LIMIT) {
            json(ex, 200, Map.of("Code", "isv.BUSINESS_LIMIT_CONTROL", "Message", "触发分钟级流控Permits:1", "RequestId", requestId));
            return;
        }
        List<String> phones = new ArrayList<>();
        for (String raw : p.getOrDefault("PhoneNumbers", "").split(",")) {
            Optional<String> n = Phones.normalize(raw);
            if (n.isEmpty()) {
                json(ex, 200, Map.of("Code", "isv.MOBILE_NUMBER_ILLEGAL", "Message", "非法手机号", "RequestId", requestId));
                return;
            }
            phones.add(n.get());
        }
        Optional<SmsTemplates.Ref> ref = SmsTemplates.resolve(p.get("TemplateCode"));
        if (ref.isEmpty()) {
            json(ex, 200, Map.of("Code", "isv.SMS_TEMPLATE_ILLEGAL", "Message", "模板不合法", "RequestId", requestId));
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        try {
            JsonNode tp = JSON.readTree(p.getOrDefault("TemplateParam", "{}"));
            tp.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            json(ex, 200, Map.of("Code", "isv.INVALID_JSON_PARAM", "Message", "JSON参数不合法", "RequestId", requestId));
            return;
        }
        for (String name : ref.get().kind().params()) {
            if (!params.containsKey(name)) {
                json(ex, 200, Map.of("Code", "isv.TEMPLATE_MISSING_PARAMETERS", "Message", "模板缺少变量", "RequestId", requestId));
                return;
            }
        }
        String bizId = biz.incrementAndGet() + "^0";
        for (String phone : phones) {
            take("aliyun", p.get("OutId"), bizId, phone, p.get("TemplateCode"), ref.get(), params, p.get("SignName"));
        }
        if (mode == Mode.TIMEOUT) {
            hangUp();
        }
        json(ex, 200, Map.of("Code", "OK", "Message", "OK", "BizId", bizId, "RequestId", requestId));
    }

    private void aliyunQuery(HttpExchange ex, Map<String, String> p, String requestId) throws IOException {
        String phone = Phones.normalize(p.getOrDefault("PhoneNumber", "")).orElse("");
        LocalDate day = LocalDate.parse(p.getOrDefault("SendDate", "19700101"), DateTimeFormatter.BASIC_ISO_DATE);
        int size = Integer.parseInt(p.getOrDefault("PageSize", "10"));
        int pageNo = Integer.parseInt(p.getOrDefault("CurrentPage", "1"));
        List<Message> found = messages().stream().filter(m -> m.provider.equals("aliyun") && m.phone.equals(phone)
                && m.receivedAt.atZone(CHINA).toLocalDate().equals(day)).toList();
        ArrayNode dtos = JSON.createArrayNode();
        Instant now = settings.clock().instant();
        found.stream().skip((long) (pageNo - 1) * size).limit(size).forEach(m -> {
            ObjectNode d = dtos.addObject();
            boolean reported = !now.isBefore(m.receivedAt.plus(settings.receiptDelay()));
            d.put("PhoneNum", Phones.aliyunForm(m.phone));
            d.put("SendStatus", !reported ? 1 : m.reachable ? 3 : 2);
            d.put("ErrCode", !reported ? "" : m.reachable ? "DELIVERED" : "MK:0001");
            d.put("TemplateCode", m.templateCode);
            d.put("Content", m.text);
            d.put("SendDate", TIME.format(m.receivedAt));
            d.put("ReceiveDate", reported ? TIME.format(m.receivedAt.plus(settings.receiptDelay())) : "");
            d.put("OutId", m.outId);
        });
        ObjectNode r = JSON.createObjectNode();
        r.put("Code", "OK");
        r.put("Message", "OK");
        r.put("RequestId", requestId);
        r.put("TotalCount", String.valueOf(found.size()));
        r.putObject("SmsSendDetailDTOs").set("SmsSendDetailDTO", dtos);
        json(ex, 200, r);
    }

    // ------------------------------------------------------------------ Tencent

    private void tencent(HttpExchange ex) throws IOException {
        try (ex) {
            pause();
            String body = body(ex);
            String requestId = UUID.randomUUID().toString();
            if (mode == Mode.HTTP500) {
                json(ex, 500, Map.of("Response", Map.of("Error", Map.of("Code", "InternalError", "Message", "simulated failure"), "RequestId", requestId)));
                return;
            }
            if (!settings.accessKeySecret().isEmpty()) {
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                String ts = ex.getRequestHeaders().getFirst("X-TC-Timestamp");
                String host = ex.getRequestHeaders().getFirst("Host");
                String expected = ts == null ? null : SmsSigning.tc3Authorization(settings.accessKeyId(), settings.accessKeySecret(),
                        Long.parseLong(ts), "sms", ex.getRequestURI().getRawPath(), host, body);
                if (auth == null || !auth.equals(expected)) {
                    tencentError(ex, "AuthFailure.SignatureFailure", "The provided credentials could not be validated.", requestId);
                    return;
                }
            }
            JsonNode b = JSON.readTree(body);
            switch (String.valueOf(ex.getRequestHeaders().getFirst("X-TC-Action"))) {
                case "SendSms" -> tencentSend(ex, b, requestId);
                case "PullSmsSendStatusByPhoneNumber" -> tencentPull(ex, b, requestId);
                default -> tencentError(ex, "InvalidAction", "unknown action", requestId);
            }
        } catch (RuntimeException e) {
            LOG.warn("SMS simulator (tencent) failed", e);
        }
    }

    private void tencentError(HttpExchange ex, String code, String message, String requestId) throws IOException {
        json(ex, 200, Map.of("Response", Map.of("Error", Map.of("Code", code, "Message", message), "RequestId", requestId)));
    }

    private void tencentSend(HttpExchange ex, JsonNode b, String requestId) throws IOException {
        if (mode == Mode.LIMIT) {
            tencentError(ex, "LimitExceeded.PhoneNumberThirtySecondLimit", "单个手机号30秒内下发短信条数超过设定的上限", requestId);
            return;
        }
        Optional<SmsTemplates.Ref> ref = SmsTemplates.resolve(b.path("TemplateId").asText());
        if (ref.isEmpty()) {
            tencentError(ex, "FailedOperation.TemplateIncorrectOrUnapproved", "模板未审批或内容不匹配", requestId);
            return;
        }
        List<String> names = ref.get().kind().params();
        JsonNode set = b.path("TemplateParamSet");
        if (set.size() != names.size()) {
            tencentError(ex, "InvalidParameterValue.TemplateParameterFormatError", "验证码模板参数格式错误", requestId);
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), set.get(i).asText());
        }
        List<String> phones = new ArrayList<>();
        for (JsonNode n : b.path("PhoneNumberSet")) {
            Optional<String> phone = Phones.normalize(n.asText());
            if (phone.isEmpty()) {
                tencentError(ex, "InvalidParameterValue.IncorrectPhoneNumber", "手机号格式错误", requestId);
                return;
            }
            phones.add(phone.get());
        }
        ObjectNode r = JSON.createObjectNode();
        ObjectNode resp = r.putObject("Response");
        ArrayNode statuses = resp.putArray("SendStatusSet");
        for (String phone : phones) {
            String serial = "2433:" + biz.incrementAndGet();
            take("tencent", b.path("SessionContext").asText(null), serial, phone, b.path("TemplateId").asText(), ref.get(), params,
                    b.path("SignName").asText());
            ObjectNode s = statuses.addObject();
            s.put("SerialNo", serial);
            s.put("PhoneNumber", phone);
            s.put("Fee", 1);
            s.put("SessionContext", b.path("SessionContext").asText(""));
            s.put("Code", "Ok");
            s.put("Message", "send success");
            s.put("IsoCode", Phones.region(phone) == Phones.Region.MACAO ? "MO" : Phones.region(phone) == Phones.Region.HONG_KONG ? "HK" : "CN");
        }
        resp.put("RequestId", requestId);
        if (mode == Mode.TIMEOUT) {
            hangUp();
        }
        json(ex, 200, r);
    }

    private void tencentPull(HttpExchange ex, JsonNode b, String requestId) throws IOException {
        String phone = Phones.normalize(b.path("PhoneNumber").asText()).orElse("");
        Instant from = Instant.ofEpochSecond(b.path("BeginTime").asLong());
        Instant to = b.has("EndTime") ? Instant.ofEpochSecond(b.path("EndTime").asLong()) : Instant.MAX;
        ObjectNode r = JSON.createObjectNode();
        ObjectNode resp = r.putObject("Response");
        ArrayNode set = resp.putArray("PullSmsSendStatusSet");
        for (Message m : messages()) {
            if (m.provider.equals("tencent") && m.phone.equals(phone) && !m.receivedAt.isBefore(from) && m.receivedAt.isBefore(to)) {
                ObjectNode s = set.addObject();
                s.put("UserReceiveTime", m.receivedAt.plus(settings.receiptDelay()).getEpochSecond());
                s.put("CountryCode", phone.startsWith("+853") ? "853" : phone.startsWith("+852") ? "852" : "86");
                s.put("SubscriberNumber", phone.substring(phone.startsWith("+86") ? 3 : 4));
                s.put("PhoneNumber", phone);
                s.put("SerialNo", m.bizId);
                s.put("ReportStatus", m.reachable ? "SUCCESS" : "FAIL");
                s.put("Description", m.reachable ? "用户短信送达成功" : "用户关机");
                s.put("SessionContext", m.outId == null ? "" : m.outId);
            }
        }
        resp.put("RequestId", requestId);
        json(ex, 200, r);
    }

    // ------------------------------------------------------------------ taking a message, receipts

    private void take(String provider, String outId, String bizId, String phone, String templateCode, SmsTemplates.Ref ref,
                      Map<String, String> params, String signName) {
        String text = "【" + (signName == null ? settings.signName() : signName) + "】" + SmsTemplates.render(ref.kind(), ref.locale(), params);
        Message m = new Message(provider, outId, bizId, phone, templateCode, Map.copyOf(params), text, settings.clock().instant(),
                !phone.endsWith("0000"));
        synchronized (this) {
            messages.add(m);
        }
        if (!settings.receiptUrl().isBlank()) {
            receiptState.put(bizId + phone, "PENDING");
            schedule(m, 0, settings.receiptDelay());
        }
    }

    private void schedule(Message m, int attempt, Duration delay) {
        try {
            timers.schedule(() -> push(m, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // simulator stopped
        }
    }

    private void push(Message m, int attempt) {
        String url = settings.receiptUrl().replace("{provider}", m.provider);
        ArrayNode arr = JSON.createArrayNode();
        ObjectNode n = arr.addObject();
        Instant reported = m.receivedAt.plus(settings.receiptDelay());
        if (m.provider.equals("aliyun")) {
            n.put("phone_number", Phones.aliyunForm(m.phone));
            n.put("send_time", TIME.format(m.receivedAt));
            n.put("report_time", TIME.format(reported));
            n.put("success", m.reachable);
            n.put("err_code", m.reachable ? "DELIVERED" : "MK:0001");
            n.put("err_msg", m.reachable ? "用户接收成功" : "用户关机");
            n.put("sms_size", "1");
            n.put("biz_id", m.bizId);
            n.put("out_id", m.outId);
        } else {
            n.put("user_receive_time", TIME.format(reported));
            n.put("nationcode", m.phone.startsWith("+853") ? "853" : m.phone.startsWith("+852") ? "852" : "86");
            n.put("mobile", m.phone.substring(m.phone.startsWith("+86") ? 3 : 4));
            n.put("report_status", m.reachable ? "SUCCESS" : "FAIL");
            n.put("errmsg", m.reachable ? "DELIVRD" : "MK:0001");
            n.put("description", m.reachable ? "用户短信送达成功" : "用户关机");
            n.put("sid", m.bizId);
            n.put("ext", m.outId);
        }
        boolean ok = false;
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(arr.toString()));
            if (!settings.receiptToken().isBlank()) {
                rb.header("X-SPM-Receipt-Token", settings.receiptToken());
            }
            HttpResponse<String> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            ok = r.statusCode() / 100 == 2;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (ok) {
            receiptState.put(m.bizId + m.phone, "SENT");
            receiptsPushed.incrementAndGet();
        } else if (attempt < settings.receiptRetries().size()) {
            schedule(m, attempt + 1, settings.receiptRetries().get(attempt));
        } else {
            receiptState.put(m.bizId + m.phone, "GAVE_UP");
        }
    }

    // ------------------------------------------------------------------ simulator pages

    private void sim(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/sim/sms/messages") && "GET".equals(method)) {
                ArrayNode arr = JSON.createArrayNode();
                for (Message m : messages()) {
                    ObjectNode o = arr.addObject();
                    o.put("provider", m.provider);
                    o.put("outId", m.outId);
                    o.put("bizId", m.bizId);
                    o.put("phone", m.phone);
                    o.put("templateCode", m.templateCode);
                    o.put("text", m.text);
                    o.put("receivedAt", m.receivedAt.toString());
                    o.put("receipt", receiptState.getOrDefault(m.bizId + m.phone, "NONE"));
                }
                json(ex, 200, arr);
            } else if (path.equals("/sim/sms/messages") && "DELETE".equals(method)) {
                clear();
                ex.sendResponseHeaders(204, -1);
            } else if (path.equals("/sim/sms/control") && "POST".equals(method)) {
                Map<String, String> q = form(ex.getRequestURI().getRawQuery());
                if (q.containsKey("mode")) {
                    mode(Mode.valueOf(q.get("mode").toUpperCase(Locale.ROOT)));
                }
                if (q.containsKey("delayMs")) {
                    delay(Duration.ofMillis(Long.parseLong(q.get("delayMs"))));
                }
                if (q.containsKey("hangMs")) {
                    hang(Duration.ofMillis(Long.parseLong(q.get("hangMs"))));
                }
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("mode", mode.name());
                state.put("delayMs", delayMillis);
                state.put("hangMs", hangMillis);
                if (q.containsKey("downMs")) {
                    long down = Long.parseLong(q.get("downMs"));
                    state.put("downMs", down);
                    json(ex, 202, state);
                    timers.schedule(this::down, 100, TimeUnit.MILLISECONDS);
                    timers.schedule(() -> {
                        try {
                            up();
                        } catch (IOException e) {
                            LOG.error("SMS simulator cannot listen again", e);
                        }
                    }, 100 + down, TimeUnit.MILLISECONDS);
                    return;
                }
                json(ex, 200, state);
            } else if ((path.equals("/sim/sms/") || path.equals("/sim/sms")) && "GET".equals(method)) {
                byte[] html = InboxPage.render(messages(), mode.name(), receiptState).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, html.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(html);
                }
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        } catch (IllegalArgumentException e) {
            json(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    // ------------------------------------------------------------------ helpers

    private void pause() {
        long d = delayMillis;
        if (d > 0) {
            sleep(d);
        }
    }

    private void hangUp() {
        sleep(hangMillis);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void json(HttpExchange ex, int status, Object value) throws IOException {
        byte[] b = JSON.writeValueAsBytes(value);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }
}
