package org.smartproperty.tender.internal;

import static org.smartproperty.tender.internal.Bidding.bidderRows;
import static org.smartproperty.tender.internal.TenderContext.SYSTEM;
import static org.smartproperty.tender.internal.TenderContext.blank;
import static org.smartproperty.tender.internal.TenderContext.checkInvited;
import static org.smartproperty.tender.internal.TenderContext.ids;
import static org.smartproperty.tender.internal.TenderContext.requireStage;
import static org.smartproperty.tender.internal.TenderContext.rule;
import static org.smartproperty.tender.internal.TenderContext.unit;
import static org.smartproperty.tender.internal.TenderServiceImpl.DOMAIN;
import static org.smartproperty.tender.internal.TenderServiceImpl.TENDER_ANNOUNCED;
import static org.smartproperty.tender.internal.TenderServiceImpl.TENDER_CLARIFIED;
import static org.smartproperty.tender.internal.TenderServiceImpl.ZONE;
import static org.smartproperty.tender.internal.TenderViews.announcementOf;
import static org.smartproperty.tender.internal.TenderViews.find;
import static org.smartproperty.tender.internal.TenderViews.findOwn;
import static org.smartproperty.tender.internal.TenderViews.invited;
import static org.smartproperty.tender.internal.TenderViews.invitedList;
import static org.smartproperty.tender.internal.TenderViews.isTenderer;
import static org.smartproperty.tender.internal.TenderViews.toDto;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.credit.CreditStanding;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.tender.AnnouncementInput;
import org.smartproperty.tender.AnnouncementView;
import org.smartproperty.tender.Clarification;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.RuleInput;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderMethod;
import org.smartproperty.tender.TenderRule;
import org.smartproperty.tender.TenderStage;

/**
 * The announcement (DEV-3, SUP-TND-3): its dates against the rules (TND-3 bid period, TND-4 lead time), its review, the
 * publication at publishAt (job {@code tender.publish}; the notices to the FILED, not blacklisted companies or to the invited
 * ones), the clarifications (TND-3: one too close to the deadline moves it) and the rule table {@code tnd_rule}.
 */
final class Announcements {

    private static final Logger LOG = LoggerFactory.getLogger(Announcements.class);

    private final TenderContext ctx;

    Announcements(TenderContext ctx) {
        this.ctx = ctx;
    }

