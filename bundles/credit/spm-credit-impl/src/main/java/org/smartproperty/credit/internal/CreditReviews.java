package org.smartproperty.credit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartproperty.credit.Appeal;
import org.smartproperty.credit.AppealQuery;
import org.smartproperty.credit.AppealStatus;
import org.smartproperty.credit.CreditMessages;
import org.smartproperty.credit.Declaration;
import org.smartproperty.credit.DeclarationCategory;
import org.smartproperty.credit.DeclarationInput;
import org.smartproperty.credit.DeclarationItem;
import org.smartproperty.credit.RecordKind;
import org.smartproperty.credit.RecordStatus;
import org.smartproperty.credit.Verification;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.jpa.ReviewSubjects;
import org.smartproperty.platform.review.jpa.Reviews;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The two reviews of the credit domain, on the review kernel, inside the service's transactions:
 * <ul>
 * <li>the declaration (CRD-1): subject = the company's declaration year ({@code crd_declaration_cycle}); the company submits
 * its base items with evidence, the regulator approves with verified points per item (the base score) or returns it with a
 * reason; one approved declaration per year;</li>
 * <li>the appeal (CRD-4): subject = the record; the company appeals an active bad record with grounds and files, the regulator
 * withdraws the record (kernel APPROVE) or upholds it with a reason (kernel RETURN), within the time limit of the deadline
 * engine ({@code credit}/{@code APPEAL}); an appeal is decided once, never resubmitted.</li>
 * </ul>
 */
final class CreditReviews {

    static final String DECLARATION_FILES = "credit-declaration";
    static final String APPEAL_FILES = "credit-appeal";
    static final String APPEAL_CATEGORY = "APPEAL";
    static final int TITLE_MAX = 200;
    static final int ITEMS_MAX = 50;

