package org.smartproperty.tender.internal;

import static org.smartproperty.tender.internal.Evaluation.masked;
import static org.smartproperty.tender.internal.Evaluation.resultOf;
import static org.smartproperty.tender.internal.TenderServiceImpl.DOMAIN;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.tender.Announcement;
import org.smartproperty.tender.Bidder;
import org.smartproperty.tender.Clarification;
import org.smartproperty.tender.Criterion;
import org.smartproperty.tender.PanelView;
import org.smartproperty.tender.PublicTender;
import org.smartproperty.tender.Result;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.Score;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderQuery;
import org.smartproperty.tender.TenderRule;

/**
 * The read side: the caller's scope on a tender (404 outside it, OCS-5 committee / developer as tenderer, COS-3 a company
 * sees what it may bid on or has won), the DTO mapping, the lists (DEV-2) and the public pages (DIS-3), the review rounds
 * and histories of SUP-TND-2, SUP-TND-3, TND-6 and DEV-7.
 */
final class TenderViews {

    private final TenderContext ctx;

    TenderViews(TenderContext ctx) {
        this.ctx = ctx;
    }

    static boolean isTenderer(DataScope s, TenderEntity t) {
        if (s == null) {
            return false;
        }
        return switch (s.kind()) {
            case DEVELOPER -> "DEVELOPER".equals(t.tendererKind) && s.developerId() != null && s.developerId() == t.tendererId
                    && s.estateIds().contains(t.estateId);
            case COMMITTEE -> "COMMITTEE".equals(t.tendererKind) && s.estateIds().contains(t.estateId);
            default -> false;
        };
    }

    static boolean readable(EntityManager em, DataScope s, TenderEntity t) {
        if (s == null) {
            return t.publishedAt != null;
        }
        return switch (s.kind()) {
            case ALL -> true;
            case DEVELOPER, COMMITTEE -> isTenderer(s, t);
            case COMPANY -> {
                long c = s.companyId() == null ? -1 : s.companyId();
                yield t.publishedAt != null || invited(t).contains(c) || (t.directCompanyId != null && t.directCompanyId == c)
                        || (t.winnerCompanyId != null && t.winnerCompanyId == c) || bidderOf(em, t.id, c) != null;
            }
            default -> t.publishedAt != null;
        };
    }

