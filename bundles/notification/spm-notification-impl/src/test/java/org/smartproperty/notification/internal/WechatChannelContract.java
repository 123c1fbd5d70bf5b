package org.smartproperty.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.SmsMessages;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.notification.SmsSender.Outcome;
import org.smartproperty.notification.WechatSender;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.testsupport.MutableClock;

/**
 * INT-WX (issue 18): WeChat subscription messages as a channel of the same outbox, on PostgreSQL and H2 (subclasses). An in-app
 * notification of a kind with a template queues a WECHAT row in its transaction; the dispatcher sends it to the recipient's bound
 * openid, skips an unbound account with the reason, records 43101 as a final failure and retries a busy WeChat. SMS never sees
 * the WECHAT rows.
 */
abstract class WechatChannelContract {

    static {
        org.smartproperty.notification.MessageKinds.register(org.smartproperty.platform.testsupport.StandInContributions.messageKinds());
    }

    static final MessageKind KIND = MessageKind.of("REPAIR_DONE");

    abstract DataSource ds();

    MutableClock clock;
    FakeWechat wechat;
    NotificationsImpl inbox;
    WechatDispatcher dispatcher;

    /** The adapter: a template for REPAIR_DONE only; openids "o-43101" refuse, "o-busy" is busy; records what it sent. */
    static final class FakeWechat implements WechatSender {
        final List<String> sent = new ArrayList<>();

        public String appId() {
            return "wx-test";
        }

        public boolean handles(MessageKind kind) {
            return kind.equals(KIND);
        }

        public SmsSender.SendResult send(String openid, MessageKind kind, Map<String, String> params, String link, String outId) {
            return switch (openid) {
                case "o-43101" -> new SmsSender.SendResult(Outcome.PERMANENT, null, "43101", "user refuse to accept the msg");
                case "o-busy" -> new SmsSender.SendResult(Outcome.RETRYABLE, null, "-1", "system error");
                default -> {
                    sent.add(openid + " " + params.get("no") + " " + link);
                    yield SmsSender.SendResult.accepted("msg-" + sent.size());
                }
            };
        }
    }

    /** Accounts 1 → o-one, 2 unbound, 3 → o-43101, 4 → o-busy. */
    static final class Directory implements AccountDirectory {
        public Optional<Contact> contact(long accountId) {
            return Optional.empty();
        }

        public List<Contact> accountsOf(DataScope scope) {
            return List.of();
        }

        public List<Contact> accountsWithRole(Role role) {
            return List.of();
        }

        public Optional<AccountIdentity> identity(long accountId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> wechatOpenId(long accountId, String appId) {
            assertEquals("wx-test", appId);
            return Optional.ofNullable(switch ((int) accountId) {
                case 1 -> "o-one";
                case 3 -> "o-43101";
                case 4 -> "o-busy";
                default -> null;
            });
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        try (Connection c = ds().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM ntf_sms_attempt");
            st.execute("DELETE FROM ntf_sms_outbox");
            st.execute("DELETE FROM ntf_notification");
        }
        clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        wechat = new FakeWechat();
        inbox = new NotificationsImpl(ds(), clock, wechat);
        DispatchSettings st = new DispatchSettings(true, Duration.ofMillis(50), 50, 4, 3, Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofMinutes(1), Duration.ofMinutes(5), 0, 0, 0, 500, 5000, Duration.ofMinutes(15), Duration.ofHours(2));
        dispatcher = new WechatDispatcher(ds(), wechat, new Directory(), st, clock);
    }

    private void notify(long account, MessageKind kind) throws Exception {
        try (Connection c = ds().getConnection()) {
            c.setAutoCommit(false);
            inbox.notify(c, account, kind, kind.equals(KIND) ? Map.of("no", "BX-" + account) : Map.of("code", "123456", "minutes", "5"), "/repairs/" + account);
            c.commit();
        }
    }

    private String state(long account) throws Exception {
        try (Connection c = ds().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT state, last_error FROM ntf_sms_outbox WHERE channel = 'WECHAT' AND account_id = " + account)) {
            return rs.next() ? rs.getString(1) + (rs.getString(2) == null ? "" : " " + rs.getString(2)) : null;
        }
    }

    @Test
    void aRepairNotificationReachesTheBoundOpenidAndUnboundAccountsAreSkipped_INT_WX() throws Exception {
        notify(1, KIND);
        notify(2, KIND);
        notify(1, MessageKind.VERIFICATION_CODE); // no template: no WECHAT row
        assertEquals(2, dispatcher.runOnce());
        assertEquals(List.of("o-one BX-1 /repairs/1"), wechat.sent);
        assertEquals("SENT", state(1));
        assertTrue(state(2).startsWith("SKIPPED skipped: account 2 is not bound"), state(2));
        assertEquals(0, dispatcher.runOnce(), "nothing is sent twice");
        SmsMessages sms = new SmsOutboxImpl(ds(), clock);
        assertEquals(0, sms.list(null, null, PageRequest.of(0, 20)).total(), "the SMS views never show WECHAT rows");
        assertEquals(0L, sms.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void notSubscribed43101IsAFinalRecordedFailure_INT_WX() throws Exception {
        notify(3, KIND);
        dispatcher.runOnce();
        assertTrue(state(3).startsWith("FAILED PERMANENT 43101"), state(3));
        clock.advance(Duration.ofHours(1));
        assertEquals(0, dispatcher.runOnce(), "never retried");
    }

    @Test
    void aBusyWechatIsRetriedWithBackoffThenFails_INT_WX() throws Exception {
        notify(4, KIND);
        dispatcher.runOnce();
        assertTrue(state(4).startsWith("QUEUED RETRYABLE -1"), state(4));
        assertEquals(0, dispatcher.runOnce(), "not before the backoff");
        clock.advance(Duration.ofMinutes(11));
        dispatcher.runOnce();
        clock.advance(Duration.ofMinutes(11));
        dispatcher.runOnce();
        assertTrue(state(4).startsWith("FAILED RETRYABLE -1"), "after maxAttempts (3): " + state(4));
    }

    @Test
    void aRolledBackNotificationQueuesNothing_INT_WX() throws Exception {
        try (Connection c = ds().getConnection()) {
            c.setAutoCommit(false);
            inbox.notify(c, 1, KIND, Map.of("no", "BX-9"), null);
            c.rollback();
        }
        assertEquals(0, dispatcher.runOnce());
        assertEquals(List.of(), wechat.sent);
    }
}
