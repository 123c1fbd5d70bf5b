package org.smartproperty.tender.internal;

import static org.smartproperty.tender.internal.TenderServiceImpl.ANNOUNCEMENT;
import static org.smartproperty.tender.internal.TenderServiceImpl.AUDIT_KIND;
import static org.smartproperty.tender.internal.TenderServiceImpl.AWARD;
import static org.smartproperty.tender.internal.TenderServiceImpl.CONTRACT;
import static org.smartproperty.tender.internal.TenderServiceImpl.PROJECT;
import static org.smartproperty.tender.internal.TenderViews.isTenderer;
import static org.smartproperty.tender.internal.TenderViews.notFound;
import static org.smartproperty.tender.internal.TenderViews.readable;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.company.CompanyService;
import org.smartproperty.credit.CreditStanding;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.estate.EstateService;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.jpa.ReviewSubjects;
import org.smartproperty.platform.review.jpa.Reviews;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.workflow.jpa.YearCounter;
import org.smartproperty.tender.ContractTerms;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderMethod;
import org.smartproperty.tender.TenderRule;
import org.smartproperty.tender.TenderStage;

/**
 * What the parts of {@link TenderServiceImpl} share: the transactions, the four reviews on the kernel (SUP-TND-2 project,
 * SUP-TND-3 announcement, TND-6 award, DEV-7 contract), the guards of the other domains (503 while absent, read live from the
 * component's DYNAMIC references), the rule table (TND-2/3/4), the audit and the notices to a company's accounts.
 */
final class TenderContext {

