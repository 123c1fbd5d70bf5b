package org.smartproperty.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notification;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.notification.SmsState;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.testsupport.TestDatabase;

/** SLA-3 in-app notifications, and INT-SMS delivery receipts pushed by the simulator (both providers). */
class NotificationsAndReceiptsTest {

    static {
        // issue 10 item 1: message kinds are contributed by their bundles; outside OSGi the stand-ins register them
        org.smartproperty.notification.MessageKinds.register(org.smartproperty.platform.testsupport.StandInContributions.messageKinds());
    }

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static Harness h;

    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/notification.changelog.xml");
        h = new Harness(Duration.ofMillis(100));
    }

    @AfterAll
    static void tearDown() {
        h.close();
    }

    @Test
    void inAppNotificationCommitsWithTheBusinessChangeAndIsReadByItsRecipientOnly_SLA_3() throws Exception {
        NotificationsImpl n = new NotificationsImpl(db.dataSource(), Clock.systemUTC());
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            n.notify(c, 7, MessageKind.of("DEADLINE_WARNING"), Map.of("item", "投诉", "no", "TS-1", "deadline", "12月1日"), "/complaints/1");
            c.rollback();
        }
        assertEquals(0, n.list(7, false, PageRequest.of(0, 20), Locale.SIMPLIFIED_CHINESE).total());
        long id;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            id = n.notify(c, 7, MessageKind.of("DEADLINE_OVERDUE"), Map.of("item", "投诉", "no", "TS-1", "deadline", "12月1日"), "/complaints/1");
            n.notify(c, 8, MessageKind.NOTICE, Map.of("title", "停水通知"), null);
            c.commit();
        }
        Page<Notification> p = n.list(7, true, PageRequest.of(0, 20), Locale.SIMPLIFIED_CHINESE);
        assertEquals(1, p.total());
        assertEquals("投诉（编号TS-1）已超过办理期限12月1日，已上报督办。", p.items().get(0).text());
        assertEquals("/complaints/1", p.items().get(0).link());
        assertTrue(n.list(7, false, PageRequest.of(0, 20), Locale.ENGLISH).items().get(0).text().startsWith("投诉 (no. TS-1) passed"));
        ApiException e = assertThrows(ApiException.class, () -> n.markRead(8, id)); // not 8's
        assertEquals(404, e.status());
        n.markRead(7, id);
        assertEquals(0, n.list(7, true, PageRequest.of(0, 20), null).total());
        assertEquals(1, n.markAllRead(8));
        try (Connection c = db.dataSource().getConnection()) {
            ApiException missing = assertThrows(ApiException.class, () -> n.notify(c, 7, MessageKind.NOTICE, Map.of(), null));
            assertEquals("params.title", missing.errors().get(0).field());
        }
    }

    @Test
    void receiptsMarkDeliveredOrFailed_INT_SMS() throws Exception {
        for (String provider : List.of("aliyun", "tencent")) {
            SmsOutboxImpl outbox = new SmsOutboxImpl(db.dataSource(), Clock.systemUTC());
            SmsSender sender = h.sender(provider, Duration.ofSeconds(2));
            h.receiptTarget.set(outbox);
            h.receiptParser.set(sender);
            String ok;
            String off;
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                ok = outbox.enqueue(c, SmsRequest.of("13812340001", MessageKind.VERIFICATION_CODE, Map.of("code", "246810", "minutes", "5")));
                off = outbox.enqueue(c, SmsRequest.of("+853 6600 0000", MessageKind.VERIFICATION_CODE, Map.of("code", "135790", "minutes", "5")));
                c.commit();
            }
            SmsDispatcher d = new SmsDispatcher(db.dataSource(), sender, DispatchSettings.defaults().withRateLimits(0, 0, 0), Clock.systemUTC());
            assertEquals(2, d.runOnce());
            d.stop();
            Harness.await("receipts applied (" + provider + ")", Duration.ofSeconds(20),
                    () -> outbox.byOutId(ok).orElseThrow().state().isFinal() && outbox.byOutId(off).orElseThrow().state().isFinal());
            assertEquals(SmsState.DELIVERED, outbox.byOutId(ok).orElseThrow().state());
            var failed = outbox.byOutId(off).orElseThrow();
            assertEquals(SmsState.FAILED, failed.state()); // the simulator's switched-off number
            assertTrue(failed.lastError().startsWith("receipt:"), failed.lastError());
            assertNull(outbox.byOutId(ok).orElseThrow().nextAttemptAt());
            // a receipt never reopens or changes a final row
            assertEquals(0, outbox.applyReceipts(sender.parseReceipts(provider.equals("aliyun")
                    ? "[{\"out_id\":\"" + off + "\",\"success\":true,\"err_code\":\"DELIVERED\"}]"
                    : "[{\"ext\":\"" + off + "\",\"report_status\":\"SUCCESS\",\"sid\":\"x\",\"nationcode\":\"853\",\"mobile\":\"66000000\"}]")));
            assertEquals(SmsState.FAILED, outbox.byOutId(off).orElseThrow().state());
        }
    }
}