    static final ReviewKind DECLARATION = new ReviewKind(DECLARATION_FILES, "credit-declaration", "declaration", "credit:read",
            "credit:declare", "credit:review", new ReviewTexts(CreditMessages.TEXTS, "objects.declaration", "declaration.pending",
            "declaration.approved", "declaration.illegalTransition", "declaration.noTransition", "reason.required", "evidence.required",
            "evidence.title"));
    static final ReviewKind APPEAL = new ReviewKind(APPEAL_FILES, "credit-record", "appeal", "credit:read", "credit:declare",
            "credit:review", new ReviewTexts(CreditMessages.TEXTS, "objects.appeal", "appeal.pending", "appeal.approved",
            "appeal.illegalTransition", "appeal.noTransition", "reason.required", "evidence.required", "evidence.title"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CreditServiceImpl credit;
    private final FileStore files;
    private final Reviews<DeclarationEntity> declarations;
    private final Reviews<AppealEntity> appeals;

    CreditReviews(CreditServiceImpl credit, FileStore files, AuditTrail audit) {
        this.credit = credit;
        this.files = files;
        this.declarations = new Reviews<>(DECLARATION, DeclarationEntity.class, "cycleId", "crd_declaration_event", cycles(), files, audit);
        this.appeals = new Reviews<>(APPEAL, AppealEntity.class, "recordId", "crd_appeal_event", records(), files, audit);
    }

    // ------------------------------------------------------------------ declaration (CRD-1)

    private ReviewSubjects cycles() {
        return new ReviewSubjects() {
            @Override
            public void checkApplicant(EntityManager em, DataScope scope, long cycleId) {
                CycleEntity c = em.find(CycleEntity.class, cycleId);
                if (c == null || !CreditServiceImpl.inScope(scope, c.companyId)) {
                    throw CreditServiceImpl.notFound("objects.company", cycleId);
                }
            }

            @Override
            public void checkExists(EntityManager em, long cycleId) {
                if (em.find(CycleEntity.class, cycleId) == null) {
                    throw CreditServiceImpl.notFound("objects.declaration", cycleId);
                }
            }

            @Override
            public boolean mayRead(EntityManager em, DataScope scope, long cycleId) {
                CycleEntity c = em.find(CycleEntity.class, cycleId);
                return c != null && CreditServiceImpl.inScope(scope, c.companyId);
            }
        };
    }

    /** Field checks before the transaction; @return every item's evidence, the round's materials. */
    List<AttachmentInput> validateDeclaration(DeclarationInput in) {
        Validation v = new Validation(CreditMessages.TEXTS);
        List<AttachmentInput> materials = new ArrayList<>();
        if (in == null || in.items() == null || in.items().isEmpty()) {
            v.error("items", "declaration.itemsRequired");
            v.throwIfInvalid();
        }
        if (in.items().size() > ITEMS_MAX) {
            v.error("items", "declaration.tooManyItems", ITEMS_MAX);
        }
        Map<DeclarationCategory, Integer> caps = credit.rules().caps();
        for (int i = 0; i < in.items().size(); i++) {
            DeclarationInput.Item it = in.items().get(i);
            String f = "items[" + i + "]";
            if (!v.required(f, it)) {
                continue;
            }
            v.required(f + ".category", it.category());
            if (v.required(f + ".title", blank(it.title()))) {
                v.maxLength(f + ".title", it.title(), TITLE_MAX);
            }
            if (v.required(f + ".claimedPoints", it.claimedPoints())) {
                int cap = it.category() == null ? 100 : caps.getOrDefault(it.category(), 0);
                if (it.claimedPoints() < 0 || it.claimedPoints() > cap) {
                    v.error(f + ".claimedPoints", "declaration.claimedRange", cap);
                }
            }
            AttachmentInput.validateTitled(v, f + ".evidence", it.evidence(), "evidence.required", "evidence.title");
            if (it.evidence() != null) {
                materials.addAll(it.evidence());
            }
        }
        v.throwIfInvalid();
        return materials;
    }

    Declaration declare(EntityManager em, SpmPrincipal caller, long companyId, DeclarationInput in, List<AttachmentInput> materials) {
        CreditServiceImpl.checkCompany(caller, companyId);
        if (caller.scope() == null || caller.scope().kind() != DataScope.Kind.COMPANY) {
            throw ApiException.conflict(CreditMessages.TEXTS, "declaration.notCompany");
        }
        credit.profile(em, companyId);
        int year = credit.today().getYear();
        List<CycleEntity> found = em.createQuery("SELECT c FROM CycleEntity c WHERE c.companyId = :c AND c.year = :y", CycleEntity.class)
                .setParameter("c", companyId).setParameter("y", year).getResultList();
        CycleEntity cycle;
        if (found.isEmpty()) {
            cycle = new CycleEntity();
            cycle.companyId = companyId;
            cycle.year = year;
            cycle.touchedBy(caller.getName());
            em.persist(cycle);
            em.flush();
        } else {
            cycle = found.get(0);
        }
        DeclarationEntity d = new DeclarationEntity();
        d.cycleId = cycle.id;
        d.companyId = companyId;
        declarations.submit(em, caller.scope(), cycle.id, d, dedupe(materials), caller.getName());
        for (int i = 0; i < in.items().size(); i++) {
            DeclarationInput.Item it = in.items().get(i);
            DeclarationItemEntity e = new DeclarationItemEntity();
            e.declarationId = d.id;
            e.ordinal = i;
            e.category = it.category();
            e.title = it.title().strip();
            e.claimedPoints = it.claimedPoints();
            e.evidence = json(it.evidence().stream().map(a -> Map.of("title", a.title().strip(), "fileId", a.fileId())).toList());
            em.persist(e);
        }
        em.flush();
        return toDto(em, d);
    }

    /** A file named by two items is attached to the round once. */
    private static List<AttachmentInput> dedupe(List<AttachmentInput> materials) {
        Set<String> seen = new HashSet<>();
        return materials.stream().filter(a -> seen.add(a.fileId())).toList();
    }

    void validateVerification(Verification in) {
        Validation v = new Validation(CreditMessages.TEXTS);
        if (in == null || in.items() == null || in.items().isEmpty()) {
            v.error("items", "verify.itemsRequired");
            v.throwIfInvalid();
        }
        for (int i = 0; i < in.items().size(); i++) {
            Verification.Item it = in.items().get(i);
            String f = "items[" + i + "]";
            if (v.required(f, it)) {
                v.required(f + ".itemId", it.itemId());
                if (v.required(f + ".verifiedPoints", it.verifiedPoints()) && it.verifiedPoints() < 0) {
                    v.error(f + ".verifiedPoints", "verify.pointsRange", 0);
                }
                v.maxLength(f + ".note", it.note(), 1000);
            }
        }
        v.maxLength("reason", in.reason(), Reviews.REASON_MAX);
        v.throwIfInvalid();
    }

    Declaration verify(EntityManager em, String actor, long companyId, long declarationId, long version, Verification in) {
        DeclarationEntity d = findDeclaration(em, companyId, declarationId);
        List<DeclarationItemEntity> items = items(em, d.id);
        Map<Long, DeclarationItemEntity> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id, i));
        Validation v = new Validation(CreditMessages.TEXTS);
        Set<Long> named = new HashSet<>();
        Map<DeclarationCategory, Integer> sums = new EnumMap<>(DeclarationCategory.class);
        for (int i = 0; i < in.items().size(); i++) {
            Verification.Item it = in.items().get(i);
            DeclarationItemEntity e = byId.get(it.itemId());
            String f = "items[" + i + "]";
            if (e == null || !named.add(it.itemId())) {
                v.error(f + ".itemId", "verify.unknownItem", it.itemId());
                continue;
            }
            if (it.verifiedPoints() > e.claimedPoints) {
                v.error(f + ".verifiedPoints", "verify.pointsRange", e.claimedPoints);
                continue;
            }
            e.verifiedPoints = it.verifiedPoints();
            e.note = blank(it.note()) == null ? null : it.note().strip();
            sums.merge(e.category, it.verifiedPoints(), Integer::sum);
        }
        if (named.size() != items.size() && !v.hasErrors()) {
            v.error("items", "verify.everyItem", items.size());
        }
        v.throwIfInvalid();
        d.baseScore = credit.rules().base(sums);
        declarations.decide(em, d.cycleId, d.id, version, ReviewAction.APPROVE, in.reason(), actor);
        credit.refresh(em, companyId, "declaration.verified", null);
        return toDto(em, d);
    }

