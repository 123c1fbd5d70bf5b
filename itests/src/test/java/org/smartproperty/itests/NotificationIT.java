package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;

/**
 * INT-SMS, SVC-CMP-4, SLA-3 in the assembled distribution (spm-dev on PostgreSQL): messages
 * enqueued in a business transaction go through the adapter to the SMS simulator, the simulator
 * pushes receipts to the public receipt endpoint and the regulator sees them DELIVERED (masked); a
 * rolled-back transaction sends nothing; wrong receipt tokens and roles are refused; in-app
 * notifications reach their recipient.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class NotificationIT extends SpmTestSupport {

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }


    @Before
    public void ready() {
        awaitDemoData();
    }

    <S> S service(Class<S> type, String filter) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            java.util.Collection<ServiceReference<S>> refs = context.getServiceReferences(type, filter);
            if (!refs.isEmpty()) {
                return context.getService(refs.iterator().next());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + type.getName() + " service");
    }

    @Test
    public void smsGoOutThroughTheOutboxAndComeBackDeliveredByReceipt_INT_SMS_SVC_CMP_4() throws Exception {
        SmsOutbox outbox = service(SmsOutbox.class, null);
        DataSource ds = service(DataSource.class, "(osgi.jndi.service.name=spm)");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            outbox.enqueue(c, new SmsRequest("13800001111", MessageKind.of("COMPLAINT_RESULT"), Map.of("no", "IT-0", "result", "回滚"), "it:rolledback"));
            c.rollback();
        }
        List<String> outIds = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            outIds.add(outbox.enqueue(c, new SmsRequest("13800002222", MessageKind.of("COMPLAINT_RESULT"), Map.of("no", "IT-1", "result", "已整改"), "it:sms")));
            outIds.add(outbox.enqueue(c, new SmsRequest("+853 6612 3456", MessageKind.of("COMPLAINT_RESULT"), Map.of("no", "IT-2", "result", "已整改"), "it:sms")));
            c.commit();
        }
        HttpResponse<String> list = await("/sms/messages?reference=it:sms", r -> r.statusCode() == 200 && json(r).get("total").asInt() == 2
                && json(r).get("items").get(0).get("state").asText().equals("DELIVERED")
                && json(r).get("items").get(1).get("state").asText().equals("DELIVERED"), Duration.ofSeconds(60));
        JsonNode items = json(list).get("items");
        assertEquals("+853****3456", items.get(0).get("phone").asText()); // ID-2
        assertEquals("+86138****2222", items.get(1).get("phone").asText());
        assertEquals(0, json(get("/sms/messages?reference=it:rolledback")).get("total").asInt());

        HttpResponse<String> received = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + System.getProperty("spm.it.sms.port") + "/sim/sms/messages")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Integer> byOutId = new HashMap<>();
        String macao = null;
        for (JsonNode m : json(received)) {
            byOutId.merge(m.get("outId").asText(), 1, Integer::sum);
            if (m.get("phone").asText().startsWith("+853")) {
                macao = m.get("text").asText();
            }
        }
        for (String id : outIds) {
            assertEquals(id, Integer.valueOf(1), byOutId.get(id));
        }
        assertTrue(macao, macao.contains("您的投訴（編號IT-2）已辦結"));

        HttpResponse<String> health = get("/health/ready");
        assertEquals(health.body(), "UP", json(health).at("/checks/sms-outbox/status").asText());
    }

    @Test
    public void receiptsNeedTheTokenAndTheOutboxNeedsItsPermission_INT_SMS_ID_2() {
        HttpResponse<String> r = send("POST", "/sms/receipts/aliyun", "[]", "Authorization", "none", "X-SPM-Receipt-Token", "wrong");
        assertEquals(r.body(), 401, r.statusCode());
        HttpResponse<String> ok = send("POST", "/sms/receipts/aliyun", "[]", "Authorization", "none", "X-SPM-Receipt-Token", "spm-dev-receipts");
        assertEquals(ok.body(), 200, ok.statusCode());
        assertEquals(401, getAs(null, "/sms/messages").statusCode());
        String developer = login("demo-developer", DEMO_PASSWORD, null);
        assertEquals(403, getAs(developer, "/sms/messages").statusCode());
        assertEquals(200, getAs(developer, "/notifications").statusCode());
    }

    @Test
    public void inAppNotificationsReachTheirRecipient_SLA_3() throws Exception {
        Notifications notifications = service(Notifications.class, null);
        DataSource ds = service(DataSource.class, "(osgi.jndi.service.name=spm)");
        long me = json(get("/auth/me")).get("accountId").asLong();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            notifications.notify(c, me, MessageKind.of("DEADLINE_WARNING"), Map.of("item", "投诉", "no", "IT-3", "deadline", "12月1日"), "/complaints/3");
            c.commit();
        }
        JsonNode n = null;
        for (JsonNode x : json(get("/notifications?unread=true&size=200")).get("items")) {
            if ("/complaints/3".equals(x.path("link").asText())) {
                n = x;
            }
        }
        assertTrue("notification listed", n != null);
        assertEquals("投诉（编号IT-3）即将超时，办理期限为12月1日，请尽快处理。", n.get("text").asText());
        HttpResponse<String> read = send("POST", "/notifications/" + n.get("id").asLong() + "/read", null);
        assertEquals(read.body(), 200, read.statusCode());
        for (JsonNode x : json(get("/notifications?unread=true&size=200")).get("items")) {
            assertTrue(x.toString(), !"/complaints/3".equals(x.path("link").asText()));
        }
        String developer = login("demo-developer", DEMO_PASSWORD, null);
        assertEquals(404, send("POST", "/notifications/" + n.get("id").asLong() + "/read", null, "Authorization", "Bearer " + developer).statusCode());
    }
}
