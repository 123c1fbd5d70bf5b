package org.smartproperty.platform.workflow.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineState;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.internal.NotificationsImpl;
import org.smartproperty.notification.internal.SmsOutboxImpl;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.platform.workflow.CaseEvent;
import org.smartproperty.platform.workflow.DeadlineStep;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.workflow.Timeout;
import org.smartproperty.platform.workflow.TransitionInput;
import org.smartproperty.platform.workflow.TransitionTable;

/**
 * The workflow kernel (issue 10 item 2) on a real database with the real deadline, notification
 * and audit implementations: a test domain "ticket" fires its transitions through
 * {@link CaseWorkflow}; the timeline, the audit rows (Jackson), the deadline, the notices, the
 * per-year numbering across a year change and the automatic confirmation are checked in the tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkflowKernelContract {

    enum Status { NEW, WORKING, DONE, CONFIRMED, REOPENED, REFUSED }

    static final Messages T = Messages.of(WorkflowKernelContract.class, "org.smartproperty.platform.workflow.jpa.ticket");

    static final TransitionTable<Status> TABLE = TransitionTable.builder(Status.class, T, "ticket")
            .initial(Status.NEW).terminal(Status.DONE, Status.CONFIRMED, Status.REFUSED)
            .on("take", Status.NEW, Status.REOPENED).permission("ticket:handle").by(Party.ASSIGNEE, Party.REGULATOR).text("note")
                    .to(Status.WORKING)
            .on("finish", Status.WORKING).permission("ticket:handle").by(Party.ASSIGNEE).requiredText("report", "report.required")
                    .photos("photos", 3).deadline(DeadlineStep.COMPLETE).to(Status.DONE)
            .on("confirm", Status.DONE).by(Party.REPORTER).denied("ticket.notReporter").text("note").to(Status.CONFIRMED)
            .on("reopen", Status.DONE, Status.CONFIRMED).by(Party.REPORTER).denied("ticket.notReporter").text("reason")
                    .deadline(DeadlineStep.START).to(Status.REOPENED)
            .on("refuse", Status.NEW, Status.WORKING, Status.REOPENED).permission("ticket:handle").by(Party.ASSIGNEE, Party.REGULATOR)
                    .requiredText("reason", "reason.required").deadline(DeadlineStep.CANCEL).to(Status.REFUSED)
            .on("autoConfirm", Status.DONE).by(Party.SYSTEM).to(Status.CONFIRMED)
            .build();

    abstract TestDatabase db();

    /** Thursday 2026-12-31 10:00 in Zhuhai. */
    static final Instant START = Instant.parse("2026-12-31T02:00:00Z");

    final MutableClock clock = new MutableClock(START);
    EntityManagerFactory unit;
    Transactions tx;
    DeadlineTracker deadlines;
    AuditTrail audit;
    CaseWorkflow<Status, TicketEntity> wf;
    int autoConfirmDays = 7;
    final Timeout autoConfirm = new Timeout("ticket.auto-confirm", "autoConfirm", "confirm", CaseWorkflow.days(() -> autoConfirmDays),
            () -> Duration.ofMinutes(30));

    static final SpmPrincipal REPORTER = principal(101, DataScope.NONE);
    static final SpmPrincipal HANDLER = principal(102, DataScope.NONE, "ticket:handle");
    static final SpmPrincipal STAFF = principal(103, DataScope.ALL, "ticket:handle");
    static final SpmPrincipal STRANGER = principal(104, DataScope.NONE, "ticket:handle");

    static SpmPrincipal principal(long id, DataScope scope, String... permissions) {
        return new SpmPrincipal(id, "user-" + id, Set.of(), Set.of(permissions), scope, false, "127.0.0.1");
    }

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/files.changelog.xml", "db/notification.changelog.xml",
                "db/deadline.changelog.xml", "db/wftest.changelog.xml")) {
            db().migrate(c);
        }
        unit = JpaUnits.create("wftest", db().dataSource(), Thread.currentThread().getContextClassLoader());
        tx = new Transactions(unit);
        audit = AuditTrailImpl.standalone(db().dataSource());
        deadlines = DeadlineEngine.standalone(db().dataSource(), audit, clock);
        NotificationsImpl notifications = new NotificationsImpl(db().dataSource(), clock);
        SmsOutboxImpl sms = new SmsOutboxImpl(db().dataSource(), clock);
        wf = CaseWorkflow.builder(TABLE, TicketEntity.class)
                .transactions(tx).clock(() -> clock)
                .timeline(new CaseTimeline("wft_event", "ticket_id", "wft_event_seq", 50))
                .counter(YearCounter.of("wft_counter", "GD"))
                .finder((em, caller, id) -> {
                    TicketEntity t = em.find(TicketEntity.class, id);
                    if (t == null || (caller.scope() != DataScope.ALL && caller.accountId() != t.reporter
                            && (t.assignee == null || t.assignee != caller.accountId()))) {
                        throw ApiException.notFound("objects.ticket", id);
                    }
                    return t;
                })
                .parties((caller, t, party) -> switch (party) {
                    case REPORTER -> caller.accountId() == t.reporter;
                    case ASSIGNEE -> t.assignee != null && t.assignee == caller.accountId();
                    case REGULATOR -> caller.scope() == DataScope.ALL;
                    default -> false;
                })
                .domain("ticket").links(t -> "/tickets/" + t.id, t -> "ticket:" + t.id)
                .trackedItem((t, now) -> new TrackedItem("ticket", t.id, "NORMAL", t.number, null, null, t.assignee, null, now))
                .services(() -> audit, () -> null, () -> deadlines, () -> sms, () -> notifications)
                .build();
    }

    @AfterAll
    void tearDown() {
        if (unit != null) {
            unit.close();
        }
    }

    TicketEntity create(SpmPrincipal reporter, long assignee) {
        return tx.write(em -> {
            Instant now = clock.instant();
            TicketEntity t = new TicketEntity();
            t.number = wf.number(em, now);
            t.reporter = reporter.accountId();
            t.assignee = assignee;
            t.moveTo(Status.NEW, now, reporter.username());
            em.persist(t);
            em.flush();
            wf.created(em, reporter.username(), t, now, null, Map.of("number", t.number));
            wf.startDeadline(em.unwrap(Connection.class), new TrackedItem("ticket", t.id, "NORMAL", t.number, null, null, assignee, null, now));
            return t;
        });
    }

    TicketEntity fire(SpmPrincipal caller, TicketEntity t, String name, TransitionInput in, Effect<Status, TicketEntity> effect) {
        return wf.fire(caller, t.id, t.getVersion(), name, in, effect, (em, c, item) -> item);
    }

    static ApiException fails(int status, Runnable r) {
        ApiException e = assertThrows(ApiException.class, r::run);
        assertEquals(status, e.status(), e.code());
        return e;
    }

    List<String> strings(String sql, Object... args) throws Exception {
        return db().strings(sql, args);
    }

    Deadline deadline(long id) {
        return tx.write(em -> deadlines.find(em.unwrap(Connection.class), "ticket", id).orElseThrow());
    }

    @Test
    void aTransitionWritesStatusTimelineAuditDeadlineAndNoticesInOneTransaction() throws Exception {
        TicketEntity t = create(REPORTER, HANDLER.accountId());
        TicketEntity taken = fire(HANDLER, t, "take", TransitionInput.of("  on my way "), (step, item) -> {
            step.detail("eta", "30 min").detail("parts", List.of("valve"));
            step.notify(item.reporter, MessageKind.of("COMPLAINT_RESULT"), Map.of("no", item.number, "result", "taken"));
        });
        assertEquals(Status.WORKING, taken.status);
        TicketEntity done = fire(HANDLER, taken, "finish", TransitionInput.of("replaced the valve"), (step, item) -> item.report = step.text());
        assertEquals(Status.DONE, done.status);
        assertEquals(DeadlineState.COMPLETED, deadline(t.id).state());

        List<CaseEvent> events = wf.events(REPORTER, t.id);
        assertEquals(List.of("create", "take", "finish"), events.stream().map(CaseEvent::action).toList());
        CaseEvent take = events.get(1);
        assertEquals("NEW", take.from());
        assertEquals("WORKING", take.to());
        assertEquals("user-102", take.actor());
        assertEquals("on my way", take.note());
        assertEquals(Map.of("eta", "30 min", "parts", List.of("valve")), take.details());
        assertEquals(Map.of(), events.get(2).details());
        assertEquals(START, take.at());

        assertEquals(List.of("{\"number\":\"" + t.number + "\",\"from\":\"NEW\",\"to\":\"WORKING\",\"note\":\"on my way\","
                        + "\"detail\":{\"eta\":\"30 min\",\"parts\":[\"valve\"]}}"),
                strings("SELECT summary FROM aud_event WHERE action = 'ticket.take' AND object_id = ?", Long.toString(t.id)));
        assertEquals(List.of("ticket"), strings("SELECT object_type FROM aud_event WHERE action = 'ticket.finish' AND object_id = ?",
                Long.toString(t.id)));
        assertEquals(List.of("/tickets/" + t.id), strings("SELECT link FROM ntf_notification WHERE account_id = ?", REPORTER.accountId()));
    }

    @Test
    void checksComeInOrderNotFoundStaleIllegalDeniedAndBadInputBeforeAll() throws Exception {
        TicketEntity t = create(REPORTER, HANDLER.accountId());
        fails(404, () -> fire(STRANGER, t, "take", null, null));
        ApiException stale = fails(412, () -> wf.fire(HANDLER, t.id, t.getVersion() + 5, "take", null, null, (em, c, i) -> i));
        assertEquals("problem.staleVersion", stale.code());
        ApiException illegal = fails(409, () -> fire(REPORTER, t, "confirm", null, null));
        assertEquals("ticket.illegalTransition", illegal.code());
        assertEquals("WORKING, REFUSED", illegal.args()[2]);
        ApiException denied = fails(403, () -> fire(REPORTER, t, "take", null, null));
        assertEquals("ticket.notHandler", denied.code());
        ApiException noReason = fails(400, () -> fire(HANDLER, t, "refuse", TransitionInput.of(" "), null));
        assertEquals("reason", noReason.errors().get(0).field());
        // the 400 comes before any lookup: a stranger's missing reason is still 400
        fails(400, () -> fire(STRANGER, t, "refuse", null, null));
        TicketEntity refused = fire(STAFF, t, "refuse", TransitionInput.of("duplicate"), null);
        assertEquals(DeadlineState.CANCELLED, deadline(t.id).state());
        ApiException over = fails(409, () -> fire(STAFF, refused, "take", null, null));
        assertEquals("ticket.noTransition", ((Messages.Text) over.args()[2]).key());
    }

    @Test
    void aFailingEffectLeavesNothingBehind() throws Exception {
        TicketEntity t = create(REPORTER, HANDLER.accountId());
        fails(409, () -> fire(HANDLER, t, "take", null, (step, item) -> {
            step.notify(item.reporter, MessageKind.of("COMPLAINT_RESULT"), Map.of("no", item.number, "result", "x"));
            throw ApiException.conflict(T, "ticket.noTransition");
        }));
        assertEquals(List.of("create"), wf.events(REPORTER, t.id).stream().map(CaseEvent::action).toList());
        assertEquals(List.of("NEW"), strings("SELECT status FROM wft_ticket WHERE id = ?", t.id));
        assertEquals(List.of(), strings("SELECT action FROM aud_event WHERE action = 'ticket.take' AND object_id = ?", Long.toString(t.id)));
    }

    @Test
    void numbersCountPerYearAndStartAgainAtTheZhuhaiNewYear() throws Exception {
        clock.set(Instant.parse("2026-12-31T15:59:00Z"));
        try {
            String a = create(REPORTER, HANDLER.accountId()).number;
            assertTrue(a.startsWith("GD-2026-"), a);
            long n2026 = Long.parseLong(a.substring(8));
            assertEquals("GD-2026-" + String.format("%06d", n2026 + 1), create(REPORTER, HANDLER.accountId()).number);
            clock.set(Instant.parse("2026-12-31T16:00:00Z")); // 2027-01-01 00:00 in Zhuhai
            assertEquals("GD-2027-000001", create(REPORTER, HANDLER.accountId()).number);
            assertEquals("GD-2027-000002", create(REPORTER, HANDLER.accountId()).number);
            assertEquals(List.of(Long.toString(n2026 + 1)), strings("SELECT last_no FROM wft_counter WHERE yr = 2026"));
        } finally {
            clock.set(START);
        }
    }

    @Test
    void unconfirmedItemsAreConfirmedByTheJobAfterTheTimeoutOnce() throws Exception {
        TicketEntity t = create(REPORTER, HANDLER.accountId());
        TicketEntity done = fire(HANDLER, fire(HANDLER, t, "take", null, null), "finish", TransitionInput.of("fixed"), null);
        TicketEntity confirmedByHand = fire(HANDLER, fire(HANDLER, create(REPORTER, HANDLER.accountId()), "take", null, null), "finish",
                TransitionInput.of("fixed"), null);
        fire(REPORTER, confirmedByHand, "confirm", null, null);
        Job job = wf.job(autoConfirm, n -> n + " confirmed");
        assertEquals("ticket.auto-confirm", job.name());
        try {
            clock.plus(Duration.ofDays(7).minusMinutes(1));
            assertEquals(0, wf.runTimeout(autoConfirm), "not before the timeout");
            clock.plus(Duration.ofMinutes(2));
            String outcome = job.run(null);
            assertTrue(outcome.matches("[1-9][0-9]* confirmed"), outcome);
            assertEquals(List.of("CONFIRMED"), strings("SELECT status FROM wft_ticket WHERE id = ?", done.id));
            assertEquals(0, wf.runTimeout(autoConfirm), "never twice");
            CaseEvent last = wf.events(REPORTER, done.id).get(3);
            assertEquals("autoConfirm", last.action());
            assertEquals("system", last.actor());
            assertEquals(List.of("{\"from\":\"DONE\",\"to\":\"CONFIRMED\",\"automatic\":true}"),
                    strings("SELECT summary FROM aud_event WHERE action = 'ticket.confirm' AND object_id = ?", Long.toString(done.id)));
            // a changed setting applies at the next run
            autoConfirmDays = 30;
            TicketEntity late = fire(HANDLER, fire(HANDLER, create(REPORTER, HANDLER.accountId()), "take", null, null), "finish",
                    TransitionInput.of("fixed"), null);
            clock.plus(Duration.ofDays(8));
            assertEquals(0, wf.runTimeout(autoConfirm));
            clock.plus(Duration.ofDays(23));
            assertEquals(1, wf.runTimeout(autoConfirm));
            try (Connection c = db().dataSource().getConnection()) {
                assertNull(wf.timeline().lastAt(c, late.id, "confirm"));
                assertEquals(clock.instant(), wf.timeline().lastAt(c, late.id, "autoConfirm"));
            }
        } finally {
            autoConfirmDays = 7;
            clock.set(START);
        }
    }
}
