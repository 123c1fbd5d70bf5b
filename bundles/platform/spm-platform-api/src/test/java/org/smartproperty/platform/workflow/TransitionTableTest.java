package org.smartproperty.platform.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/** The kernel's transition table (issue 10 item 2): declaration checks, source states, parties, reasons, attachments. */
class TransitionTableTest {

    enum S { NEW, WORKING, DONE, CONFIRMED, REOPENED, REFUSED }

    static final Messages T = Messages.of(TransitionTableTest.class, "org.smartproperty.platform.workflow.ticket");

    /** A ticket: the reporter's account and the assignee's. */
    record Ticket(long reporter, Long assignee) {
    }

    static final PartyCheck<Ticket> PARTIES = (caller, t, party) -> switch (party) {
        case REPORTER -> caller.accountId() == t.reporter();
        case ASSIGNEE -> t.assignee() != null && t.assignee() == caller.accountId();
        case REGULATOR -> caller.scope() != null && caller.scope().all();
        default -> false;
    };

    static TransitionTable.Builder<S> base() {
        return TransitionTable.builder(S.class, T, "ticket").initial(S.NEW).terminal(S.DONE, S.CONFIRMED, S.REFUSED);
    }

    static final TransitionTable<S> TABLE = base()
            .on("take", S.NEW, S.REOPENED).permission("ticket:handle").by(Party.ASSIGNEE, Party.REGULATOR).text("note").to(S.WORKING)
            .on("finish", S.WORKING).permission("ticket:handle").by(Party.ASSIGNEE).requiredText("report", "reason.required")
                    .requiredPhotos("photos", 3, "photos.required").deadline(DeadlineStep.COMPLETE).to(S.DONE)
            .on("confirm", S.DONE).by(Party.REPORTER).denied("ticket.notReporter").text("note").to(S.CONFIRMED)
            .on("reopen", S.DONE, S.CONFIRMED).by(Party.REPORTER).denied("ticket.notReporter").text("reason")
                    .deadline(DeadlineStep.START).to(S.REOPENED)
            .on("refuse", S.NEW, S.WORKING, S.REOPENED).permission("ticket:handle").by(Party.ASSIGNEE, Party.REGULATOR)
                    .requiredText("reason", "reason.required").deadline(DeadlineStep.CANCEL).to(S.REFUSED)
            .on("autoConfirm", S.DONE).by(Party.SYSTEM).to(S.CONFIRMED)
            .build();

    static SpmPrincipal principal(long id, DataScope scope, String... permissions) {
        return new SpmPrincipal(id, "u" + id, Set.of(), Set.of(permissions), scope, false, "127.0.0.1");
    }

    static final Ticket TICKET = new Ticket(1, 2L);
    static final SpmPrincipal REPORTER = principal(1, DataScope.NONE);
    static final SpmPrincipal ASSIGNEE = principal(2, DataScope.NONE, "ticket:handle");
    static final SpmPrincipal ASSIGNEE_WITHOUT_PERMISSION = principal(2, DataScope.NONE);
    static final SpmPrincipal STAFF = principal(3, DataScope.ALL, "ticket:handle");
    static final SpmPrincipal STRANGER = principal(4, DataScope.NONE, "ticket:handle");

    @Test
    void nextStatesFollowTheDeclarationOrderEachOnce() {
        assertEquals(List.of(S.WORKING, S.REFUSED), TABLE.next(S.NEW));
        assertEquals(List.of(S.CONFIRMED, S.REOPENED), TABLE.next(S.DONE));
        assertEquals(List.of(), TABLE.next(S.REFUSED));
        assertEquals(List.of("confirm", "reopen", "autoConfirm"), TABLE.from(S.DONE).stream().map(Transition::name).toList());
        assertTrue(TABLE.get("autoConfirm").automatic());
        assertTrue(TABLE.terminal(S.DONE));
        assertFalse(TABLE.terminal(S.WORKING));
        assertThrows(IllegalArgumentException.class, () -> TABLE.get("nope"));
    }

    @Test
    void aTransitionFromAStateItDoesNotLeaveIs409NamingTheAllowedStates() {
        ApiException e = assertThrows(ApiException.class, () -> TABLE.allowed("finish", S.NEW));
        assertEquals(409, e.status());
        assertEquals("ticket.illegalTransition", e.code());
        assertEquals("工单当前状态为 NEW，不能改为 DONE；允许的状态变更：WORKING, REFUSED", T.format(Locale.SIMPLIFIED_CHINESE, e.code(), e.args()));
        ApiException none = assertThrows(ApiException.class, () -> TABLE.allowed("take", S.REFUSED));
        assertEquals("The ticket is REFUSED and cannot become WORKING; allowed: none (the ticket is finished)",
                T.format(Locale.ENGLISH, none.code(), none.args()));
        TABLE.allowed("take", S.REOPENED);
    }

