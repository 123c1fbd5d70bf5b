package org.smartproperty.tender.internal;

import static org.smartproperty.tender.internal.TenderContext.SYSTEM;
import static org.smartproperty.tender.internal.TenderContext.requireStage;
import static org.smartproperty.tender.internal.TenderContext.rule;
import static org.smartproperty.tender.internal.TenderServiceImpl.DOMAIN;
import static org.smartproperty.tender.internal.TenderViews.bidderOf;
import static org.smartproperty.tender.internal.TenderViews.find;
import static org.smartproperty.tender.internal.TenderViews.invited;
import static org.smartproperty.tender.internal.TenderViews.isTenderer;
import static org.smartproperty.tender.internal.TenderViews.notFound;
import static org.smartproperty.tender.internal.TenderViews.toDto;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.credit.CreditStanding;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.tender.Bidder;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderMethod;
import org.smartproperty.tender.TenderRule;
import org.smartproperty.tender.TenderStage;

/**
 * The bidders (DEV-4, COS-3): a FILED company that is not blacklisted (TND-7) registers while bidding is open (an invitation
 * tender only for the invited, TND-2); at the bid deadline (job {@code tender.bidding} or the tenderer) fewer than MIN_BIDDERS
 * fail the tender (TND-2), otherwise it goes to EVALUATION with its bidders handed to the expert library (TND-5).
 */
final class Bidding {

    private static final Logger LOG = LoggerFactory.getLogger(Bidding.class);

    private final TenderContext ctx;

    Bidding(TenderContext ctx) {
        this.ctx = ctx;
    }

    List<Bidder> bidders(SpmPrincipal caller, long id) {
        return ctx.tx.read(em -> {
            TenderEntity t = find(em, caller, id);
            DataScope s = caller.scope();
            List<BidderEntity> rows = bidderRows(em, id);
            if (s != null && s.kind() == DataScope.Kind.COMPANY) {
                rows = rows.stream().filter(b -> s.companyId() != null && b.companyId == s.companyId()).toList();
            } else if (!(s != null && s.all()) && !isTenderer(s, t)) {
                rows = List.of();
            }
            return rows.stream().map(TenderViews::toDto).toList();
        });
    }

    static List<BidderEntity> bidderRows(EntityManager em, long tenderId) {
        return em.createQuery("SELECT b FROM BidderEntity b WHERE b.tenderId = :t ORDER BY b.id", BidderEntity.class)
                .setParameter("t", tenderId).getResultList();
    }

    Bidder register(SpmPrincipal caller, long id) {
        DataScope s = caller.scope();
        if (s == null || s.kind() != DataScope.Kind.COMPANY || s.companyId() == null) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.notCompany");
        }
        long companyId = s.companyId();
        String actor = caller.getName();
        // the tender first (404 / closed before the company's own standing), then TND-7 in the other domains' own reads
        ctx.tx.read(em -> {
            TenderEntity t = em.find(TenderEntity.class, id);
            if (t == null || t.publishedAt == null && !invited(t).contains(companyId)) {
                throw notFound(id);
            }
            checkOpen(t, companyId);
            return null;
        });
        Company company = ctx.companies().get(DataScope.ALL, companyId);
        if (company.status() != CompanyStatus.FILED) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.notFiled", company.status().name());
        }
        CreditStanding.Standing standing = ctx.credit().standing(companyId);
        if (standing.blacklisted()) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.blacklisted", standing.grade() == null ? "-" : standing.grade());
        }
        return ctx.tx.write(em -> {
            TenderEntity t = em.find(TenderEntity.class, id);
            checkOpen(t, companyId);
            if (bidderOf(em, id, companyId) != null) {
                throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.duplicate");
            }
            BidderEntity b = new BidderEntity();
            b.tenderId = id;
            b.companyId = companyId;
            b.companyName = company.name();
            b.touchedBy(actor);
            em.persist(b);
            em.flush();
            ctx.audit(em, actor, "tender.bid", t.id, AuditEvent.summary("number", t.number, "company", companyId));
            return toDto(b);
        });
    }

    private static void checkOpen(TenderEntity t, long companyId) {
        if (t.stage != TenderStage.BIDDING || t.bidDeadline == null || !Instant.now().isBefore(t.bidDeadline)) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidder.closed");
        }
        if (t.method == TenderMethod.INVITATION && !invited(t).contains(companyId)) {
            throw new ApiException(403, "tender.bidder.notInvited", TenderMessages.TEXTS, null);
        }
    }

    Tender closeBidding(SpmPrincipal caller, long id) {
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = find(em, caller, id);
            if (!isTenderer(caller.scope(), t) && !(caller.scope() != null && caller.scope().all())) {
                throw notFound(id);
            }
            requireStage(t, TenderStage.BIDDING);
            if (Instant.now().isBefore(t.bidDeadline)) {
                throw ApiException.conflict(TenderMessages.TEXTS, "tender.bidding.open", t.bidDeadline.toString());
            }
            close(em, t, actor);
            return toDto(em, t);
        });
    }

    /** At the bid deadline: fewer than MIN_BIDDERS → FAILED (TND-2), else EVALUATION with the bidders handed to the expert library (TND-5). */
    private void close(EntityManager em, TenderEntity t, String actor) {
        List<BidderEntity> rows = bidderRows(em, t.id);
        int min = rule(em, TenderRule.MIN_BIDDERS).amount;
        if (rows.size() < min) {
            t.stage = TenderStage.FAILED;
        } else {
            ctx.experts().bidders(em.unwrap(Connection.class), DOMAIN, t.id, rows.stream().map(b -> b.companyId).collect(Collectors.toCollection(TreeSet::new)),
                    actor);
            t.stage = TenderStage.EVALUATION;
        }
        t.touchedBy(actor);
        em.flush();
        ctx.audit(em, actor, "tender.close", t.id, AuditEvent.summary("number", t.number, "bidders", rows.size(), "min", min, "stage", t.stage.name()));
    }

    /** Job tender.bidding, first half: bid deadlines passed (closed: FAILED or EVALUATION), one transaction each. */
    int closeDue(Instant now) {
        List<Long> due = ctx.tx.read(em -> em.createQuery("SELECT t.id FROM TenderEntity t WHERE t.stage = :s AND t.bidDeadline <= :now ORDER BY t.id",
                Long.class).setParameter("s", TenderStage.BIDDING).setParameter("now", now).getResultList());
        int n = 0;
        for (long id : due) {
            try {
                n += ctx.tx.write(em -> {
                    TenderEntity t = em.find(TenderEntity.class, id);
                    if (t == null || t.stage != TenderStage.BIDDING || t.bidDeadline.isAfter(now)) {
                        return 0;
                    }
                    close(em, t, SYSTEM);
                    return 1;
                });
            } catch (RuntimeException e) {
                LOG.warn("Bidding of tender {} not closed now, retried on the next run: {}", id, e.getMessage());
            }
        }
        return n;
    }
}
