package org.smartproperty.sim.sms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.adapter.sms.internal.SmsAdapterComponent;
import org.smartproperty.adapter.sms.internal.SmsAdapterSettings;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.notification.SmsTemplates;

/** INT-SMS: the simulator answers like the providers (the real adapter talks to it over HTTP). */
class SmsSimulatorTest {

    static {
        // issue 10 item 1: message kinds are contributed by their bundles; outside OSGi the stand-ins register them
        org.smartproperty.notification.MessageKinds.register(org.smartproperty.platform.testsupport.StandInContributions.messageKinds());
    }

    static SmsSimulator sim;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sim = new SmsSimulator(new SmsSimulator.Settings("127.0.0.1", "k", "s", "横琴智慧物业", "", "", Duration.ofSeconds(1), List.of(),
                Clock.systemUTC()));
        sim.start(0);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @BeforeEach
    void reset() {
        sim.mode(SmsSimulator.Mode.OK);
        sim.clear();
    }

    static SmsSender sender(String provider, String secret) {
        return SmsAdapterComponent.create(new SmsAdapterSettings(provider, URI.create(sim.baseUri() + "/" + provider + "/"), "k", secret,
                "横琴智慧物业", "1400000001", "ap-guangzhou", Duration.ofSeconds(1), Duration.ofSeconds(2)), Clock.systemUTC());
    }

    static SmsSender.SendResult send(SmsSender s, String phone, String outId) {
        return s.send(List.of(phone), SmsTemplates.code(MessageKind.of("REPAIR_DONE"), java.util.Locale.SIMPLIFIED_CHINESE), Map.of("no", "BX-1"),
                MessageKind.of("REPAIR_DONE").params(), outId);
    }

    @Test
    void signaturesAreCheckedForBothProviders_INT_SMS() {
        SmsSender.SendResult a = send(sender("aliyun", "wrong"), "+8613800000001", "o1");
        assertEquals(SmsSender.Outcome.RETRYABLE, a.outcome());
        assertEquals("SignatureDoesNotMatch", a.errorCode());
        SmsSender.SendResult t = send(sender("tencent", "wrong"), "+8613800000001", "o2");
        assertEquals(SmsSender.Outcome.RETRYABLE, t.outcome());
        assertEquals("AuthFailure.SignatureFailure", t.errorCode());
        assertEquals(0, sim.messages().size());
    }

    @Test
    void requestShapesAreUnderstoodAndQueryFindsTheMessageByOutId_INT_SMS() {
        for (String provider : List.of("aliyun", "tencent")) {
            SmsSender s = sender(provider, "s");
            SmsSender.SendResult r = send(s, "+85366123456", provider + "-1");
            assertEquals(SmsSender.Outcome.ACCEPTED, r.outcome(), String.valueOf(r));
            assertEquals(SmsSender.QueryStatus.NOT_FOUND, s.query(provider + "-2", "+85366123456", java.time.LocalDate.now(SmsSimulator.CHINA)).status());
            SmsSender.QueryResult q = s.query(provider + "-1", "+85366123456", java.time.LocalDate.now(SmsSimulator.CHINA));
            assertTrue(q.status() == SmsSender.QueryStatus.ACCEPTED || q.status() == SmsSender.QueryStatus.DELIVERED, q.toString());
        }
        SmsSimulator.Message m = sim.messages().get(1);
        assertEquals("tencent", m.provider());
        assertEquals("+85366123456", m.phone());
        assertEquals(Map.of("no", "BX-1"), m.params());
        assertEquals("【横琴智慧物业】您的报修（编号BX-1）已维修完成，请评价。", m.text());
    }

    @Test
    void illegalNumbersAndTemplatesArePermanent_INT_SMS() {
        SmsSender s = sender("aliyun", "s");
        SmsSender.SendResult r = s.send(List.of("+8613800000001"), "SMS_NOPE", Map.of(), List.of(), "o3");
        assertEquals(SmsSender.Outcome.PERMANENT, r.outcome());
        assertEquals("isv.SMS_TEMPLATE_ILLEGAL", r.errorCode());
        SmsSender t = sender("tencent", "s");
        assertEquals(SmsSender.Outcome.PERMANENT, t.send(List.of("+8613800000001"), "999", Map.of(), List.of(), "o4").outcome());
    }

    @Test
    void controlEndpointSwitchesFailureModesAndTheInboxShowsMessages() throws Exception {
        HttpResponse<String> c = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/sim/sms/control?mode=limit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, c.statusCode());
        SmsSender.SendResult r = send(sender("aliyun", "s"), "+8613800000002", "o5");
        assertEquals(SmsSender.Outcome.RETRYABLE, r.outcome());
        assertEquals("isv.BUSINESS_LIMIT_CONTROL", r.errorCode());
        sim.mode(SmsSimulator.Mode.HTTP500);
        assertEquals(SmsSender.Outcome.UNKNOWN, send(sender("tencent", "s"), "+8613800000002", "o6").outcome());
        sim.mode(SmsSimulator.Mode.OK);
        assertEquals(SmsSender.Outcome.ACCEPTED, send(sender("aliyun", "s"), "+8613800000002", "o7").outcome());
        String inbox = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/sim/sms/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(inbox.contains("短信模拟器") && inbox.contains("您的报修（编号BX-1）已维修完成"), inbox);
        String json = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/sim/sms/messages")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(json.contains("\"outId\":\"o7\""), json);
    }

    @Test
    void downRefusesConnectionsAndComesBack_INT_SMS() throws Exception {
        sim.down();
        assertEquals(SmsSender.Outcome.RETRYABLE, send(sender("aliyun", "s"), "+8613800000003", "o8").outcome());
        sim.up();
        assertEquals(SmsSender.Outcome.ACCEPTED, send(sender("aliyun", "s"), "+8613800000003", "o9").outcome());
    }
}