    Round submitAnnouncement(SpmPrincipal caller, long id, List<AttachmentInput> materials) {
        Validation v = new Validation(TenderMessages.TEXTS);
        ctx.announcementReviews.validateMaterials(v, materials);
        v.throwIfInvalid();
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            requireStage(t, TenderStage.ANNOUNCEMENT);
            Instant now = Instant.now();
            Validation dates = new Validation(TenderMessages.TEXTS);
            if (t.annText == null || t.publishAt == null || t.documentsFrom == null || t.bidDeadline == null || t.openingAt == null) {
                dates.error("announcement", "announcement.incomplete");
                dates.throwIfInvalid();
            }
            checkDates(em, dates, t.publishAt, t.documentsFrom, t.bidDeadline, t.openingAt);
            RuleEntity lead = rule(em, TenderRule.ANNOUNCEMENT_LEAD);
            if (ctx.add(now, lead).isAfter(t.publishAt)) { // TND-4
                dates.error("publishAt", "announcement.lead", lead.amount, unit(lead));
            }
            checkInvited(em, t.method, invitedList(t));
            dates.throwIfInvalid();
            AnnouncementRound r = new AnnouncementRound();
            r.tenderId = id;
            ctx.announcementReviews.submit(em, caller.scope(), id, r, materials, actor);
            t.stage = TenderStage.ANNOUNCEMENT_REVIEW;
            t.annStatus = r.status().name();
            t.touchedBy(actor);
            return ctx.toRound(em, ReviewStep.ANNOUNCEMENT, r);
        });
    }

    /** SUP-TND-3: the announcement review decided; approved → SCHEDULED, the project recorded in the expert library, published now if due. */
    void announcementDecided(EntityManager em, TenderEntity t, TenderRound r, boolean approve, Instant now, String actor) {
        t.annStatus = r.status().name();
        if (!approve) {
            t.stage = TenderStage.ANNOUNCEMENT;
        } else {
            t.stage = TenderStage.SCHEDULED;
            ctx.experts().record(em.unwrap(Connection.class), new ExpertProjects.ProjectRecord(DOMAIN, t.id, t.number, t.title,
                    t.estateId, t.tendererKind, t.tendererId, t.openingAt), actor);
            if (!t.publishAt.isAfter(now)) {
                publish(em, t, now, actor);
            }
        }
    }

    Tender saveAnnouncement(SpmPrincipal caller, long id, long expectedVersion, AnnouncementInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null) {
            v.required("text", null);
            v.throwIfInvalid();
        }
        if (v.required("text", blank(in.text()))) {
            v.maxLength("text", in.text(), Tender.TEXT_MAX);
        }
        v.required("publishAt", in.publishAt());
        v.required("documentsFrom", in.documentsFrom());
        v.required("bidDeadline", in.bidDeadline());
        v.required("openingAt", in.openingAt());
        v.throwIfInvalid();
        if (in.invitedCompanyIds() != null) {
            for (int i = 0; i < in.invitedCompanyIds().size(); i++) {
                ctx.checkCompany("invitedCompanyIds[" + i + "]", in.invitedCompanyIds().get(i));
            }
        }
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            if (t.getVersion() != expectedVersion) {
                throw ApiException.stale(t.getVersion());
            }
            requireStage(t, TenderStage.ANNOUNCEMENT);
            Validation dates = new Validation(TenderMessages.TEXTS);
            checkDates(em, dates, in.publishAt(), in.documentsFrom(), in.bidDeadline(), in.openingAt());
            dates.throwIfInvalid();
            if (in.invitedCompanyIds() != null && t.method == TenderMethod.INVITATION) {
                checkInvited(em, t.method, in.invitedCompanyIds());
                t.invitedIds = ids(in.invitedCompanyIds());
            }
            t.annText = in.text().strip();
            t.publishAt = in.publishAt();
            t.documentsFrom = in.documentsFrom();
            t.bidDeadline = in.bidDeadline();
            t.openingAt = in.openingAt();
            t.touchedBy(actor);
            em.flush();
            ctx.audit(em, actor, "tender.announcement", t.id, AuditEvent.summary("number", t.number, "publishAt", t.publishAt.toString(),
                    "bidDeadline", t.bidDeadline.toString()));
            return toDto(em, t);
        });
    }

    /** TND-3: documents from publication on, the bid deadline at least BID_PERIOD after the documents, the opening after the deadline. */
    private void checkDates(EntityManager em, Validation v, Instant publishAt, Instant documentsFrom, Instant bidDeadline, Instant openingAt) {
        if (documentsFrom.isBefore(publishAt)) {
            v.error("documentsFrom", "announcement.documentsBeforePublish");
        }
        RuleEntity period = rule(em, TenderRule.BID_PERIOD);
        if (ctx.add(documentsFrom, period).isAfter(bidDeadline)) {
            v.error("bidDeadline", "announcement.bidPeriod", period.amount, unit(period));
        }
        if (openingAt.isBefore(bidDeadline)) {
            v.error("openingAt", "announcement.openingBeforeDeadline");
        }
    }

    AnnouncementView announcement(SpmPrincipal caller, long id) {
        return ctx.tx.write(em -> {
            TenderEntity t = find(em, caller, id);
            boolean own = isTenderer(caller.scope(), t) || caller.scope() != null && caller.scope().all();
            List<Round> rounds = own ? ctx.announcementReviews.rounds(em, id).stream().map(r -> ctx.toRound(em, ReviewStep.ANNOUNCEMENT, r)).toList() : List.of();
            List<ReviewEvent> history = own ? ctx.announcementReviews.history(em, id) : List.of();
            return new AnnouncementView(announcementOf(t), rounds, history);
        });
    }

    /** Publication (at publishAt, by the job or at the approval): BIDDING, the notices to the companies that may bid. */
    private void publish(EntityManager em, TenderEntity t, Instant now, String actor) {
        Notifications inbox = ctx.notifications();
        SmsOutbox outbox = ctx.sms();
        Set<Long> recipients = new LinkedHashSet<>();
        if (t.method == TenderMethod.INVITATION) {
            recipients.addAll(invited(t));
        } else {
            CompanyService cs = ctx.companies();
            CreditStanding cr = ctx.credit();
            int page = 0;
            while (true) {
                Page<Company> found = cs.list(DataScope.ALL, new CompanyQuery(null, CompanyStatus.FILED), PageRequest.of(page, 200));
                for (Company c : found.items()) {
                    if (c.status() == CompanyStatus.FILED && !cr.standing(c.id()).blacklisted()) {
                        recipients.add(c.id());
                    }
                }
                if ((long) (page + 1) * 200 >= found.total() || found.items().isEmpty()) {
                    break;
                }
                page++;
            }
        }
        Map<String, String> params = Map.of("number", t.number, "title", t.title, "bidDeadline",
                t.bidDeadline.atZone(ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' '));
        Connection c = em.unwrap(Connection.class);
        int sent = 0;
        for (long company : recipients) {
            sent += ctx.notifyCompany(c, inbox, outbox, company, TENDER_ANNOUNCED, params, "/tenders/" + t.id);
        }
        t.stage = TenderStage.BIDDING;
        t.publishedAt = now;
        t.touchedBy(actor);
        ctx.audit(em, actor, "tender.publish", t.id, AuditEvent.summary("number", t.number, "companies", recipients.size(), "notices", sent));
    }

    Clarification clarify(SpmPrincipal caller, long id, String text) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (v.required("text", blank(text))) {
            v.maxLength("text", text, Tender.TEXT_MAX);
        }
        v.throwIfInvalid();
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            requireStage(t, TenderStage.SCHEDULED, TenderStage.BIDDING);
            Instant now = Instant.now();
            if (!now.isBefore(t.bidDeadline)) {
                throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.closed");
            }
            RuleEntity lead = rule(em, TenderRule.CLARIFICATION_LEAD);
            Instant exact = ctx.add(now, lead);
            Instant earliest = exact.getNano() == 0 ? exact : exact.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
            ClarificationEntity e = new ClarificationEntity();
            e.tenderId = id;
            e.text = text.strip();
            e.deadlineBefore = t.bidDeadline;
            if (earliest.isAfter(t.bidDeadline)) { // TND-3: less than CLARIFICATION_LEAD before the deadline → it moves
                e.deadlineMoved = true;
                Duration gap = t.openingAt == null ? Duration.ZERO : Duration.between(t.bidDeadline, t.openingAt);
                t.bidDeadline = earliest;
                if (t.openingAt != null) {
                    t.openingAt = earliest.plus(gap);
                }
            }
            e.deadlineAfter = t.bidDeadline;
            e.touchedBy(actor);
            t.touchedBy(actor);
            em.persist(e);
            em.flush();
            if (t.stage == TenderStage.BIDDING) {
                Notifications inbox = ctx.notifications();
                SmsOutbox outbox = ctx.sms();
                Map<String, String> params = Map.of("number", t.number, "title", t.title, "bidDeadline",
                        t.bidDeadline.atZone(ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' '));
                Connection c = em.unwrap(Connection.class);
                for (BidderEntity b : bidderRows(em, id)) {
                    ctx.notifyCompany(c, inbox, outbox, b.companyId, TENDER_CLARIFIED, params, "/tenders/" + id);
                }
            }
            ctx.audit(em, actor, "tender.clarify", t.id, AuditEvent.summary("number", t.number, "clarification", e.id, "deadlineMoved", e.deadlineMoved,
                    "bidDeadline", t.bidDeadline.toString()));
            return toDto(e);
        });
    }

    List<Clarification> clarifications(SpmPrincipal caller, long id) {
        return ctx.tx.read(em -> {
            find(em, caller, id);
            return em.createQuery("SELECT c FROM ClarificationEntity c WHERE c.tenderId = :t ORDER BY c.id", ClarificationEntity.class)
                    .setParameter("t", id).getResultList().stream().map(TenderViews::toDto).toList();
        });
    }

    List<TenderRule> rules() {
        return ctx.tx.read(em -> em.createQuery("SELECT r FROM RuleEntity r ORDER BY r.code", RuleEntity.class).getResultList().stream()
                .map(TenderViews::toDto).toList());
    }

    TenderRule updateRule(SpmPrincipal caller, String code, long expectedVersion, RuleInput in) {
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            RuleEntity r = code == null ? null : em.find(RuleEntity.class, code);
            if (r == null) {
                throw new ApiException(404, "problem.notFound", Messages.PLATFORM, null, TenderMessages.TEXTS.text("objects.rule"), String.valueOf(code));
            }
            if (r.getVersion() != expectedVersion) {
                throw ApiException.stale(r.getVersion());
            }
            Validation v = new Validation(TenderMessages.TEXTS);
            boolean count = "COUNT".equals(r.unit);
            if (in == null || !v.required("amount", in.amount())) {
                v.throwIfInvalid();
            }
            int max = count ? 100 : 3650;
            if (in.amount() < 0 || in.amount() > max) {
                v.error("amount", "rule.amount", max);
            }
            String unit = in.unit() == null ? r.unit : in.unit();
            if (count ? !"COUNT".equals(unit) : !"CALENDAR_DAYS".equals(unit) && !"WORKING_DAYS".equals(unit)) {
                v.error("unit", "rule.unit", count ? "COUNT" : "CALENDAR_DAYS, WORKING_DAYS");
            }
            v.maxLength("description", in.description(), 400);
            v.throwIfInvalid();
            String before = r.amount + " " + r.unit;
            r.amount = in.amount();
            r.unit = unit;
            if (blank(in.description()) != null) {
                r.description = in.description().strip();
            }
            r.touchedBy(actor);
            em.flush();
            ctx.audit(em, actor, "tender.rule.update", code, AuditEvent.summary("code", code, "before", before, "after", r.amount + " " + r.unit));
            return toDto(r);
        });
    }

    /** Job tender.publish: SCHEDULED announcements whose publishAt has come, one transaction each. @return how many were published */
    int publishDue(Instant now) {
        List<Long> due = ctx.tx.read(em -> em.createQuery("SELECT t.id FROM TenderEntity t WHERE t.stage = :s AND t.publishAt <= :now ORDER BY t.id", Long.class)
                .setParameter("s", TenderStage.SCHEDULED).setParameter("now", now).getResultList());
        int n = 0;
        for (long id : due) {
            try {
                n += ctx.tx.write(em -> {
                    TenderEntity t = em.find(TenderEntity.class, id);
                    if (t == null || t.stage != TenderStage.SCHEDULED || t.publishAt.isAfter(now)) {
                        return 0;
                    }
                    publish(em, t, now, SYSTEM);
                    return 1;
                });
            } catch (RuntimeException e) {
                LOG.warn("Tender {} not published now, retried on the next run: {}", id, e.getMessage());
            }
        }
        return n;
    }
}
