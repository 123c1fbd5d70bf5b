package org.smartproperty.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartproperty.assessment.Acceptance;
import org.smartproperty.assessment.AssessmentMessages;
import org.smartproperty.assessment.Report;
import org.smartproperty.assessment.ReportStatus;
import org.smartproperty.assessment.ReportSubmission;
import org.smartproperty.assessment.ReportValue;
import org.smartproperty.assessment.RoundStatus;
import org.smartproperty.assessment.ScoringMethod;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.jpa.ReviewSubjects;
import org.smartproperty.platform.review.jpa.Reviews;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The company reports of a round on the review kernel (SUP-AS-2, COS-8): subject = the (round, company) report
 * ({@code asm_report}); the company submits its self-reported values with evidence (a review round {@code asm_report_round},
 * values in {@code asm_report_value}, history {@code asm_report_event}), the regulator returns it with a reason (the company
 * resubmits: a new round) or accepts it with the points of every self-reported indicator (0..weight). Submissions only while
 * the round is OPEN; a return too (a returned report could not be resubmitted after the close); an acceptance also while
 * CLOSED (a report submitted before the close is still decided), never once PUBLISHED.
 */
final class AssessmentReports {

    static final String FILES = "assessment-report";
    static final String AUDIT_KIND = "assessment-report";
    static final int VALUE_MAX = 1000;
    static final int NOTE_MAX = 1000;

