package org.smartproperty.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.notification.SmsState;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.sim.sms.internal.SmsSimulator;

/**
 * INT-SMS outbox behaviour against the real adapter and the simulator over HTTP, on PostgreSQL and
 * H2 (subclasses). Time is a test clock: backoff, limits and reconciliation are stepped, never waited for.
 */
abstract class SmsOutboxContract {

    static {
        // issue 10 item 1: message kinds are contributed by their bundles; outside OSGi the stand-ins register them
        org.smartproperty.notification.MessageKinds.register(org.smartproperty.platform.testsupport.StandInContributions.messageKinds());
    }

    static Harness h;
    MutableClock clock;
    SmsOutboxImpl outbox;
    SmsDispatcher dispatcher;
    SmsSender sender;
    int phoneSeq;

    abstract DataSource ds();

    @BeforeAll
    static void startSimulator() throws Exception {
        h = new Harness(Duration.ofHours(1)); // receipts are tested on their own
    }

    @AfterAll
    static void stopSimulator() {
        h.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        try (Connection c = ds().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM ntf_sms_attempt");
            st.execute("DELETE FROM ntf_sms_outbox");
        }
        h.sim.mode(SmsSimulator.Mode.OK);
        h.sim.delay(Duration.ZERO);
        clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        outbox = new SmsOutboxImpl(ds(), clock);
        sender = h.sender("aliyun", Duration.ofMillis(800));
        DispatchSettings st = new DispatchSettings(true, Duration.ofMillis(50), 50, 4, 3, Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofMinutes(1), Duration.ofMinutes(5), 0, 0, 0, 500, 5000, Duration.ofMinutes(15), Duration.ofHours(2));
        dispatcher = new SmsDispatcher(ds(), sender, st, clock);
    }

    String phone() {
        return String.format("139%08d", (getClass().getSimpleName().hashCode() & 0xffff) * 1000 + ++phoneSeq);
    }

    String enqueueCommitted(SmsRequest r) throws Exception {
        try (Connection c = ds().getConnection()) {
            c.setAutoCommit(false);
            String outId = outbox.enqueue(c, r);
            c.commit();
            return outId;
        }
    }

    static SmsRequest result(String phone) {
        return new SmsRequest(phone, MessageKind.of("COMPLAINT_RESULT"), Map.of("no", "TS-2026-0042", "result", "已责令物业整改"), "complaint:42");
    }

    long received(String outId) throws Exception {
        return h.receivedByOutId().getOrDefault(outId, 0);
    }

    @Test
    void enqueueInARolledBackTransactionSendsNothing_INT_SMS() throws Exception {
        String outId;
        try (Connection c = ds().getConnection()) {
            c.setAutoCommit(false);
            outId = outbox.enqueue(c, result(phone()));
            c.rollback();
        }
        dispatcher.runOnce();
        assertNull(Harness.row(ds(), outId));
        assertEquals(0, received(outId));
    }

    @Test
    void committedMessageIsSentOnceAndShowsItsFinalState_SVC_CMP_4() throws Exception {
        String outId = enqueueCommitted(result(phone()));
        assertEquals(SmsState.QUEUED, outbox.byOutId(outId).orElseThrow().state());
        assertEquals(1, dispatcher.runOnce());
        assertEquals(0, dispatcher.runOnce());
        var m = outbox.byOutId(outId).orElseThrow();
        assertEquals(SmsState.SENT, m.state());
        assertEquals(1, m.attempts());
        assertTrue(m.phone().contains("****"), m.phone()); // ID-2
        assertEquals(1, received(outId));
        JsonNode sms = find(outId);
        assertEquals("【横琴智慧物业】您的投诉（编号TS-2026-0042）已办结，处理结果：已责令物业整改。", sms.path("text").asText());
        assertTrue(outbox.list(SmsState.SENT, "complaint:42", PageRequest.of(0, 20)).total() >= 1);
    }

    @Test
    void macaoNumbersGetTheTraditionalTemplate_INT_SMS() throws Exception {
        String outId = enqueueCommitted(result("+853 6612 " + String.format("%04d", ++phoneSeq)));
        dispatcher.runOnce();
        assertEquals("zh-TW", outbox.byOutId(outId).orElseThrow().locale());
        assertEquals("【横琴智慧物业】您的投訴（編號TS-2026-0042）已辦結，處理結果：已责令物业整改。", find(outId).path("text").asText());
        assertEquals("SPM_COMPLAINT_RESULT_TW", find(outId).path("templateCode").asText());
    }