    void validateReturn(String reason) {
        declarations.validateDecision(ReviewAction.RETURN, reason);
    }

    Declaration returnDeclaration(EntityManager em, String actor, long companyId, long declarationId, long version, String reason) {
        DeclarationEntity d = findDeclaration(em, companyId, declarationId);
        declarations.decide(em, d.cycleId, d.id, version, ReviewAction.RETURN, reason, actor);
        return toDto(em, d);
    }

    private DeclarationEntity findDeclaration(EntityManager em, long companyId, long declarationId) {
        DeclarationEntity d = em.find(DeclarationEntity.class, declarationId);
        if (d == null || d.companyId != companyId) {
            throw CreditServiceImpl.notFound("objects.declaration", declarationId);
        }
        return d;
    }

    List<Declaration> declarations(EntityManager em, long companyId) {
        return em.createQuery("SELECT d FROM DeclarationEntity d WHERE d.companyId = :c ORDER BY d.id DESC", DeclarationEntity.class)
                .setParameter("c", companyId).getResultList().stream().map(d -> toDto(em, d)).toList();
    }

    List<ReviewEvent> declarationHistory(EntityManager em, long companyId) {
        List<ReviewEvent> all = new ArrayList<>();
        for (Long cycle : em.createQuery("SELECT c.id FROM CycleEntity c WHERE c.companyId = :c ORDER BY c.id", Long.class)
                .setParameter("c", companyId).getResultList()) {
            all.addAll(declarations.history(em, cycle));
        }
        return all;
    }

    private static List<DeclarationItemEntity> items(EntityManager em, long declarationId) {
        return em.createQuery("SELECT i FROM DeclarationItemEntity i WHERE i.declarationId = :d ORDER BY i.ordinal", DeclarationItemEntity.class)
                .setParameter("d", declarationId).getResultList();
    }

    private Declaration toDto(EntityManager em, DeclarationEntity d) {
        List<Attachment> materials = em.getTransaction().isActive() ? declarations.materials(em, d)
                : credit.attachedOwnConnection(DECLARATION_FILES, d.id);
        Map<String, Attachment> byFile = new HashMap<>();
        materials.forEach(a -> byFile.put(a.fileId(), a));
        List<DeclarationItem> items = items(em, d.id).stream().map(i -> new DeclarationItem(i.id, i.category, i.title, i.claimedPoints,
                i.verifiedPoints, i.note, evidence(i.evidence).stream().map(m -> byFile.get(m.get("fileId"))).filter(a -> a != null).toList()))
                .toList();
        return new Declaration(d.id, d.companyId, d.status(), d.submittedBy(), d.submittedAt(), d.decidedBy(), d.decidedAt(), d.reason(),
                d.baseScore, items, d.getVersion());
    }