    static BidderEntity bidderOf(EntityManager em, long tenderId, long companyId) {
        List<BidderEntity> found = em.createQuery("SELECT b FROM BidderEntity b WHERE b.tenderId = :t AND b.companyId = :c", BidderEntity.class)
                .setParameter("t", tenderId).setParameter("c", companyId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static TenderEntity find(EntityManager em, SpmPrincipal caller, long id) {
        TenderEntity t = em.find(TenderEntity.class, id);
        if (t == null || !readable(em, caller == null ? null : caller.scope(), t)) {
            throw notFound(id);
        }
        return t;
    }

    /** The tender as its tenderer acts on it: 404 outside the caller's scope or for anyone else. */
    static TenderEntity findOwn(EntityManager em, SpmPrincipal caller, long id) {
        TenderEntity t = em.find(TenderEntity.class, id);
        if (t == null || !isTenderer(caller.scope(), t)) {
            throw notFound(id);
        }
        return t;
    }

    static ApiException notFound(Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, TenderMessages.TEXTS.text("objects.tender"), String.valueOf(id));
    }

    Page<Tender> list(SpmPrincipal caller, TenderQuery q, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        DataScope s = caller.scope();
        switch (s == null ? DataScope.Kind.NONE : s.kind()) {
            case ALL -> { }
            case DEVELOPER -> {
                where.append(" AND e.tendererKind = 'DEVELOPER' AND e.tendererId = :dev AND e.estateId IN :estates");
                params.put("dev", s.developerId() == null ? -1L : s.developerId());
                params.put("estates", s.estateIds().isEmpty() ? Set.of(-1L) : s.estateIds());
            }
            case COMMITTEE -> {
                where.append(" AND e.tendererKind = 'COMMITTEE' AND e.estateId IN :estates");
                params.put("estates", s.estateIds().isEmpty() ? Set.of(-1L) : s.estateIds());
            }
            case COMPANY -> {
                long c = s.companyId() == null ? -1 : s.companyId();
                where.append(" AND (e.publishedAt IS NOT NULL OR e.invitedIds LIKE :inv OR e.directCompanyId = :own OR e.winnerCompanyId = :own"
                        + " OR e.id IN (SELECT b.tenderId FROM BidderEntity b WHERE b.companyId = :own))");
                params.put("inv", "%," + c + ",%");
                params.put("own", c);
            }
            default -> where.append(" AND e.publishedAt IS NOT NULL");
        }
        if (q != null && q.stage() != null) {
            where.append(" AND e.stage = :stage");
            params.put("stage", q.stage());
        }
        if (q != null && q.estateId() != null) {
            where.append(" AND e.estateId = :estate");
            params.put("estate", q.estateId());
        }
        if (q != null && q.q() != null && !q.q().isBlank()) {
            where.append(" AND (LOWER(e.title) LIKE :q ESCAPE '\\' OR e.number LIKE :q ESCAPE '\\')");
            params.put("q", "%" + Jpql.likeEscape(q.q().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return ctx.tx.read(em -> {
            Jpql.Rows<TenderEntity> found = Jpql.page(em, TenderEntity.class, "e", where.toString(), params, page);
            Map<Long, Long> counts = bidderCounts(em, found.rows());
            return new Page<>(found.rows().stream().map(t -> toDto(t, t.publishedAt == null ? null : counts.getOrDefault(t.id, 0L)))
                    .toList(), page.page(), page.size(), found.total());
        });
    }

    Tender get(SpmPrincipal caller, long id) {
        return ctx.tx.read(em -> toDto(em, find(em, caller, id)));
    }

    List<Round> rounds(SpmPrincipal caller, long id, ReviewStep step) {
        return ctx.tx.write(em -> {
            find(em, caller, id);
            return ctx.reviews(step).rounds(em, id).stream().map(r -> ctx.toRound(em, step, r)).toList();
        });
    }

    List<ReviewEvent> history(SpmPrincipal caller, long id, ReviewStep step) {
        return ctx.tx.write(em -> {
            find(em, caller, id);
            return ctx.reviews(step).history(em, id);
        });
    }

    static Announcement announcementOf(TenderEntity t) {
        if (t.annText == null && t.publishAt == null) {
            return null;
        }
        return new Announcement(t.annText, t.publishAt, t.documentsFrom, t.bidDeadline, t.openingAt, t.annStatus, t.publishedAt);
    }

    static Clarification toDto(ClarificationEntity e) {
        return new Clarification(e.id, e.tenderId, e.text, e.getCreatedBy(), e.getCreatedAt(), e.deadlineMoved, e.deadlineBefore, e.deadlineAfter);
    }

    static Bidder toDto(BidderEntity b) {
        return new Bidder(b.id, b.tenderId, b.companyId, b.companyName, b.getCreatedBy(), b.getCreatedAt());
    }

    static Score toDto(ScoreEntity s) {
        return new Score(s.seat, s.companyId, s.criterion, s.points, s.getUpdatedBy(), s.getUpdatedAt());
    }

    static TenderRule toDto(RuleEntity r) {
        return new TenderRule(r.code, r.amount, r.unit, r.description, r.getVersion());
    }

    Page<PublicTender> publicList(String kind, Long estateId, PageRequest page) {
        String where;
        if (kind == null || kind.isBlank() || kind.equals("announcement")) {
            where = " WHERE e.publishedAt IS NOT NULL";
        } else if (kind.equals("result")) {
            where = " WHERE e.resultPublishedAt IS NOT NULL";
        } else {
            throw ApiException.invalid(TenderMessages.TEXTS, "kind", "public.kind");
        }
        Map<String, Object> params = estateId == null ? Map.of() : Map.of("estate", estateId);
        String filter = estateId == null ? where : where + " AND e.estateId = :estate";
        return ctx.tx.read(em -> {
            Jpql.Rows<TenderEntity> found = Jpql.page(em, TenderEntity.class, "e", filter, params, page);
            return new Page<>(found.rows().stream().map(t -> toPublic(em, t, false)).toList(), page.page(), page.size(), found.total());
        });
    }

    PublicTender publicGet(long id) {
        return ctx.tx.read(em -> {
            TenderEntity t = em.find(TenderEntity.class, id);
            if (t == null || t.publishedAt == null) {
                throw notFound(id);
            }
            return toPublic(em, t, true);
        });
    }

    private PublicTender toPublic(EntityManager em, TenderEntity t, boolean detail) {
        Result result = detail && t.resultPublishedAt != null ? resultOf(em, t) : null;
        PanelView panel = null;
        ExpertProjects ex = ctx.expertsIfPresent();
        if (detail && t.resultPublishedAt != null && ex != null) {
            panel = masked(ex.panel(DOMAIN, t.id), null, true);
        }
        return new PublicTender(t.id, t.number, t.title, t.estateName, t.tendererName, t.method, t.stage, announcementOf(t), t.bidDeadline,
                t.resultPublishedAt == null ? null : t.winnerName, result, panel);
    }

    static Tender toDto(EntityManager em, TenderEntity t) {
        return toDto(t, t.publishedAt == null ? null
                : em.createQuery("SELECT COUNT(b) FROM BidderEntity b WHERE b.tenderId = :t", Long.class).setParameter("t", t.id).getSingleResult());
    }

    /** The bidders of a page of tenders in one query (a list must not count per row). */
    private static Map<Long, Long> bidderCounts(EntityManager em, List<TenderEntity> tenders) {
        List<Long> ids = tenders.stream().filter(t -> t.publishedAt != null).map(t -> t.id).toList();
        Map<Long, Long> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : em.createQuery("SELECT b.tenderId, COUNT(b) FROM BidderEntity b WHERE b.tenderId IN :ids GROUP BY b.tenderId",
                    Object[].class).setParameter("ids", ids).getResultList()) {
                counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
        }
        return counts;
    }

    /** @param count the bidders, null before publication */
    static Tender toDto(TenderEntity t, Long count) {
        return new Tender(t.id, t.getVersion(), t.number, t.estateId, t.estateName, t.tendererKind, t.tendererId, t.tendererName, t.title, t.method,
                t.directGrounds, t.directCompanyId, invitedList(t), t.serviceMonths, criteria(t), t.stage, t.projectStatus, announcementOf(t),
                t.bidDeadline, count == null ? null : count.intValue(), t.winnerCompanyId, t.winnerName, t.publicityUntil, t.resultPublishedAt,
                t.awardDueAt, t.contractDueAt, t.retenderOf, t.getCreatedBy(), t.getCreatedAt(), t.getUpdatedAt());
    }

    static List<Criterion> criteria(TenderEntity t) {
        if (t.criteria == null) {
            return List.of();
        }
        try {
            return TenderContext.json().readValue(t.criteria, new TypeReference<List<Criterion>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<Long> invited(TenderEntity t) {
        return new LinkedHashSet<>(invitedList(t));
    }

    static List<Long> invitedList(TenderEntity t) {
        if (t.invitedIds == null || t.invitedIds.isBlank()) {
            return List.of();
        }
        return Arrays.stream(t.invitedIds.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
    }
}