    @Test
    void invalidPhoneAndMissingParametersAreFieldErrors() throws Exception {
        try (Connection c = ds().getConnection()) {
            ApiException e = assertThrows(ApiException.class, () -> outbox.enqueue(c,
                    new SmsRequest("+853 2812 3456", MessageKind.of("COMPLAINT_RESULT"), Map.of("no", "1"), null)));
            assertEquals(400, e.status());
            assertEquals(List.of("phone", "params.result"), e.errors().stream().map(f -> f.field()).toList());
        }
    }

    @Test
    void flowControlIsRetriedWithExponentialBackoffThenFailed_INT_SMS() throws Exception {
        String outId = enqueueCommitted(result(phone()));
        h.sim.mode(SmsSimulator.Mode.LIMIT);
        Instant t0 = clock.instant();
        assertEquals(1, dispatcher.runOnce());
        var m = outbox.byOutId(outId).orElseThrow();
        assertEquals(SmsState.QUEUED, m.state());
        assertEquals(1, m.attempts());
        assertEquals(t0.plusSeconds(30), m.nextAttemptAt());
        assertTrue(m.lastError().contains("isv.BUSINESS_LIMIT_CONTROL"), m.lastError());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, dispatcher.runOnce()); // not yet due
        clock.advance(Duration.ofSeconds(1));
        Instant t1 = clock.instant();
        assertEquals(1, dispatcher.runOnce());
        assertEquals(t1.plusSeconds(60), outbox.byOutId(outId).orElseThrow().nextAttemptAt()); // doubled
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, dispatcher.runOnce());
        m = outbox.byOutId(outId).orElseThrow();
        assertEquals(SmsState.FAILED, m.state()); // maxAttempts 3
        assertEquals(3, m.attempts());
        assertEquals(0, received(outId));
    }

    @Test
    void retryAfterFlowControlDeliversExactlyOnce_INT_SMS() throws Exception {
        String outId = enqueueCommitted(result(phone()));
        h.sim.mode(SmsSimulator.Mode.LIMIT);
        dispatcher.runOnce();
        h.sim.mode(SmsSimulator.Mode.OK);
        clock.advance(Duration.ofSeconds(30));
        dispatcher.runOnce();
        assertEquals(SmsState.SENT, outbox.byOutId(outId).orElseThrow().state());
        assertEquals(2, outbox.byOutId(outId).orElseThrow().attempts());
        assertEquals(1, received(outId));
    }

    @Test
    void perNumberRateLimitDefersAndNeverDrops_INT_SMS() throws Exception {
        dispatcher = new SmsDispatcher(ds(), sender, dispatcher.settings().withRateLimits(1, 2, 10), clock);
        String phone = phone();
        String a = enqueueCommitted(result(phone));
        String b = enqueueCommitted(result(phone));
        String c = enqueueCommitted(result(phone));
        Instant t0 = clock.instant();
        assertEquals(1, dispatcher.runOnce());
        assertEquals(1, received(a) + received(b) + received(c));
        assertEquals(2, Harness.count(ds(), "phone = '+86" + phone + "' AND state = 'QUEUED'"));
        Instant deferred = Harness.instant(ds(), b, "next_attempt_at");
        assertTrue(!deferred.isBefore(t0.plusSeconds(60)) && deferred.isBefore(t0.plusSeconds(61)), deferred.toString());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, dispatcher.runOnce());
        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, dispatcher.runOnce());
        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, dispatcher.runOnce()); // 2 per hour reached: deferred to t0 + 1 h
        assertEquals(1, Harness.count(ds(), "phone = '+86" + phone + "' AND state = 'QUEUED'"));
        Instant hour = Harness.instant(ds(), c, "next_attempt_at");
        assertTrue(!hour.isBefore(t0.plus(Duration.ofHours(1))), hour.toString());
        clock.advance(Duration.ofHours(1));
        assertEquals(1, dispatcher.runOnce());
        assertEquals(1, received(a));
        assertEquals(1, received(b));
        assertEquals(1, received(c));
    }

    @Test
    void timeoutAfterTheProviderAcceptedIsReconciledNotResent_INT_SMS() throws Exception {
        String outId = enqueueCommitted(result(phone()));
        h.sim.mode(SmsSimulator.Mode.TIMEOUT);
        h.sim.hang(Duration.ofMillis(2500)); // adapter timeout 800 ms
        dispatcher.runOnce();
        var m = outbox.byOutId(outId).orElseThrow();
        assertEquals(SmsState.UNKNOWN, m.state());
        assertEquals(1, received(outId)); // the provider has it
        h.sim.mode(SmsSimulator.Mode.OK);
        dispatcher.runOnce();
        assertEquals(SmsState.UNKNOWN, outbox.byOutId(outId).orElseThrow().state()); // reconciliation waits reconcileDelay
        clock.advance(Duration.ofMinutes(1));
        dispatcher.runOnce();
        m = outbox.byOutId(outId).orElseThrow();
        assertTrue(m.state() == SmsState.SENT || m.state() == SmsState.DELIVERED, m.state().name());
        assertEquals(1, m.attempts());
        clock.advance(Duration.ofMinutes(10));
        dispatcher.runOnce();
        assertEquals(1, received(outId));
    }

    @Test
    void http500IsUnknownAndResentOnlyAfterTheProviderSaysItHasNothing_INT_SMS() throws Exception {
        String outId = enqueueCommitted(result(phone()));
        h.sim.mode(SmsSimulator.Mode.HTTP500);
        dispatcher.runOnce();
        assertEquals(SmsState.UNKNOWN, outbox.byOutId(outId).orElseThrow().state());
        h.sim.mode(SmsSimulator.Mode.OK);
        clock.advance(Duration.ofMinutes(1));
        dispatcher.runOnce(); // query: not found -> QUEUED, then claimed and sent in the same pass
        var m = outbox.byOutId(outId).orElseThrow();
        assertEquals(SmsState.SENT, m.state());
        assertEquals(2, m.attempts());
        assertEquals(1, received(outId));
    }

    @Test
    void providerDownIsRetriedAndNothingIsLost_INT_SMS() throws Exception {
        String outId = enqueueCommitted(result(phone()));
        h.sim.down();
        try {
            dispatcher.runOnce();
            var m = outbox.byOutId(outId).orElseThrow();
            assertEquals(SmsState.QUEUED, m.state()); // connection refused: certainly not received
            assertTrue(m.lastError().contains("RETRYABLE"), m.lastError());
        } finally {
            h.sim.up();
        }
        clock.advance(Duration.ofSeconds(30));
        dispatcher.runOnce();
        assertEquals(SmsState.SENT, outbox.byOutId(outId).orElseThrow().state());
        assertEquals(1, received(outId));
    }

    @Test
    void tencentProviderSendsPositionalParameters_INT_SMS() throws Exception {
        dispatcher = new SmsDispatcher(ds(), h.sender("tencent", Duration.ofMillis(800)), dispatcher.settings(), clock);
        String outId = enqueueCommitted(new SmsRequest(phone(), MessageKind.of("DEADLINE_WARNING"),
                Map.of("item", "投诉", "no", "TS-9", "deadline", "2026-12-01 18:00"), "complaint:9"));
        dispatcher.runOnce();
        var m = outbox.byOutId(outId).orElseThrow();
        assertEquals(SmsState.SENT, m.state());
        assertTrue(m.bizId().startsWith("2433:"), m.bizId());
        assertEquals("【横琴智慧物业】投诉（编号TS-9）即将超时，办理期限为2026-12-01 18:00，请尽快处理。", find(outId).path("text").asText());
        assertEquals("tencent", find(outId).path("provider").asText());
    }

    @Test
    void healthShowsBacklogAndOldestAge_INT_SMS() throws Exception {
        dispatcher = new SmsDispatcher(ds(), sender, new DispatchSettings(true, Duration.ofMillis(50), 50, 4, 3, Duration.ofSeconds(30),
                Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(5), 0, 0, 0, 1_000_000, 2_000_000, Duration.ofMinutes(15),
                Duration.ofHours(2)), clock);
        dispatcher.runOnce(); // drain what earlier tests left
        enqueueCommitted(result(phone()));
        assertEquals(org.smartproperty.platform.HealthStatus.UP, dispatcher.check().status());
        clock.advance(Duration.ofMinutes(16));
        var r = dispatcher.check();
        assertEquals(org.smartproperty.platform.HealthStatus.WARNING, r.status(), r.summary());
        clock.advance(Duration.ofHours(2));
        assertEquals(org.smartproperty.platform.HealthStatus.DOWN, dispatcher.check().status());
        assertTrue(((Number) r.details().get("backlog")).longValue() >= 1);
    }

    JsonNode find(String outId) throws Exception {
        for (JsonNode m : h.messagesJson()) {
            if (outId.equals(m.path("outId").asText())) {
                return m;
            }
        }
        throw new AssertionError("not received: " + outId);
    }
}