    // ------------------------------------------------------------------ appeal (CRD-4)

    private ReviewSubjects records() {
        return new ReviewSubjects() {
            @Override
            public void checkApplicant(EntityManager em, DataScope scope, long recordId) {
                RecordEntity r = em.find(RecordEntity.class, recordId);
                if (r == null || !CreditServiceImpl.inScope(scope, r.companyId)) {
                    throw CreditServiceImpl.notFound("objects.record", recordId);
                }
                if (scope.kind() != DataScope.Kind.COMPANY) {
                    throw ApiException.conflict(CreditMessages.TEXTS, "appeal.notCompany");
                }
                RecordStatus now = credit.statusToday(r);
                if (r.kind != RecordKind.BAD || now != RecordStatus.ACTIVE) {
                    throw ApiException.conflict(CreditMessages.TEXTS, "appeal.notAppealable", r.kind.name(), now.name());
                }
            }

            @Override
            public void checkExists(EntityManager em, long recordId) {
                if (em.find(RecordEntity.class, recordId) == null) {
                    throw CreditServiceImpl.notFound("objects.record", recordId);
                }
            }

            @Override
            public void checkSubmission(EntityManager em, long recordId, ReviewAction action) {
                if (action == ReviewAction.RESUBMIT) {
                    throw ApiException.conflict(CreditMessages.TEXTS, "appeal.decided");
                }
            }

            @Override
            public boolean mayRead(EntityManager em, DataScope scope, long recordId) {
                RecordEntity r = em.find(RecordEntity.class, recordId);
                return r != null && CreditServiceImpl.inScope(scope, r.companyId);
            }
        };
    }

    void validateAppeal(String reason, List<AttachmentInput> evidence) {
        Validation v = new Validation(CreditMessages.TEXTS);
        if (blank(reason) == null) {
            v.error("reason", "appeal.groundsRequired");
        } else {
            v.maxLength("reason", reason, CreditServiceImpl.TEXT_MAX);
        }
        AttachmentInput.validateTitled(v, "evidence", evidence, "evidence.required", "evidence.title");
        v.throwIfInvalid();
    }

    void validateUphold(String reason) {
        appeals.validateDecision(ReviewAction.RETURN, reason);
    }

    void validateWithdraw(String reason) {
        appeals.validateDecision(ReviewAction.APPROVE, reason);
    }

    boolean hasAppeal(EntityManager em, long recordId) {
        return em.createQuery("SELECT COUNT(a) FROM AppealEntity a WHERE a.recordId = :r", Long.class).setParameter("r", recordId)
                .getSingleResult() > 0;
    }

    boolean pendingAppeal(EntityManager em, long recordId) {
        return em.createQuery("SELECT a.status FROM AppealEntity a WHERE a.recordId = :r", ReviewState.class).setParameter("r", recordId)
                .getResultList().contains(ReviewState.SUBMITTED);
    }

    Appeal submitAppeal(EntityManager em, SpmPrincipal caller, long recordId, String grounds, List<AttachmentInput> evidence) {
        RecordEntity r = credit.findRecord(em, caller, recordId);
        AppealEntity a = new AppealEntity();
        a.recordId = recordId;
        a.companyId = r.companyId;
        a.grounds = grounds;
        appeals.submit(em, caller.scope(), recordId, a, evidence, caller.getName());
        DeadlineTracker d = credit.deadlines();
        if (d != null) {
            d.start(em.unwrap(Connection.class), new TrackedItem(CreditServiceImpl.DOMAIN, a.id, APPEAL_CATEGORY,
                    CreditMessages.TEXTS.text("appeal.deadlineTitle") + " #" + a.id, null, r.companyId, null, null, null));
        }
        return toDto(em, a);
    }

