package org.smartproperty.platform.review.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.InstantConverter;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.ReviewTransition;
import org.smartproperty.platform.review.ReviewTransitions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.workflow.DeadlineStep;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.workflow.TransitionInput;
import org.smartproperty.platform.workflow.TransitionTable;

/**
 * The review kernel: submit, approve, return with a reason, resubmit after a return, materials
 * from the file store, history. Every method runs on the caller's {@link EntityManager}, inside
 * the domain's transaction (its {@code Transactions.write}); nothing here opens one.
 *
 * <p>A domain gives: its {@link ReviewKind} (names, permissions, message keys), its round entity
 * class (a {@link ReviewRound}) and the name of the entity attribute holding the subject id, the
 * name of its history table (columns in {@code docs/architecture.md}, "Review kernel"), and its
 * {@link ReviewSubjects}. Errors use the domain's texts: 400 {@code reason.required} and material
 * field errors, 404 for an unknown round or one of another subject, 412 for a stale version, 409
 * {@code filing.pending}, {@code filing.approved} and {@code filing.illegalTransition} (naming the
 * allowed states).
 *
 * <p>The decisions on a round are a workflow {@link TransitionTable} of the kind
 * ({@link #decisionTable()}): a round is created SUBMITTED, {@code approve} and {@code return} lead
 * to the final APPROVED and RETURNED, by the regulator with the kind's review permission, the
 * return with a required {@code reason}. Its refusals are the workflow kernel's: 400 from
 * {@code validate}, 409 {@code <auditPrefix>.illegalTransition} from {@code allowed}. The
 * submissions (SUBMIT, RESUBMIT) create rounds and are checked on the subject's rounds here.
 *
 * @param <R> the domain's round entity
 */
public final class Reviews<R extends ReviewRound> {

    /** Longest reason accepted (400 beyond). */
    public static final int REASON_MAX = 4000;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final ReviewKind kind;
    private final ReviewTexts texts;
    private final Class<R> roundType;
    private final String entity;
    private final String subjectAttribute;
    private final String historyTable;
    private final ReviewSubjects subjects;
    private final FileStore files;
    private final AuditTrail audit;
    private final TransitionTable<ReviewState> decisions;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param historyTable the domain's history table (e.g. {@code cmp_filing_event}); a lower-case SQL name
     * @param audit        the audit trail, or null where nothing is audited (tools)
     */
    public Reviews(ReviewKind kind, Class<R> roundType, String subjectAttribute, String historyTable, ReviewSubjects subjects,
                   FileStore files, AuditTrail audit) {
        if (!NAME.matcher(historyTable).matches() || !subjectAttribute.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("not a plain SQL/JPQL name: " + historyTable + ", " + subjectAttribute);
        }
        this.kind = kind;
        this.texts = kind.texts();
        this.roundType = roundType;
        this.entity = roundType.getSimpleName();
        this.subjectAttribute = subjectAttribute;
        this.historyTable = historyTable;
        this.subjects = subjects;
        this.files = files;
        this.audit = audit;
        this.decisions = decisionTable(kind);
    }

    /**
     * The decision rows of {@link ReviewTransitions#TABLE} as a workflow transition table of this
     * kind. The review tracks no deadline: the {@code COMPLETE} steps only say that a decided round's
     * work is over, as the workflow table requires of a move into a final state.
     */
    static TransitionTable<ReviewState> decisionTable(ReviewKind kind) {
        ReviewTexts texts = kind.texts();
        String prefix = kind.auditPrefix();
        if (!texts.illegalTransition().equals(prefix + ".illegalTransition") || !texts.noTransition().equals(prefix + ".noTransition")) {
            throw new IllegalArgumentException("the workflow table answers 409 " + prefix + ".illegalTransition / " + prefix
                    + ".noTransition; the kind's texts name " + texts.illegalTransition() + " / " + texts.noTransition());
        }
        TransitionTable.Builder<ReviewState> b = TransitionTable.builder(ReviewState.class, texts.source(), prefix)
                .initial(ReviewState.SUBMITTED).terminal(ReviewState.APPROVED, ReviewState.RETURNED);
        for (ReviewTransition t : ReviewTransitions.TABLE) {
            if (t.newRound()) {
                continue;
            }
            TransitionTable.Builder<ReviewState>.Row row = b.on(t.action().name().toLowerCase(java.util.Locale.ROOT), t.from()).permission(kind.permissionFor(t)).by(Party.REGULATOR)
                    .maxText(REASON_MAX).deadline(DeadlineStep.COMPLETE);
            (t.reasonRequired() ? row.requiredText("reason", texts.reasonRequired()) : row.text("reason")).to(t.to());
        }
        return b.build();
    }

