package org.smartproperty.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.sim.sms.internal.SmsSimulator;

/**
 * INT-SMS done-when (issue 6 item 5): a burst of complaints while the provider fails, times out and is
 * down for a while, with a dispatcher "crash" and a new dispatcher on the same database in the middle:
 * afterwards every message was received by the provider exactly once (counted by outId over HTTP)
 * and every row is DELIVERED (receipts pushed by the simulator). Real time, short settings; the
 * waits are polls with a generous limit, never timed assertions.
 */
class SmsReliabilityTest {

    static {
        // issue 10 item 1: message kinds are contributed by their bundles; outside OSGi the stand-ins register them
        org.smartproperty.notification.MessageKinds.register(org.smartproperty.platform.testsupport.StandInContributions.messageKinds());
    }

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static Harness h;
    static final int BURST = 200;

    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/notification.changelog.xml");
        h = new Harness(Duration.ofMillis(300));
    }

    @AfterAll
    static void tearDown() {
        h.close();
    }

    static DispatchSettings fast() {
        return new DispatchSettings(true, Duration.ofMillis(50), 20, 4, 1000, Duration.ofMillis(100), Duration.ofMillis(800),
                Duration.ofMillis(1500), Duration.ofSeconds(3), 1, 5, 10, 500, 5000, Duration.ofMinutes(15), Duration.ofHours(2));
    }

    @Test
    void burstThroughFailuresDowntimeAndRestartIsDeliveredExactlyOnce_INT_SMS_SVC_CMP_4() throws Exception {
        SmsOutboxImpl outbox = new SmsOutboxImpl(db.dataSource(), Clock.systemUTC());
        h.receiptTarget.set(outbox);
        SmsSender sender = h.sender("aliyun", Duration.ofMillis(700));
        h.receiptParser.set(sender);

        // the burst: each complaint its own business transaction; distinct complainants (a second SMS to one number within a minute is deferred: SmsOutboxContract)
        List<String> outIds = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                String phone = i % 20 == 0 ? "+853 6" + String.format("%07d", i * 7 + 1) : String.format("137%08d", i);
                outIds.add(outbox.enqueue(c, new SmsRequest(phone, MessageKind.of("COMPLAINT_RECEIVED"), Map.of("no", "TS-" + i), "complaint:" + i)));
                c.commit();
            }
        }

        // phase 1: provider answers 500 (unknown outcome: every row needs reconciliation before a resend)
        h.sim.mode(SmsSimulator.Mode.HTTP500);
        SmsDispatcher first = new SmsDispatcher(db.dataSource(), sender, fast(), Clock.systemUTC());
        first.start();
        Harness.await("some rows UNKNOWN", Duration.ofSeconds(30), () -> Harness.count(db.dataSource(), "state = 'UNKNOWN'") >= 20);

        // phase 2: provider down (connection refused)
        h.sim.down();
        Harness.await("attempts while down", Duration.ofSeconds(30),
                () -> Harness.count(db.dataSource(), "last_error LIKE '%RETRYABLE%connect%'") >= 5);
        h.sim.up();

        // phase 3: accept-then-timeout for a while, then a slow but healthy provider
        h.sim.hang(Duration.ofMillis(1200));
        h.sim.mode(SmsSimulator.Mode.TIMEOUT);
        Harness.await("some accepted but timed out", Duration.ofSeconds(30), () -> h.sim.messages().size() >= 10);
        h.sim.mode(SmsSimulator.Mode.OK);
        h.sim.delay(Duration.ofMillis(150));

        // phase 4: the first dispatcher dies while it has rows SENDING; a new one takes over the same database
        Harness.await("rows in flight", Duration.ofSeconds(30), () -> Harness.count(db.dataSource(), "state = 'SENDING'") > 0);
        first.crash();
        long leftSending = Harness.count(db.dataSource(), "state = 'SENDING'");
        SmsDispatcher second = new SmsDispatcher(db.dataSource(), sender, fast(), Clock.systemUTC());
        second.start();
        try {
            Harness.await("all delivered", Duration.ofSeconds(120), () -> Harness.count(db.dataSource(), "state = 'DELIVERED'") == BURST);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; states " + new SmsOutboxImpl(db.dataSource(), Clock.systemUTC()).counts(), e);
        } finally {
            second.stop();
        }

        Map<String, Integer> received = h.receivedByOutId();
        Set<String> duplicates = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        for (String id : outIds) {
            int n = received.getOrDefault(id, 0);
            if (n == 0) {
                missing.add(id);
            } else if (n > 1) {
                duplicates.add(id + "×" + n);
            }
        }
        assertEquals(Set.of(), missing);
        assertEquals(Set.of(), duplicates);
        assertEquals(BURST, received.size());
        assertEquals(0, Harness.count(db.dataSource(), "state <> 'DELIVERED'"));
        assertTrue(leftSending > 0);
    }
}
