package org.smartproperty.deadline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.notification.internal.NotificationsImpl;
import org.smartproperty.notification.internal.SmsOutboxImpl;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * SLA-3 end to end on PostgreSQL with the real security schema and the real notification outbox:
 * the monitor's escalations notify assignee and supervisor in-app (and by SMS once accounts have a
 * phone), each exactly once, in the monitor's transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the second test gives the accounts the phones the first one runs without
class DeadlineNotifierPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    final MutableClock clock = new MutableClock(at("2026-11-23T09:00"));
    DeadlineEngine engine;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        db.migrate("db/notification.changelog.xml");
        db.migrate("db/deadline.changelog.xml");
        ContributedTimeLimits.seed(db.dataSource(), org.smartproperty.platform.testsupport.StandInContributions.timeLimits(), Instant.now());
        org.smartproperty.notification.MessageKinds.register(org.smartproperty.platform.testsupport.StandInContributions.messageKinds());
        AuditTrail none = new AuditTrail() {
            @Override
            public void append(Connection sameTransaction, AuditEvent event) {
            }

            @Override
            public void append(AuditEvent event) {
            }
        };
        engine = new DeadlineEngine(db.dataSource(), none, clock, EngineSettings.DEFAULTS);
        engine.addListener(new DeadlineNotifier(new SmsOutboxImpl(db.dataSource(), clock), new NotificationsImpl(db.dataSource(), clock), engine,
                org.smartproperty.platform.security.internal.SecurityServiceImpl.standalone(db.dataSource())));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (long id : new long[] {501, 502}) {
                s.executeUpdate("INSERT INTO sec_account (id, username, status, must_change, failed_count, scope_kind, created_at, updated_at, version) "
                        + "VALUES (" + id + ", 'officer-" + id + "', 'ACTIVE', FALSE, 0, 'ALL', now(), now(), 0)");
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void start(long itemId) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            engine.start(c, new TrackedItem("complaint", itemId, "ENQUIRY", "噪音投诉", 1L, 1L, 501L, 502L, clock.instant()));
            c.commit();
        }
    }

    @Test
    @Order(1)
    void assigneeAndSupervisorAreNotifiedOncePerEscalation_SLA_3() throws Exception {
        clock.set(at("2026-11-23T09:00"));
        start(1);
        clock.set(at("2026-11-25T16:00")); // past 75 %
        assertEquals(new DeadlineEngine.Run(true, 1, 0), engine.runOnce());
        assertEquals(new DeadlineEngine.Run(true, 0, 0), engine.runOnce());
        clock.set(at("2026-11-26T09:00")); // past due (Wednesday 18:00)
        assertEquals(new DeadlineEngine.Run(true, 0, 1), engine.runOnce());
        assertEquals(new DeadlineEngine.Run(true, 0, 0), engine.runOnce());
        for (long account : new long[] {501, 502}) {
            assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = " + account + " AND kind = 'DEADLINE_WARNING' AND link = '/complaints/1'"));
            assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = " + account + " AND kind = 'DEADLINE_OVERDUE' AND link = '/complaints/1'"));
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT params, link FROM ntf_notification WHERE kind = 'DEADLINE_OVERDUE' AND account_id = 501")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).contains("2026-11-25 18:00"), rs.getString(1));
            assertTrue(rs.getString(1).contains("噪音投诉"), rs.getString(1));
            assertEquals("/complaints/1", rs.getString(2));
        }
        // no phone on the accounts: in-app only
        assertEquals(0, count("SELECT COUNT(*) FROM ntf_sms_outbox"));
    }

    @Test
    @Order(2)
    void withPhonesOnTheAccountsTheSmsGoesOutOnceToo_SLA_3() throws Exception {
        DeadlineEngine fresh = new DeadlineEngine(db.dataSource(), engine.audit(), clock, EngineSettings.DEFAULTS);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // a phone per account (one valid, one the outbox refuses)
            s.executeUpdate("UPDATE sec_account SET phone = '13800138000' WHERE id = 501");
            s.executeUpdate("UPDATE sec_account SET phone = '12345' WHERE id = 502");
            s.executeUpdate("UPDATE dl_deadline SET state = 'CANCELLED' WHERE state = 'RUNNING'");
        }
        fresh.addListener(new DeadlineNotifier(new SmsOutboxImpl(db.dataSource(), clock), new NotificationsImpl(db.dataSource(), clock), fresh,
                org.smartproperty.platform.security.internal.SecurityServiceImpl.standalone(db.dataSource())));
        clock.set(at("2026-11-30T09:00"));
        start(2);
        clock.set(at("2026-12-02T16:00"));
        assertEquals(new DeadlineEngine.Run(true, 1, 0), fresh.runOnce());
        assertEquals(new DeadlineEngine.Run(true, 0, 0), fresh.runOnce());
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE reference = 'complaint:2' AND kind = 'DEADLINE_WARNING'"));
        assertEquals(2, count("SELECT COUNT(*) FROM ntf_notification WHERE link = '/complaints/2' AND kind = 'DEADLINE_WARNING'"),
                "the refused phone does not stop the in-app notification");
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT phone FROM ntf_sms_outbox WHERE reference = 'complaint:2'");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).endsWith("13800138000"), rs.getString(1));
        }
    }
}