    /** The decisions on a round as a workflow transition table ({@code approve}, {@code return}; see the class comment). */
    public TransitionTable<ReviewState> decisionTable() {
        return decisions;
    }

    public ReviewKind kind() {
        return kind;
    }

    // ---------------------------------------------------------------- before the transaction

    /** Field checks of a submission's materials (at least one, each titled and with a file id), added to the domain's validation. */
    public void validateMaterials(Validation v, List<AttachmentInput> materials) {
        AttachmentInput.validateTitled(v, "materials", materials, texts.materialsRequired(), texts.materialTitle());
    }

    /** Field checks of a decision: 400 {@code reason.required} where the table requires a reason, 400 over {@link #REASON_MAX}. */
    public void validateDecision(ReviewAction action, String reason) {
        if (ReviewTransitions.of(action).newRound()) {
            throw new IllegalArgumentException(action + " is a submission, not a decision");
        }
        decisions.validate(decisionName(action), TransitionInput.of(reason));
    }

    private static String decisionName(ReviewAction action) {
        return action.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- transitions (inside the domain's transaction)

    /**
     * The applicant submits {@code round} (a new entity with the subject and the domain's form
     * fields set) with its materials: SUBMIT when the subject has no round, RESUBMIT when its
     * latest round was returned; 409 while one is SUBMITTED or once one is APPROVED. The materials
     * must be files the actor uploaded (400 {@code materials[i].fileId} otherwise, nothing written).
     */
    public R submit(EntityManager em, DataScope scope, long subjectId, R round, List<AttachmentInput> materials, String actor) {
        subjects.checkApplicant(em, scope, subjectId);
        List<ReviewState> states = em.createQuery("SELECT r.status FROM " + entity + " r WHERE r." + subjectAttribute + " = :s ORDER BY r.id",
                ReviewState.class).setParameter("s", subjectId).getResultList();
        if (states.contains(ReviewState.APPROVED)) {
            throw ApiException.conflict(texts.source(), texts.approved());
        }
        if (states.contains(ReviewState.SUBMITTED)) {
            throw ApiException.conflict(texts.source(), texts.pending());
        }
        ReviewState latest = states.isEmpty() ? null : states.get(states.size() - 1);
        ReviewTransition t = ReviewTransitions.submission(latest).orElseThrow(() -> illegal(latest, ReviewState.SUBMITTED));
        subjects.checkSubmission(em, subjectId, t.action());
        if (round.subjectId() != subjectId) {
            throw new IllegalArgumentException("round of subject " + round.subjectId() + " submitted for " + subjectId);
        }
        round.submitted(actor, Instant.now());
        em.persist(round);
        em.flush();
        Connection c = em.unwrap(Connection.class);
        List<Attachment> attached = files.attach(c, materials, actor, kind.name(), Long.toString(round.roundId()), "materials[]");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("materials", attached.stream().map(a -> Map.of("title", a.title(), "fileId", a.fileId())).toList());
        record(c, round, t.action(), latest, t.to(), actor, round.submittedAt(), null, details);
        audit(c, actor, t.action(), subjectId, round);
        return round;
    }

    /**
     * A reviewer decides round {@code roundId} of the subject (APPROVE or RETURN) at the version the
     * caller read; only a SUBMITTED round can be decided. Call {@link #validateDecision} before the
     * transaction (it is checked again here).
     */
    public R decide(EntityManager em, long subjectId, long roundId, long expectedVersion, ReviewAction action, String reason, String actor) {
        validateDecision(action, reason);
        subjects.checkExists(em, subjectId);
        R r = em.find(roundType, roundId);
        if (r == null || r.subjectId() != subjectId) {
            throw notFound(roundId);
        }
        if (r.getVersion() != expectedVersion) {
            throw ApiException.stale(r.getVersion());
        }
        ReviewState from = r.status();
        decisions.allowed(decisionName(action), from);
        ReviewState to = decisions.get(decisionName(action)).to();
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        r.decided(to, why, actor);
        subjects.decided(em, subjectId, to, actor);
        em.flush();
        Connection c = em.unwrap(Connection.class);
        record(c, r, action, from, to, actor, r.getUpdatedAt(), why, null);
        audit(c, actor, action, subjectId, r);
        return r;
    }

    // ---------------------------------------------------------------- reads

    /** The subject's rounds, newest first (the caller checked the subject is readable). */
    public List<R> rounds(EntityManager em, long subjectId) {
        return em.createQuery("SELECT r FROM " + entity + " r WHERE r." + subjectAttribute + " = :s ORDER BY r.id DESC", roundType)
                .setParameter("s", subjectId).getResultList();
    }

    /** The materials of a round, in attach order (read on the transaction's connection if there is one). */
    public List<Attachment> materials(EntityManager em, R round) {
        return files.attached(em.unwrap(Connection.class), kind.name(), Long.toString(round.roundId()));
    }

    /** The subject's history, oldest first (time, then insertion order). */
    public List<ReviewEvent> history(EntityManager em, long subjectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, round_id, transition, from_status, to_status, actor, acted_at, reason, details FROM "
                + historyTable + " WHERE subject_id = ? ORDER BY acted_at, id").setParameter(1, subjectId).getResultList();
        InstantConverter instants = new InstantConverter();
        List<ReviewEvent> out = new ArrayList<>();
        for (Object[] row : rows) {
            out.add(new ReviewEvent(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ReviewAction.valueOf((String) row[2]),
                    row[3] == null ? null : ReviewState.valueOf((String) row[3]), ReviewState.valueOf((String) row[4]), (String) row[5],
                    instants.convertToEntityAttribute(row[6]), (String) row[7], readDetails(row[8])));
        }
        return out;
    }

    /** Whether {@code scope} may read round {@code roundId} (its subject readable per {@link ReviewSubjects#mayRead}). */
    public boolean mayReadRound(EntityManager em, DataScope scope, long roundId) {
        R r = em.find(roundType, roundId);
        return r != null && subjects.mayRead(em, scope, r.subjectId());
    }

    /**
     * The file-store policy of this kind's materials: the caller holds the read permission and may
     * read the round ({@code roundReadable}, typically {@link #mayReadRound} in a read transaction).
     */
    public boolean mayReadMaterials(SpmPrincipal caller, String ownerRef, LongPredicate roundReadable) {
        if (caller == null || !caller.can(kind.readPermission())) {
            return false;
        }
        try {
            return roundReadable.test(Long.parseLong(ownerRef));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- helpers

    private ApiException illegal(ReviewState from, ReviewState target) {
        List<ReviewState> allowed = ReviewTransitions.decisions(from);
        return ApiException.conflict(texts.source(), texts.illegalTransition(), from == null ? "-" : from.name(), target.name(),
                allowed.isEmpty() ? texts.source().text(texts.noTransition())
                        : allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }

    private ApiException notFound(long roundId) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, texts.source().text(texts.roundKind()), String.valueOf(roundId));
    }

    private void record(Connection c, ReviewRound round, ReviewAction action, ReviewState from, ReviewState to, String actor, Instant at,
                        String reason, Map<String, Object> details) {
        String sql = "INSERT INTO " + historyTable + " (round_id, subject_id, transition, from_status, to_status, actor, acted_at, reason, details)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, round.roundId());
            ps.setLong(2, round.subjectId());
            ps.setString(3, action.name());
            if (from == null) {
                ps.setNull(4, Types.VARCHAR);
            } else {
                ps.setString(4, from.name());
            }
            ps.setString(5, to.name());
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(at));
            if (reason == null) {
                ps.setNull(8, Types.VARCHAR);
            } else {
                ps.setString(8, reason);
            }
            if (details == null) {
                ps.setNull(9, Types.VARCHAR);
            } else {
                ps.setString(9, json.writeValueAsString(details));
            }
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("review history of " + kind.name() + " not written", e);
        }
    }

    private Map<String, Object> readDetails(Object text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text.toString(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of(); // written by us, always valid; never fail a read on it
        }
    }

    /** The audit entry as before the kernel: {@code {"filing": id, "status": "…"}} (the key is the audit prefix) plus the reason for a decision, built by Jackson. */
    private void audit(Connection c, String actor, ReviewAction action, long subjectId, ReviewRound round) {
        if (audit == null) {
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put(kind.auditPrefix(), round.roundId());
        summary.put("status", round.status().name());
        if (!ReviewTransitions.of(action).newRound()) {
            summary.put("reason", round.reason());
        }
        try {
            audit.append(c, AuditEvent.of(actor, kind.auditAction(action), kind.auditObjectType(), subjectId, json.writeValueAsString(summary)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