    @Test
    void partiesAndPermissionDecideWhoMayFire() {
        TABLE.authorize("take", ASSIGNEE, TICKET, PARTIES);
        TABLE.authorize("take", STAFF, TICKET, PARTIES);
        ApiException stranger = assertThrows(ApiException.class, () -> TABLE.authorize("take", STRANGER, TICKET, PARTIES));
        assertEquals(403, stranger.status());
        assertEquals("ticket.notHandler", stranger.code());
        // the party alone is not enough when the row names a permission
        assertThrows(ApiException.class, () -> TABLE.authorize("take", ASSIGNEE_WITHOUT_PERMISSION, TICKET, PARTIES));
        // the regulator is not a party of finish
        assertThrows(ApiException.class, () -> TABLE.authorize("finish", STAFF, TICKET, PARTIES));
        TABLE.authorize("confirm", REPORTER, TICKET, PARTIES);
        ApiException notReporter = assertThrows(ApiException.class, () -> TABLE.authorize("confirm", ASSIGNEE, TICKET, PARTIES));
        assertEquals("ticket.notReporter", notReporter.code());
        // nobody fires an automatic transition by hand
        assertThrows(ApiException.class, () -> TABLE.authorize("autoConfirm", STAFF, TICKET, PARTIES));
        assertThrows(ApiException.class, () -> TABLE.authorize("take", null, TICKET, PARTIES));
    }

    @Test
    void aRequiredReasonAndAttachmentsAreFieldErrorsAllAtOnce() {
        ApiException e = assertThrows(ApiException.class, () -> TABLE.validate("finish", new TransitionInput("  ", null)));
        assertEquals(400, e.status());
        assertEquals(List.of("report", "photos"), e.errors().stream().map(f -> f.field()).toList());
        assertEquals(List.of("reason.required", "photos.required"), e.errors().stream().map(f -> f.code()).toList());
        List<AttachmentInput> four = List.of(new AttachmentInput("a", "f1"), new AttachmentInput("b", "f2"), new AttachmentInput("c", "f3"),
                new AttachmentInput("d", "f4"));
        ApiException tooMany = assertThrows(ApiException.class, () -> TABLE.validate("finish", new TransitionInput("fixed", four)));
        assertEquals("photos.tooMany", tooMany.errors().get(0).code());
        TABLE.validate("finish", new TransitionInput("fixed", four.subList(0, 1)));
        ApiException noReason = assertThrows(ApiException.class, () -> TABLE.validate("refuse", null));
        assertEquals("reason", noReason.errors().get(0).field());
        ApiException tooLong = assertThrows(ApiException.class, () -> TABLE.validate("take", TransitionInput.of("x".repeat(4001))));
        assertEquals("note", tooLong.errors().get(0).field());
        TABLE.validate("take", null);
        TABLE.validate("confirm", TransitionInput.of("ok"));
    }

    @Test
    void inconsistentTablesAreRefusedNamingEveryProblem() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> base()
                .on("take", S.NEW).by(Party.ASSIGNEE).to(S.WORKING)
                .on("take", S.WORKING).by(Party.ASSIGNEE).deadline(DeadlineStep.COMPLETE).to(S.DONE)
                .on("Bad-Name", S.DONE).by(Party.REPORTER).to(S.CONFIRMED)
                .on("nobody", S.NEW).deadline(DeadlineStep.CANCEL).to(S.REFUSED)
                .on("auto", S.DONE).by(Party.SYSTEM).requiredText("reason", "reason.required").to(S.CONFIRMED)
                .on("mixed", S.NEW).by(Party.SYSTEM, Party.REGULATOR).deadline(DeadlineStep.CANCEL).to(S.REFUSED)
                .build());
        String m = e.getMessage();
        assertTrue(m.contains("transition take declared twice"), m);
        assertTrue(m.contains("'Bad-Name'"), m);
        assertTrue(m.contains("nobody: no party"), m);
        assertTrue(m.contains("auto: an automatic transition cannot require"), m);
        assertTrue(m.contains("mixed: SYSTEM fires its own transitions only"), m);
        assertTrue(m.contains("state REOPENED is never reached"), m);
        IllegalStateException deadline = assertThrows(IllegalStateException.class, () -> base()
                .on("take", S.NEW, S.REOPENED).by(Party.ASSIGNEE).to(S.WORKING)
                .on("finish", S.WORKING).by(Party.ASSIGNEE).to(S.DONE)
                .on("confirm", S.DONE).by(Party.REPORTER).to(S.CONFIRMED)
                .on("reopen", S.CONFIRMED).by(Party.REPORTER).to(S.REOPENED)
                .on("refuse", S.NEW).by(Party.ASSIGNEE).deadline(DeadlineStep.CANCEL).to(S.REFUSED)
                .on("stuck", S.WORKING).by(Party.ASSIGNEE).deadline(DeadlineStep.PAUSE).to(S.WORKING)
                .build());
        assertTrue(deadline.getMessage().contains("finish: from open WORKING to final DONE must complete or cancel the deadline"),
                deadline.getMessage());
        assertTrue(deadline.getMessage().contains("reopen: from final CONFIRMED back to open REOPENED must start the deadline again"),
                deadline.getMessage());
        IllegalStateException deadEnd = assertThrows(IllegalStateException.class, () -> TransitionTable.builder(S.class, T, "ticket")
                .initial(S.NEW).on("a", S.NEW).by(Party.ASSIGNEE).to(S.WORKING).build());
        assertTrue(deadEnd.getMessage().contains("state WORKING has no way out and is not final"), deadEnd.getMessage());
    }

    @Test
    void numbersArePrefixYearAndSixDigitsInTheZhuhaiYear() {
        assertEquals("TS-2026-000042", CaseNumbers.format("TS", 2026, 42));
        // 2026-12-31 16:30 UTC is already 2027-01-01 in Zhuhai
        assertEquals(2027, CaseNumbers.yearOf(Instant.parse("2026-12-31T16:30:00Z")));
        assertEquals(2026, CaseNumbers.yearOf(Instant.parse("2026-12-31T15:59:59Z")));
        assertThrows(IllegalArgumentException.class, () -> CaseNumbers.format("TS", 2026, 1_000_000));
    }
}