    Appeal decideAppeal(EntityManager em, String actor, long appealId, long version, boolean withdraw, String reason) {
        AppealEntity a = em.find(AppealEntity.class, appealId);
        if (a == null) {
            throw CreditServiceImpl.notFound("objects.appeal", appealId);
        }
        appeals.decide(em, a.recordId, a.id, version, withdraw ? ReviewAction.APPROVE : ReviewAction.RETURN, reason, actor);
        RecordEntity r = em.find(RecordEntity.class, a.recordId);
        String why = blank(reason) == null ? null : reason.strip();
        if (withdraw) {
            credit.changeStatus(em, r, RecordStatus.WITHDRAWN, why, actor);
            credit.audit(em, actor, "credit.record.withdraw", CreditServiceImpl.AUDIT_RECORD, r.id, AuditEvent.summary("company", r.companyId,
                    "appeal", a.id, "from", "ACTIVE", "to", "WITHDRAWN", "reason", why));
        }
        DeadlineTracker d = credit.deadlines();
        if (d != null) {
            d.complete(em.unwrap(Connection.class), CreditServiceImpl.DOMAIN, a.id, null);
        }
        credit.refresh(em, r.companyId, withdraw ? "appeal.withdrawn" : "appeal.upheld", r.id);
        return toDto(em, a);
    }

    Page<Appeal> appeals(EntityManager em, SpmPrincipal caller, AppealQuery q, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        DataScope scope = caller.scope();
        if (scope == null || !scope.all()) {
            where.append(" AND a.companyId = :own");
            params.put("own", scope != null && scope.kind() == DataScope.Kind.COMPANY ? scope.companyId() : -1L);
        }
        if (q.companyId() != null) {
            where.append(" AND a.companyId = :c");
            params.put("c", q.companyId());
        }
        if (q.status() != null) {
            where.append(" AND a.status = :s");
            params.put("s", state(q.status()));
        }
        Jpql.Rows<AppealEntity> found = Jpql.page(em, AppealEntity.class, "a", where.toString(), params, page);
        return new Page<>(found.rows().stream().map(a -> toDto(em, a)).toList(), page.page(), page.size(), found.total());
    }

    Appeal appeal(EntityManager em, SpmPrincipal caller, long appealId) {
        AppealEntity a = em.find(AppealEntity.class, appealId);
        if (a == null || !CreditServiceImpl.inScope(caller.scope(), a.companyId)) {
            throw CreditServiceImpl.notFound("objects.appeal", appealId);
        }
        return toDto(em, a);
    }

    private static ReviewState state(AppealStatus s) {
        return switch (s) {
            case SUBMITTED -> ReviewState.SUBMITTED;
            case UPHELD -> ReviewState.RETURNED;
            case WITHDRAWN -> ReviewState.APPROVED;
        };
    }

    private static AppealStatus status(ReviewState s) {
        return switch (s) {
            case SUBMITTED -> AppealStatus.SUBMITTED;
            case RETURNED -> AppealStatus.UPHELD;
            case APPROVED -> AppealStatus.WITHDRAWN;
        };
    }

    private Appeal toDto(EntityManager em, AppealEntity a) {
        boolean inTx = em.getTransaction().isActive();
        List<Attachment> evidence = inTx ? appeals.materials(em, a) : credit.attachedOwnConnection(APPEAL_FILES, a.id);
        java.time.Instant due = null;
        DeadlineTracker d = credit.deadlinesOrNull();
        if (d != null) {
            if (inTx) {
                due = d.find(em.unwrap(Connection.class), CreditServiceImpl.DOMAIN, a.id).map(Deadline::dueAt).orElse(null);
            } else if (credit.dataSource() != null) {
                try (Connection c = credit.dataSource().getConnection()) {
                    due = d.find(c, CreditServiceImpl.DOMAIN, a.id).map(Deadline::dueAt).orElse(null);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        ProfileEntity profile = em.find(ProfileEntity.class, a.companyId);
        String companyName = profile == null ? null : profile.companyName;
        return new Appeal(a.id, a.recordId, a.companyId, companyName, status(a.status()), a.grounds, a.submittedBy(), a.submittedAt(),
                a.decidedBy(), a.decidedAt(), a.reason(), due, evidence, a.getVersion());
    }

    // ------------------------------------------------------------------ helpers

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, String>> evidence(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Map<String, String>>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
