package org.smartproperty.platform.review.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewParty;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.ReviewTransitions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The review kernel (issue 10 item 2) on a made-up domain whose subjects are "companies" 1..999:
 * the applicant of subject n is the COMPANY scope n. Real database, real file store, the kernel
 * inside one transaction per call as a domain runs it. PostgreSQL and H2 by the two subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewKernelContract {

    abstract TestDatabase db();

    static final Messages TEXTS = Messages.of(ReviewKernelContract.class, "org.smartproperty.platform.review.jpa.testmessages");
    static final ReviewKind KIND = new ReviewKind("test-filing", "subject", "filing", "subject:read", "subject:file", "subject:review",
            ReviewTexts.defaults(TEXTS));

    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    FileStoreImpl files;
    Reviews<TestRound> reviews;
    Transactions tx;
    final AtomicLong subjects = new AtomicLong(1);

    /** What the made-up domain says about its subjects. */
    final ReviewSubjects domain = new ReviewSubjects() {
        @Override
        public void checkApplicant(EntityManager em, DataScope scope, long subjectId) {
            checkExists(em, subjectId);
            if (!mayRead(em, scope, subjectId)) {
                throw new ApiException(404, "problem.notFound", Messages.PLATFORM, null, "subject", String.valueOf(subjectId));
            }
        }

        @Override
        public void checkExists(EntityManager em, long subjectId) {
            if (subjectId < 1 || subjectId > 999) {
                throw new ApiException(404, "problem.notFound", Messages.PLATFORM, null, "subject", String.valueOf(subjectId));
            }
        }

        @Override
        public boolean mayRead(EntityManager em, DataScope scope, long subjectId) {
            return scope.all() || (scope.kind() == DataScope.Kind.COMPANY && scope.companyId() == subjectId);
        }
    };

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/review-test.changelog.xml");
        db().migrate("db/files.changelog.xml");
        files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-review"));
        AuditTrail audit = new AuditTrail() {
            @Override
            public void append(java.sql.Connection sameTransaction, AuditEvent event) {
                assertNotNull(sameTransaction, "written in the caller's transaction");
                audited.add(event);
            }

            @Override
            public void append(AuditEvent event) {
                audited.add(event);
            }
        };
        reviews = new Reviews<>(KIND, TestRound.class, "subjectId", "rvt_round_event", domain, files, audit);
        tx = new Transactions(db().jpa("review-test"));
    }

    long subject() {
        return subjects.getAndIncrement();
    }

    List<AttachmentInput> materials(String actor, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> {
            byte[] pdf = ("%PDF-1.4\n% m" + i + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
            return new AttachmentInput("材料" + i, files.upload(new ByteArrayInputStream(pdf), "m" + i + ".pdf", actor).id());
        }).toList();
    }

    TestRound submit(long subject, String actor) {
        return submit(subject, actor, materials(actor, 1));
    }

    TestRound submit(long subject, String actor, List<AttachmentInput> materials) {
        Validation v = new Validation(TEXTS);
        reviews.validateMaterials(v, materials);
        v.throwIfInvalid();
        return tx.write(em -> reviews.submit(em, DataScope.company(subject), subject, new TestRound(subject, "note"), materials, actor));
    }

    TestRound decide(long subject, TestRound r, ReviewAction action, String reason) {
        return tx.write(em -> reviews.decide(em, subject, r.roundId(), r.getVersion(), action, reason, "regulator"));
    }

    <T> T read(Function<EntityManager, T> work) {
        return tx.read(work);
    }

    long rows(String table) throws Exception {
        return Long.parseLong(db().strings("SELECT COUNT(*) FROM " + table).get(0));
    }

    // ---------------------------------------------------------------- the table as data

    @Test
    void theTransitionTableIsDataAndNamesWhoFiresEachRow_issue10_item2() {
        assertEquals(4, ReviewTransitions.TABLE.size());
        assertEquals(ReviewState.SUBMITTED, ReviewTransitions.submission(null).orElseThrow().to());
        assertEquals(ReviewAction.SUBMIT, ReviewTransitions.submission(null).orElseThrow().action());
        assertEquals(ReviewAction.RESUBMIT, ReviewTransitions.submission(ReviewState.RETURNED).orElseThrow().action());
        assertTrue(ReviewTransitions.submission(ReviewState.SUBMITTED).isEmpty());
        assertTrue(ReviewTransitions.submission(ReviewState.APPROVED).isEmpty(), "APPROVED is final");
        assertEquals(List.of(ReviewState.APPROVED, ReviewState.RETURNED), ReviewTransitions.decisions(ReviewState.SUBMITTED));
        assertEquals(List.of(), ReviewTransitions.decisions(ReviewState.RETURNED));
        assertEquals(List.of(), ReviewTransitions.decisions(ReviewState.APPROVED));
        assertTrue(ReviewTransitions.of(ReviewAction.RETURN).reasonRequired());
        assertFalse(ReviewTransitions.of(ReviewAction.APPROVE).reasonRequired());
        assertEquals(ReviewParty.REVIEWER, ReviewTransitions.of(ReviewAction.APPROVE).party());
        assertEquals(ReviewParty.APPLICANT, ReviewTransitions.of(ReviewAction.RESUBMIT).party());
        assertEquals("subject:review", KIND.permissionFor(ReviewTransitions.of(ReviewAction.RETURN)));
        assertEquals("subject:file", KIND.permissionFor(ReviewTransitions.of(ReviewAction.RESUBMIT)));
    }

    @Test
    void theDecisionsAreAWorkflowTransitionTableOfTheKind_issue10_item2() {
        org.smartproperty.platform.workflow.TransitionTable<ReviewState> t = reviews.decisionTable();
        assertEquals("filing", t.prefix());
        assertEquals(Set.of(ReviewState.SUBMITTED), t.initial());
        assertEquals(List.of(ReviewState.APPROVED, ReviewState.RETURNED), t.next(ReviewState.SUBMITTED));
        assertEquals(List.of(), t.next(ReviewState.RETURNED));
        assertTrue(t.terminal(ReviewState.APPROVED) && t.terminal(ReviewState.RETURNED));
        assertEquals("subject:review", t.get("approve").permission());
        assertTrue(t.get("return").textRequired());
        assertFalse(t.get("approve").textRequired());
        assertEquals(Set.of(org.smartproperty.platform.workflow.Party.REGULATOR), t.get("return").parties());
        SpmPrincipal staff = principal(Set.of("subject:review"), DataScope.ALL);
        SpmPrincipal applicant = principal(Set.of("subject:file", "subject:read"), DataScope.company(1));
        org.smartproperty.platform.workflow.PartyCheck<Long> regulatorIsStaff =
                (caller, item, party) -> party == org.smartproperty.platform.workflow.Party.REGULATOR && caller.scope().all();
        assertTrue(org.smartproperty.platform.workflow.TransitionTable.may(t.get("return"), staff, 1L, regulatorIsStaff));
        assertFalse(org.smartproperty.platform.workflow.TransitionTable.may(t.get("approve"), applicant, 1L, regulatorIsStaff),
                "the applicant does not review");
        ReviewTexts odd = new ReviewTexts(TEXTS, "objects.filing", "filing.pending", "filing.approved", "other.illegal", "filing.noTransition",
                "reason.required", "materials.required", "material.title");
        assertThrows(IllegalArgumentException.class, () -> new Reviews<>(new ReviewKind("x", "subject", "filing", "r", "f", "v", odd),
                TestRound.class, "subjectId", "rvt_round_event", domain, files, null), "409 keys must be the workflow table's");
    }

    // ---------------------------------------------------------------- transitions

    @Test
    void returnNeedsAReasonAndWritesNothingWithout_issue10_item2() {
        long s = subject();
        TestRound r = submit(s, "applicant");
        for (String blank : new String[] {null, "", "   "}) {
            ApiException ex = assertThrows(ApiException.class, () -> decide(s, r, ReviewAction.RETURN, blank));
            assertEquals(400, ex.status());
            assertEquals("reason", ex.errors().get(0).field());
            assertEquals("reason.required", ex.errors().get(0).code());
            assertEquals("退回须填写理由", TEXTS.format(Locale.SIMPLIFIED_CHINESE, ex.errors().get(0).code()));
        }
        ApiException tooLong = assertThrows(ApiException.class, () -> decide(s, r, ReviewAction.RETURN, "x".repeat(Reviews.REASON_MAX + 1)));
        assertEquals(400, tooLong.status());
        assertEquals(ReviewState.SUBMITTED, read(em -> em.find(TestRound.class, r.roundId()).status()));
        TestRound returned = decide(s, r, ReviewAction.RETURN, "  缺少材料 ");
        assertEquals(ReviewState.RETURNED, returned.status());
        assertEquals("缺少材料", returned.reason());
        assertEquals("regulator", returned.decidedBy());
        assertNotNull(returned.decidedAt());
    }

    @Test
    void approveOnlyFromSubmittedAndTheConflictNamesTheAllowedStates_issue10_item2() {
        long s = subject();
        TestRound r = submit(s, "applicant");
        TestRound approved = decide(s, r, ReviewAction.APPROVE, null);
        assertEquals(ReviewState.APPROVED, approved.status());
        assertNull(approved.reason(), "an approval's reason is optional");
        ApiException again = assertThrows(ApiException.class, () -> decide(s, approved, ReviewAction.APPROVE, null));
        assertEquals(409, again.status());
        assertEquals("filing.illegalTransition", again.code());
        assertEquals("The application is APPROVED and cannot become APPROVED; allowed transitions: none (submit again)",
                TEXTS.format(Locale.ENGLISH, again.code(), again.args()));
        assertEquals(409, assertThrows(ApiException.class, () -> decide(s, approved, ReviewAction.RETURN, "反悔")).status());

        long s2 = subject();
        TestRound r2 = submit(s2, "applicant");
        TestRound returned = decide(s2, r2, ReviewAction.RETURN, "材料不全");
        ApiException fromReturned = assertThrows(ApiException.class, () -> decide(s2, returned, ReviewAction.APPROVE, null));
        assertEquals("filing.illegalTransition", fromReturned.code());
        assertEquals("RETURNED", fromReturned.args()[0]);
        assertEquals("APPROVED", fromReturned.args()[1]);
    }

    @Test
    void resubmitOnlyAfterAReturnAndNeverAfterApproval_issue10_item2() {
        long s = subject();
        TestRound first = submit(s, "applicant");
        ApiException pending = assertThrows(ApiException.class, () -> submit(s, "applicant"));
        assertEquals(409, pending.status());
        assertEquals("filing.pending", pending.code());
        decide(s, first, ReviewAction.RETURN, "补充材料");
        TestRound second = submit(s, "applicant");
        assertEquals(ReviewState.SUBMITTED, second.status());
        assertTrue(second.roundId() > first.roundId(), "a resubmission is a new round; the returned one stays");
        decide(s, second, ReviewAction.APPROVE, "同意");
        ApiException done = assertThrows(ApiException.class, () -> submit(s, "applicant"));
        assertEquals(409, done.status());
        assertEquals("filing.approved", done.code());
        assertEquals(List.of(ReviewState.APPROVED, ReviewState.RETURNED),
                read(em -> reviews.rounds(em, s).stream().map(ReviewRound::status).toList()), "rounds newest first");
    }

    @Test
    void onlyTheApplicantPartySubmitsAndRoundsOfAnotherSubjectDoNotExist_issue10_item2() {
        long s = subject();
        long other = subject();
        List<AttachmentInput> m = materials("intruder", 1);
        ApiException notMine = assertThrows(ApiException.class,
                () -> tx.write(em -> reviews.submit(em, DataScope.company(other), s, new TestRound(s, null), m, "intruder")));
        assertEquals(404, notMine.status());
        TestRound r = submit(s, "applicant");
        ApiException wrongSubject = assertThrows(ApiException.class,
                () -> tx.write(em -> reviews.decide(em, other, r.roundId(), r.getVersion(), ReviewAction.APPROVE, null, "regulator")));
        assertEquals(404, wrongSubject.status());
        ApiException stale = assertThrows(ApiException.class,
                () -> tx.write(em -> reviews.decide(em, s, r.roundId(), r.getVersion() + 1, ReviewAction.APPROVE, null, "regulator")));
        assertEquals(412, stale.status());
        assertThrows(IllegalArgumentException.class, () -> reviews.validateDecision(ReviewAction.SUBMIT, null), "a submission is no decision");
    }

    // ---------------------------------------------------------------- materials

    @Test
    void materialsMustBeFilesTheApplicantUploadedAndNothingIsWrittenOtherwise_issue10_item2() throws Exception {
        long s = subject();
        Validation v = new Validation(TEXTS);
        reviews.validateMaterials(v, List.of());
        ApiException none = assertThrows(ApiException.class, v::throwIfInvalid);
        assertEquals("materials.required", none.errors().get(0).code());
        Validation untitled = new Validation(TEXTS);
        reviews.validateMaterials(untitled, List.of(new AttachmentInput(" ", "x")));
        assertEquals("materials[0].title", assertThrows(ApiException.class, untitled::throwIfInvalid).errors().get(0).field());

        long roundsBefore = rows("rvt_round");
        long historyBefore = rows("rvt_round_event");
        int auditBefore = audited.size();
        List<AttachmentInput> unknown = List.of(new AttachmentInput("营业执照", "0".repeat(32)));
        ApiException missing = assertThrows(ApiException.class, () -> submit(s, "applicant", unknown));
        assertEquals(400, missing.status());
        assertEquals("materials[0].fileId", missing.errors().get(0).field());
        List<AttachmentInput> someoneElses = materials("somebody-else", 1);
        assertEquals(400, assertThrows(ApiException.class, () -> submit(s, "applicant", someoneElses)).status());
        assertEquals(roundsBefore, rows("rvt_round"), "no round without its materials");
        assertEquals(historyBefore, rows("rvt_round_event"));
        assertEquals(auditBefore, audited.size());

        List<AttachmentInput> two = materials("applicant", 2);
        TestRound r = submit(s, "applicant", two);
        assertEquals(List.of("材料0", "材料1"), read(em -> reviews.materials(em, r)).stream().map(a -> a.title()).toList());
        assertEquals(two.get(0).fileId(), read(em -> reviews.materials(em, r)).get(0).fileId());
    }

    @Test
    void materialsAreReadByTheReadPermissionWithinScopeOnly_issue10_item2() {
        long s = subject();
        TestRound r = submit(s, "applicant");
        String ref = Long.toString(r.roundId());
        SpmPrincipal own = principal(Set.of("subject:read"), DataScope.company(s));
        SpmPrincipal stranger = principal(Set.of("subject:read"), DataScope.company(s + 1000));
        SpmPrincipal noPermission = principal(Set.of(), DataScope.ALL);
        SpmPrincipal staff = principal(Set.of("subject:read"), DataScope.ALL);
        assertTrue(reviews.mayReadMaterials(own, ref, id -> read(em -> reviews.mayReadRound(em, own.scope(), id))));
        assertTrue(reviews.mayReadMaterials(staff, ref, id -> read(em -> reviews.mayReadRound(em, staff.scope(), id))));
        assertFalse(reviews.mayReadMaterials(stranger, ref, id -> read(em -> reviews.mayReadRound(em, stranger.scope(), id))));
        assertFalse(reviews.mayReadMaterials(noPermission, ref, id -> read(em -> reviews.mayReadRound(em, noPermission.scope(), id))));
        assertFalse(reviews.mayReadMaterials(staff, "not-a-number", id -> true));
        assertFalse(reviews.mayReadMaterials(null, ref, id -> true));
    }

    static SpmPrincipal principal(Set<String> permissions, DataScope scope) {
        return new SpmPrincipal(1, "u", Set.of(), permissions, scope, false, null);
    }

    // ---------------------------------------------------------------- history and audit

    @Test
    void historyListsWhoWhenFromToReasonAndDetailsInOrder_issue10_item2() {
        long s = subject();
        List<AttachmentInput> m = materials("applicant", 2);
        TestRound first = submit(s, "applicant", m);
        decide(s, first, ReviewAction.RETURN, "缺少资质证书");
        TestRound second = submit(s, "applicant");
        decide(s, second, ReviewAction.APPROVE, null);
        List<ReviewEvent> h = read(em -> reviews.history(em, s));
        assertEquals(List.of(ReviewAction.SUBMIT, ReviewAction.RETURN, ReviewAction.RESUBMIT, ReviewAction.APPROVE),
                h.stream().map(ReviewEvent::action).toList());
        assertEquals(List.of("applicant", "regulator", "applicant", "regulator"), h.stream().map(ReviewEvent::actor).toList());
        assertNull(h.get(0).from());
        assertEquals(ReviewState.SUBMITTED, h.get(0).to());
        assertEquals(ReviewState.SUBMITTED, h.get(1).from());
        assertEquals(ReviewState.RETURNED, h.get(1).to());
        assertEquals("缺少资质证书", h.get(1).reason());
        assertEquals(ReviewState.RETURNED, h.get(2).from());
        assertEquals(List.of(first.roundId(), first.roundId(), second.roundId(), second.roundId()), h.stream().map(ReviewEvent::roundId).toList());
        for (int i = 1; i < h.size(); i++) {
            assertFalse(h.get(i).at().isBefore(h.get(i - 1).at()), "oldest first");
        }
        assertEquals(List.of(Map.of("title", "材料0", "fileId", m.get(0).fileId()), Map.of("title", "材料1", "fileId", m.get(1).fileId())),
                h.get(0).details().get("materials"), "structured details: the submitted materials");
        assertNull(h.get(3).details());
    }

    @Test
    void everyTransitionIsAuditedOnTheSubjectWithJsonBuiltByJackson_issue10_item2() {
        long s = subject();
        audited.clear();
        TestRound r = submit(s, "applicant");
        decide(s, r, ReviewAction.RETURN, "含\"引号\"的理由");
        assertEquals(List.of("filing.submit", "filing.return"), audited.stream().map(AuditEvent::action).toList());
        assertEquals("subject", audited.get(1).objectType());
        assertEquals(String.valueOf(s), audited.get(1).objectId());
        assertEquals("{\"filing\":" + r.roundId() + ",\"status\":\"SUBMITTED\"}", audited.get(0).summary());
        assertEquals("{\"filing\":" + r.roundId() + ",\"status\":\"RETURNED\",\"reason\":\"含\\\"引号\\\"的理由\"}", audited.get(1).summary());
    }
}