    /** The system actor (jobs). */
    static final String SYSTEM = AuditedEntity.SYSTEM;
    static final YearCounter NUMBERS = YearCounter.of("tnd_counter", "ZB");
    private static final Logger LOG = LoggerFactory.getLogger(TenderContext.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    final Transactions tx;
    final Reviews<ProjectRound> projectReviews;
    final Reviews<AnnouncementRound> announcementReviews;
    final Reviews<AwardRound> awardReviews;
    final Reviews<ContractRound> contractReviews;
    private final TenderServiceImpl service;

    TenderContext(TenderServiceImpl service, Transactions tx, FileStore files, AuditTrail audit) {
        this.service = service;
        this.tx = tx;
        projectReviews = new Reviews<>(PROJECT, ProjectRound.class, "tenderId", "tnd_project_event", subjects(TenderStage.DRAFT), files, audit);
        announcementReviews = new Reviews<>(ANNOUNCEMENT, AnnouncementRound.class, "tenderId", "tnd_announcement_event",
                subjects(TenderStage.ANNOUNCEMENT), files, audit);
        awardReviews = new Reviews<>(AWARD, AwardRound.class, "tenderId", "tnd_award_event", subjects(TenderStage.PUBLICITY, TenderStage.AWARD),
                files, audit);
        contractReviews = new Reviews<>(CONTRACT, ContractRound.class, "tenderId", "tnd_contract_event", subjects(TenderStage.CONTRACT), files, audit);
    }

    /** The tenderer is the applicant of every review; a submission needs the tender in one of {@code stages}. */
    private static ReviewSubjects subjects(TenderStage... stages) {
        return new ReviewSubjects() {
            @Override
            public void checkApplicant(EntityManager em, DataScope scope, long id) {
                TenderEntity t = em.find(TenderEntity.class, id);
                if (t == null || !isTenderer(scope, t)) {
                    throw notFound(id);
                }
                requireStage(t, stages);
            }

            @Override
            public void checkExists(EntityManager em, long id) {
                if (em.find(TenderEntity.class, id) == null) {
                    throw notFound(id);
                }
            }

            @Override
            public boolean mayRead(EntityManager em, DataScope scope, long id) {
                TenderEntity t = em.find(TenderEntity.class, id);
                return t != null && readable(em, scope, t);
            }
        };
    }

    // ================================================================== configuration in force (TND-5 method, publicity days)

    String evaluationMethod() {
        return service.evaluationMethod;
    }

    int publicityDays() {
        return service.publicityDays;
    }

    // ================================================================== guards of the other domains (503 while absent)

    EstateService estates() {
        return ApiException.requireAvailable(service.estates, "estate");
    }

    CompanyService companies() {
        return ApiException.requireAvailable(service.companies, "company");
    }

    CreditStanding credit() {
        return ApiException.requireAvailable(service.credit, "credit");
    }

    ExpertProjects experts() {
        return ApiException.requireAvailable(service.experts, "expert");
    }

    /** The expert library or null while absent (the public pages show no panel then). */
    ExpertProjects expertsIfPresent() {
        return service.experts;
    }

    /** The experts' draw (the panel, TND-5); absent = 503. */
    ExpertService expertService() {
        return ApiException.requireAvailable(service.expertService, "expert");
    }

    DeadlineTracker deadlines() {
        return ApiException.requireAvailable(service.deadlines, "deadline");
    }

    Notifications notifications() {
        return ApiException.requireAvailable(service.notifications, "notification");
    }

    SmsOutbox sms() {
        return ApiException.requireAvailable(service.sms, "notification");
    }

    /** 409 unless the tender is in one of the {@code allowed} stages. */
    static void requireStage(TenderEntity t, TenderStage... allowed) {
        if (!Arrays.asList(allowed).contains(t.stage)) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.illegalStage", t.stage.name(),
                    Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** A company named in the input exists (400 on the field otherwise); read in the company domain's own transaction. */
    void checkCompany(String field, Long companyId) {
        if (companyId == null) {
            throw ApiException.invalid(TenderMessages.TEXTS, field, "company.unknown", "-");
        }
        try {
            companies().get(DataScope.ALL, companyId);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw ApiException.invalid(TenderMessages.TEXTS, field, "company.unknown", companyId);
            }
            throw e;
        }
    }

    /** TND-2: an invitation tender invites at least MIN_INVITED distinct companies. */
    static void checkInvited(EntityManager em, TenderMethod method, List<Long> invited) {
        if (method != TenderMethod.INVITATION) {
            return;
        }
        int min = rule(em, TenderRule.MIN_INVITED).amount;
        List<Long> list = invited == null ? List.of() : invited;
        Validation v = new Validation(TenderMessages.TEXTS);
        if (new HashSet<>(list).size() != list.size()) {
            v.error("invitedCompanyIds", "invited.duplicate");
        } else if (list.size() < min) {
            v.error("invitedCompanyIds", "invited.min", min);
        }
        v.throwIfInvalid();
    }

    // ================================================================== reviews

    @SuppressWarnings({"unchecked", "rawtypes"})
    Reviews<TenderRound> reviews(ReviewStep step) {
        Reviews r = switch (step) {
            case PROJECT -> projectReviews;
            case ANNOUNCEMENT -> announcementReviews;
            case AWARD -> awardReviews;
            case CONTRACT -> contractReviews;
        };
        return r;
    }

    Round toRound(EntityManager em, ReviewStep step, TenderRound r) {
        em.flush();
        ContractTerms terms = r instanceof ContractRound c ? new ContractTerms(c.summary, c.serviceFrom, c.serviceTo, c.monthlyFee, c.signedAt) : null;
        return new Round(r.id, r.tenderId, r.status(), r.submittedBy(), r.submittedAt(), r.decidedBy(), r.decidedAt(), r.reason(),
                reviews(step).materials(em, r), terms, r.getVersion());
    }

    boolean mayReadFiles(SpmPrincipal caller, ReviewKind kind, String ownerRef) {
        ReviewStep step = switch (kind.auditPrefix()) {
            case "project" -> ReviewStep.PROJECT;
            case "announcement" -> ReviewStep.ANNOUNCEMENT;
            case "award" -> ReviewStep.AWARD;
            default -> ReviewStep.CONTRACT;
        };
        return reviews(step).mayReadMaterials(caller, ownerRef, roundId -> tx.read(em -> reviews(step).mayReadRound(em, caller.scope(), roundId)));
    }

    // ================================================================== notices, rules, audit

    /** In-app notice to each account of the company and an SMS to each account's phone; @return notices written. */
    int notifyCompany(Connection c, Notifications inbox, SmsOutbox outbox, long companyId, MessageKind kind, Map<String, String> params,
                      String link) {
        int n = 0;
        for (AccountDirectory.Contact a : service.directory.accountsOf(DataScope.company(companyId))) {
            inbox.notify(c, a.accountId(), kind, params, link);
            n++;
            if (a.phone() != null && !a.phone().isBlank()) {
                try {
                    outbox.enqueue(c, new SmsRequest(a.phone(), kind, params, "tender:" + link));
                } catch (ApiException e) {
                    LOG.warn("No {} SMS to account {}: {}", kind.name(), a.username(), e.getMessage());
                }
            }
        }
        return n;
    }

    static RuleEntity rule(EntityManager em, String code) {
        RuleEntity r = em.find(RuleEntity.class, code);
        if (r == null) {
            throw new IllegalStateException("tender rule " + code + " missing (changeset tnd-2)");
        }
        return r;
    }

    /** {@code start} plus the rule's period (calendar or working days; 0 = start). */
    Instant add(Instant start, RuleEntity r) {
        if (r.amount == 0) {
            return start;
        }
        if ("WORKING_DAYS".equals(r.unit)) {
            return ApiException.requireAvailable(service.calendar, "deadline").addWorkingDays(start, r.amount);
        }
        return start.plus(Duration.ofDays(r.amount));
    }

    static Object unit(RuleEntity r) {
        return TenderMessages.TEXTS.text("unit." + r.unit);
    }

    /** ",1,2,3," so that a LIKE '%,id,%' finds one. */
    static String ids(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : "," + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ",";
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    void audit(EntityManager em, String actor, String action, Object id, String summary) {
        AuditTrail audit = service.audit;
        if (audit != null) {
            audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, action, AUDIT_KIND, id, summary));
        }
    }
}
