package org.smartproperty.tender.internal;

import static org.smartproperty.tender.internal.TenderContext.blank;
import static org.smartproperty.tender.internal.TenderServiceImpl.AWARD_FILING;
import static org.smartproperty.tender.internal.TenderServiceImpl.CONTRACT_FILING;
import static org.smartproperty.tender.internal.TenderServiceImpl.DOMAIN;
import static org.smartproperty.tender.internal.TenderViews.findOwn;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import javax.persistence.EntityManager;

import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.tender.ContractInput;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderStage;

/**
 * The filings after the winner is chosen: the award filing (TND-6) within the AWARD_FILING time limit, the contract filing
 * (DEV-7) within CONTRACT_FILING, and at the contract's approval the manager change of the estate in the company domain.
 */
final class Filings {

    private final TenderContext ctx;

    Filings(TenderContext ctx) {
        this.ctx = ctx;
    }

    Round submitAward(SpmPrincipal caller, long id, List<AttachmentInput> materials) {
        Validation v = new Validation(TenderMessages.TEXTS);
        ctx.awardReviews.validateMaterials(v, materials);
        v.throwIfInvalid();
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            AwardRound r = new AwardRound();
            r.tenderId = id;
            ctx.awardReviews.submit(em, caller.scope(), id, r, materials, actor);
            t.stage = TenderStage.AWARD_REVIEW;
            t.touchedBy(actor);
            return ctx.toRound(em, ReviewStep.AWARD, r);
        });
    }

    Round submitContract(SpmPrincipal caller, long id, ContractInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null) {
            v.required("summary", null);
            v.throwIfInvalid();
        }
        if (v.required("summary", blank(in.summary()))) {
            v.maxLength("summary", in.summary(), Tender.TEXT_MAX);
        }
        v.required("serviceFrom", in.serviceFrom());
        v.required("signedAt", in.signedAt());
        if (in.serviceFrom() != null && in.serviceTo() != null && in.serviceTo().isBefore(in.serviceFrom())) {
            v.error("serviceTo", "contract.period");
        }
        if (in.monthlyFee() != null && in.monthlyFee().signum() < 0) {
            v.error("monthlyFee", "contract.fee");
        }
        ctx.contractReviews.validateMaterials(v, in.materials());
        v.throwIfInvalid();
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            ContractRound r = new ContractRound();
            r.tenderId = id;
            r.summary = in.summary().strip();
            r.serviceFrom = in.serviceFrom();
            r.serviceTo = in.serviceTo();
            r.monthlyFee = in.monthlyFee();
            r.signedAt = in.signedAt();
            ctx.contractReviews.submit(em, caller.scope(), id, r, in.materials(), actor);
            t.stage = TenderStage.CONTRACT_REVIEW;
            t.touchedBy(actor);
            return ctx.toRound(em, ReviewStep.CONTRACT, r);
        });
    }

    /** TND-6: the award filing decided; approved, the contract filing's deadline starts (CONTRACT_FILING). */
    void awardDecided(EntityManager em, TenderEntity t, boolean approve, Instant now) {
        if (!approve) {
            t.stage = TenderStage.AWARD;
        } else {
            Connection c = em.unwrap(Connection.class);
            DeadlineTracker d = ctx.deadlines();
            d.complete(c, DOMAIN, t.id, now);
            Deadline due = d.start(c, new TrackedItem(DOMAIN, t.id, CONTRACT_FILING,
                    TenderMessages.TEXTS.format(Messages.DEFAULT_LOCALE, "deadline.contract", t.number), t.estateId, t.winnerCompanyId, null, null, now));
            t.contractDueAt = due.dueAt();
            t.stage = TenderStage.CONTRACT;
        }
    }

    /** DEV-7: the contract filing decided; approved, the winner is appointed to the estate (the manager change) and the tender is CONTRACTED. */
    void contractDecided(EntityManager em, TenderEntity t, ContractRound cr, boolean approve, Instant now, String actor) {
        if (!approve) {
            t.stage = TenderStage.CONTRACT;
        } else {
            Connection c = em.unwrap(Connection.class);
            ctx.deadlines().complete(c, DOMAIN, t.id, now);
            ctx.companies().appoint(c, t.winnerCompanyId, t.estateId, cr.serviceFrom, cr.serviceTo, actor);
            t.stage = TenderStage.CONTRACTED;
            ctx.audit(em, actor, "tender.contracted", t.id, AuditEvent.summary("number", t.number, "company", t.winnerCompanyId,
                    "estate", t.estateId, "from", cr.serviceFrom.toString(), "to", cr.serviceTo == null ? null : cr.serviceTo.toString()));
        }
    }

    /** The winner is chosen (a result, or the approval of a direct appointment): the award filing's deadline starts (TND-6). */
    void toAward(EntityManager em, TenderEntity t, long companyId, String name, Instant now) {
        t.winnerCompanyId = companyId;
        t.winnerName = name;
        if (t.stage != TenderStage.PUBLICITY) {
            t.stage = TenderStage.AWARD;
        }
        Deadline due = ctx.deadlines().start(em.unwrap(Connection.class), new TrackedItem(DOMAIN, t.id, AWARD_FILING,
                TenderMessages.TEXTS.format(Messages.DEFAULT_LOCALE, "deadline.award", t.number), t.estateId, companyId, null, null, now));
        t.awardDueAt = due.dueAt();
    }
}