    static final ReviewKind KIND = new ReviewKind(FILES, AUDIT_KIND, "report", "assessment:read", "assessment:report", "assessment:manage",
            new ReviewTexts(AssessmentMessages.TEXTS, "objects.report", "report.pending", "report.approved", "report.illegalTransition",
                    "report.noTransition", "reason.required", "evidence.required", "evidence.title"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AssessmentServiceImpl service;
    private final Reviews<SubmissionEntity> reviews;

    AssessmentReports(AssessmentServiceImpl service, FileStore files, AuditTrail audit) {
        this.service = service;
        this.reviews = new Reviews<>(KIND, SubmissionEntity.class, "reportId", "asm_report_event", subjects(), files, audit);
    }

    private ReviewSubjects subjects() {
        return new ReviewSubjects() {
            @Override
            public void checkApplicant(EntityManager em, DataScope scope, long reportId) {
                ReportEntity r = em.find(ReportEntity.class, reportId);
                if (r == null || !AssessmentServiceImpl.inScope(scope, r.companyId)) {
                    throw AssessmentServiceImpl.notFound("objects.report", reportId);
                }
                if (scope.kind() != DataScope.Kind.COMPANY) {
                    throw ApiException.conflict(AssessmentMessages.TEXTS, "report.notCompany");
                }
                requireOpen(em.find(RoundEntity.class, r.roundId));
            }

            @Override
            public void checkExists(EntityManager em, long reportId) {
                if (em.find(ReportEntity.class, reportId) == null) {
                    throw AssessmentServiceImpl.notFound("objects.report", reportId);
                }
            }

            @Override
            public boolean mayRead(EntityManager em, DataScope scope, long reportId) {
                ReportEntity r = em.find(ReportEntity.class, reportId);
                return r != null && AssessmentServiceImpl.inScope(scope, r.companyId);
            }
        };
    }

    static void requireOpen(RoundEntity round) {
        if (round.status != RoundStatus.OPEN) {
            throw ApiException.conflict(AssessmentMessages.TEXTS, "round.notOpen", round.status.name());
        }
    }

    // ------------------------------------------------------------------ submit (the company)

    /** Field checks that need no data: the list and each entry's lengths and titles. */
    static void validateSubmission(ReportSubmission in) {
        Validation v = new Validation(AssessmentMessages.TEXTS);
        if (in == null || in.values() == null || in.values().isEmpty()) {
            v.error("values", "report.valuesRequired");
            v.throwIfInvalid();
        }
        if (in.values().size() > IndicatorSets.NODES_MAX) {
            v.error("values", "indicators.tooMany", IndicatorSets.NODES_MAX);
        }
        for (int i = 0; i < in.values().size(); i++) {
            ReportSubmission.Value it = in.values().get(i);
            String f = "values[" + i + "]";
            if (!v.required(f, it)) {
                continue;
            }
            v.required(f + ".indicatorId", it.indicatorId());
            if (v.required(f + ".value", it.value())) {
                v.maxLength(f + ".value", it.value().strip(), VALUE_MAX);
            }
            if (it.evidence() != null && !it.evidence().isEmpty()) {
                AttachmentInput.validateTitled(v, f + ".evidence", it.evidence(), "evidence.required", "evidence.title");
            }
        }
        v.throwIfInvalid();
    }

    Report submit(EntityManager em, SpmPrincipal caller, long roundId, long companyId, ReportSubmission in) {
        ReportEntity report = service.findReport(em, caller, roundId, companyId);
        RoundEntity round = em.find(RoundEntity.class, roundId);
        Map<Long, IndicatorEntity> selfReported = selfReported(em, round);
        // every check on the values against the set, all errors at once, before anything is written
        Validation v = new Validation(AssessmentMessages.TEXTS);
        Set<Long> named = new HashSet<>();
        for (int i = 0; i < in.values().size(); i++) {
            ReportSubmission.Value it = in.values().get(i);
            IndicatorEntity ind = selfReported.get(it.indicatorId());
            String f = "values[" + i + "]";
            if (ind == null || !named.add(it.indicatorId())) {
                v.error(f + ".indicatorId", "report.unknownIndicator", it.indicatorId());
            } else if (ind.evidenceRequired && (it.evidence() == null || it.evidence().isEmpty())) {
                v.error(f + ".evidence", "evidence.required");
            }
        }
        List<String> missing = selfReported.values().stream().filter(i -> !named.contains(i.id)).map(i -> i.code).toList();
        if (!missing.isEmpty()) {
            v.error("values", "report.missingIndicators", String.join(", ", missing));
        }
        v.throwIfInvalid();
        List<AttachmentInput> materials = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        in.values().forEach(it -> {
            if (it.evidence() != null) {
                it.evidence().stream().filter(a -> seen.add(a.fileId())).forEach(materials::add);
            }
        });
        SubmissionEntity s = new SubmissionEntity();
        s.reportId = report.id;
        s.companyId = report.companyId;
        reviews.submit(em, caller.scope(), report.id, s, materials, caller.getName());
        for (ReportSubmission.Value it : in.values()) {
            ValueEntity e = new ValueEntity();
            e.submissionId = s.id;
            e.indicatorId = it.indicatorId();
            e.value = it.value().strip();
            e.evidence = json(it.evidence() == null ? List.of()
                    : it.evidence().stream().map(a -> Map.of("title", a.title().strip(), "fileId", a.fileId())).toList());
            em.persist(e);
        }
        report.status = ReportStatus.SUBMITTED;
        report.selfPoints = null;
        report.touchedBy(caller.getName());
        em.flush();
        return toDto(em, report, round);
    }

    // ------------------------------------------------------------------ decisions (the regulator)

    void validateReturn(String reason) {
        reviews.validateDecision(ReviewAction.RETURN, reason);
    }

    Report returnReport(EntityManager em, SpmPrincipal caller, long roundId, long companyId, long version, String reason) {
        ReportEntity report = service.findReport(em, caller, roundId, companyId);
        RoundEntity round = em.find(RoundEntity.class, roundId);
        if (report.getVersion() != version) {
            throw ApiException.stale(report.getVersion());
        }
        requireOpen(round);
        SubmissionEntity latest = latest(em, report);
        reviews.decide(em, report.id, latest.id, latest.getVersion(), ReviewAction.RETURN, reason, caller.getName());
        report.status = ReportStatus.RETURNED;
        report.touchedBy(caller.getName());
        em.flush();
        return toDto(em, report, round);
    }

    static void validateAcceptance(Acceptance in) {
        Validation v = new Validation(AssessmentMessages.TEXTS);
        if (in == null || in.points() == null || in.points().isEmpty()) {
            v.error("points", "accept.everyIndicator", "-");
            v.throwIfInvalid();
        }
        for (int i = 0; i < in.points().size(); i++) {
            Acceptance.Points p = in.points().get(i);
            String f = "points[" + i + "]";
            if (v.required(f, p)) {
                v.required(f + ".indicatorId", p.indicatorId());
                if (v.required(f + ".points", p.points()) && p.points().scale() > 2) {
                    v.error(f + ".points", "indicator.weightScale");
                }
                v.maxLength(f + ".note", p.note(), NOTE_MAX);
            }
        }
        v.maxLength("reason", in.reason(), Reviews.REASON_MAX);
        v.throwIfInvalid();
    }

    Report accept(EntityManager em, SpmPrincipal caller, long roundId, long companyId, long version, Acceptance in) {
        ReportEntity report = service.findReport(em, caller, roundId, companyId);
        RoundEntity round = em.find(RoundEntity.class, roundId);
        if (round.status == RoundStatus.PUBLISHED) {
            throw ApiException.conflict(AssessmentMessages.TEXTS, "round.published");
        }
        if (report.getVersion() != version) {
            throw ApiException.stale(report.getVersion());
        }
        SubmissionEntity latest = latest(em, report);
        Map<Long, IndicatorEntity> selfReported = selfReported(em, round);
        Map<Long, ValueEntity> values = new HashMap<>();
        values(em, latest).forEach(x -> values.put(x.indicatorId, x));
        Validation v = new Validation(AssessmentMessages.TEXTS);
        Set<Long> named = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < in.points().size(); i++) {
            Acceptance.Points p = in.points().get(i);
            IndicatorEntity ind = selfReported.get(p.indicatorId());
            String f = "points[" + i + "]";
            if (ind == null || !named.add(p.indicatorId())) {
                v.error(f + ".indicatorId", "report.unknownIndicator", p.indicatorId());
            } else if (v.range(f + ".points", p.points(), BigDecimal.ZERO, ind.weight)) {
                sum = sum.add(p.points());
            }
        }
        List<String> missing = selfReported.values().stream().filter(i -> !named.contains(i.id)).map(i -> i.code).toList();
        if (!missing.isEmpty()) {
            v.error("points", "accept.everyIndicator", String.join(", ", missing));
        }
        v.throwIfInvalid();
        if (latest.status() == ReviewState.SUBMITTED) {
            for (Acceptance.Points p : in.points()) {
                ValueEntity x = values.get(p.indicatorId());
                if (x != null) {
                    x.points = p.points().setScale(Scoring.SCALE);
                    x.note = p.note() == null || p.note().isBlank() ? null : p.note().strip();
                }
            }
        }
        reviews.decide(em, report.id, latest.id, latest.getVersion(), ReviewAction.APPROVE, in.reason(), caller.getName());
        report.status = ReportStatus.APPROVED;
        report.selfPoints = sum.setScale(Scoring.SCALE);
        report.touchedBy(caller.getName());
        em.flush();
        return toDto(em, report, round);
    }

    /** The report's latest submission; 409 when it has none (nothing to decide: the kernel's illegal transition). */
    private SubmissionEntity latest(EntityManager em, ReportEntity report) {
        List<SubmissionEntity> rounds = reviews.rounds(em, report.id);
        if (rounds.isEmpty()) {
            throw ApiException.conflict(AssessmentMessages.TEXTS, "report.illegalTransition", ReportStatus.NOT_SUBMITTED.name(),
                    ReviewState.APPROVED.name() + "/" + ReviewState.RETURNED.name(), AssessmentMessages.TEXTS.text("report.noTransition"));
        }
        return rounds.get(0);
    }

    List<ReviewEvent> history(EntityManager em, ReportEntity report) {
        return reviews.history(em, report.id);
    }

    boolean mayReadSubmission(EntityManager em, DataScope scope, long submissionId) {
        return reviews.mayReadRound(em, scope, submissionId);
    }

    // ------------------------------------------------------------------ reads

    private static Map<Long, IndicatorEntity> selfReported(EntityManager em, RoundEntity round) {
        Map<Long, IndicatorEntity> out = new LinkedHashMap<>();
        IndicatorSets.leaves(IndicatorSets.tree(em, round.setId)).stream().filter(i -> i.method == ScoringMethod.SELF_REPORTED)
                .forEach(i -> out.put(i.id, i));
        return out;
    }

    private static List<ValueEntity> values(EntityManager em, SubmissionEntity s) {
        return em.createQuery("SELECT v FROM ValueEntity v WHERE v.submissionId = :s ORDER BY v.id", ValueEntity.class)
                .setParameter("s", s.id).getResultList();
    }

    /** The report as the API shows it (evidence read on the transaction's connection, or on one of its own in a read). */
    Report toDto(EntityManager em, ReportEntity r, RoundEntity round) {
        List<IndicatorEntity> leaves = IndicatorSets.leaves(IndicatorSets.tree(em, round.setId));
        List<SubmissionEntity> rounds = reviews.rounds(em, r.id);
        SubmissionEntity latest = rounds.isEmpty() ? null : rounds.get(0);
        Map<Long, ValueEntity> values = new HashMap<>();
        Map<String, Attachment> files = new HashMap<>();
        if (latest != null) {
            values(em, latest).forEach(x -> values.put(x.indicatorId, x));
            (em.getTransaction().isActive() ? reviews.materials(em, latest) : service.attachedOwnConnection(FILES, latest.id))
                    .forEach(a -> files.put(a.fileId(), a));
        }
        Map<Long, ComputedEntity> computed = new HashMap<>();
        em.createQuery("SELECT c FROM ComputedEntity c WHERE c.reportId = :r", ComputedEntity.class).setParameter("r", r.id).getResultList()
                .forEach(c -> computed.put(c.indicatorId, c));
        boolean accepted = r.status == ReportStatus.APPROVED;
        List<ReportValue> out = new ArrayList<>();
        for (IndicatorEntity i : leaves) {
            if (i.method == ScoringMethod.SELF_REPORTED) {
                ValueEntity x = values.get(i.id);
                List<Attachment> evidence = x == null ? List.of()
                        : evidence(x.evidence).stream().map(m -> files.get(m.get("fileId"))).filter(a -> a != null).toList();
                out.add(new ReportValue(i.id, i.code, i.name, i.method, i.weight, x == null ? null : x.value, evidence,
                        accepted && x != null ? x.points : null, accepted && x != null ? x.note : null, null));
            } else {
                ComputedEntity c = computed.get(i.id);
                out.add(new ReportValue(i.id, i.code, i.name, i.method, i.weight,
                        c == null || c.metricValue == null ? null : c.metricValue.stripTrailingZeros().toPlainString(), List.of(),
                        c == null ? null : c.points, null, c == null ? null : c.status));
            }
        }
        BigDecimal self = accepted ? r.selfPoints : null;
        BigDecimal score = r.score != null ? r.score : round.status == RoundStatus.OPEN ? null : Scoring.sum(self, r.computedPoints);
        return new Report(r.id, r.roundId, r.companyId, r.companyName, r.status, latest == null ? null : latest.submittedBy(),
                latest == null ? null : latest.submittedAt(), latest == null ? null : latest.decidedBy(),
                latest == null ? null : latest.decidedAt(), latest == null ? null : latest.reason(), self, r.computedPoints, score, r.rank, out,
                r.getVersion());
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
