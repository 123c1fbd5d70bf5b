package org.smartproperty.tender.internal;

import static org.smartproperty.tender.internal.Bidding.bidderRows;
import static org.smartproperty.tender.internal.TenderContext.SYSTEM;
import static org.smartproperty.tender.internal.TenderContext.requireStage;
import static org.smartproperty.tender.internal.TenderServiceImpl.DOMAIN;
import static org.smartproperty.tender.internal.TenderServiceImpl.TENDER_RESULT;
import static org.smartproperty.tender.internal.TenderViews.criteria;
import static org.smartproperty.tender.internal.TenderViews.find;
import static org.smartproperty.tender.internal.TenderViews.findOwn;
import static org.smartproperty.tender.internal.TenderViews.isTenderer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

import org.smartproperty.expert.DrawInput;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.tender.Criterion;
import org.smartproperty.tender.PanelInput;
import org.smartproperty.tender.PanelView;
import org.smartproperty.tender.Result;
import org.smartproperty.tender.Score;
import org.smartproperty.tender.ScoreInput;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderStage;

/**
 * The evaluation (DEV-5, TND-5): the panel drawn from the expert library (names masked until the result), the seats' scores
 * per bidder and criterion, the result (MEAN or TRIMMED_MEAN from the configuration) with its publicity period and the notices
 * to the bidders, and the end of publicity (→ AWARD, job {@code tender.bidding}).
 */
final class Evaluation {

    private final TenderContext ctx;
    private final Filings filings;

    Evaluation(TenderContext ctx, Filings filings) {
        this.ctx = ctx;
        this.filings = filings;
    }

    PanelView panel(SpmPrincipal caller, long id) {
        TenderEntity t = ctx.tx.read(em -> find(em, caller, id));
        return masked(ctx.experts().panel(DOMAIN, id), caller, t.resultPublishedAt != null);
    }

    PanelView createPanel(SpmPrincipal caller, long id, PanelInput in) {
        ExpertService draws = ctx.expertService();
        String actor = caller.getName();
        // the project in the expert library (recorded at the announcement's approval; recorded again = its id)
        long projectId = ctx.tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            requireStage(t, TenderStage.EVALUATION);
            return ctx.experts().record(em.unwrap(Connection.class), new ExpertProjects.ProjectRecord(DOMAIN, t.id, t.number, t.title, t.estateId,
                    t.tendererKind, t.tendererId, t.openingAt), actor);
        });
        PanelInput p = in == null ? new PanelInput(null, null, null, null, null, null) : in;
        draws.draw(caller, new DrawInput(projectId, p.panelSize(), p.drawnCount(), p.reserveCount(), p.specialty(),
                p.representatives() == null ? List.of() : p.representatives(), p.confirmHours()), Messages.DEFAULT_LOCALE);
        return panel(caller, id);
    }

    /** TND-5: before publication only the regulator's staff see every name, a drawn expert only its own seat. */
    static PanelView masked(ExpertProjects.Panel p, SpmPrincipal caller, boolean published) {
        boolean staff = caller != null && (caller.roles().contains(Role.REGULATOR) || caller.roles().contains(Role.OFFICER));
        List<PanelView.Seat> seats = new ArrayList<>();
        for (ExpertProjects.Seat s : p.seats()) {
            boolean own = caller != null && s.accountName() != null && s.accountName().equals(caller.getName());
            if (published || staff || own || s.representative()) {
                seats.add(new PanelView.Seat(s.seat(), s.expertId(), s.accountName(), s.name(), s.representative(), s.confirmed()));
            } else {
                seats.add(new PanelView.Seat(s.seat(), null, null, TenderMessages.TEXTS.format(Messages.DEFAULT_LOCALE, "panel.masked", s.seat()), false, s.confirmed()));
            }
        }
        return new PanelView(p.drawId(), p.size(), p.complete(), seats);
    }

    List<Score> scores(SpmPrincipal caller, long id) {
        return ctx.tx.read(em -> {
            TenderEntity t = find(em, caller, id);
            DataScope s = caller.scope();
            List<ScoreEntity> rows = scoreRows(em, id);
            if (!(s != null && s.all()) && !isTenderer(s, t) && t.resultPublishedAt == null) {
                rows = rows.stream().filter(r -> caller.getName().equals(r.getCreatedBy())).toList();
            }
            return rows.stream().map(TenderViews::toDto).toList();
        });
    }

    static List<ScoreEntity> scoreRows(EntityManager em, long id) {
        return em.createQuery("SELECT s FROM ScoreEntity s WHERE s.tenderId = :t ORDER BY s.seat, s.companyId, s.criterion", ScoreEntity.class)
                .setParameter("t", id).getResultList();
    }

    List<Score> score(SpmPrincipal caller, long id, ScoreInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null || in.scores() == null || in.scores().isEmpty()) {
            v.error("scores", "scores.required");
        }
        v.throwIfInvalid();
        TenderEntity before = ctx.tx.read(em -> find(em, caller, id));
        requireStage(before, TenderStage.EVALUATION);
        ExpertProjects.Panel panel = ctx.experts().panel(DOMAIN, id);
        if (!panel.complete()) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.panel.incomplete");
        }
        boolean tenderer = isTenderer(caller.scope(), before);
        ExpertProjects.Seat seat = null;
        for (ExpertProjects.Seat s : panel.seats()) {
            boolean mine = !s.representative() && s.accountName() != null && s.accountName().equals(caller.getName());
            boolean rep = s.representative() && tenderer && in.seat() != null && in.seat() == s.seat();
            if ((mine && (in.seat() == null || in.seat() == s.seat())) || rep) {
                seat = s;
            }
        }
        if (seat == null) {
            throw new ApiException(403, "tender.score.notSeat", TenderMessages.TEXTS, null);
        }
        int seatNo = seat.seat();
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = find(em, caller, id);
            requireStage(t, TenderStage.EVALUATION);
            Map<String, Integer> weights = criteria(t).stream().collect(Collectors.toMap(Criterion::code, Criterion::weight));
            Set<Long> bidders = bidderRows(em, id).stream().map(b -> b.companyId).collect(Collectors.toSet());
            Validation items = new Validation(TenderMessages.TEXTS);
            Map<String, Integer> given = new LinkedHashMap<>();
            for (int i = 0; i < in.scores().size(); i++) {
                ScoreInput.Item it = in.scores().get(i);
                String f = "scores[" + i + "]";
                if (!items.required(f, it) || !items.required(f + ".companyId", it.companyId()) || !items.required(f + ".criterion", it.criterion())
                        || !items.required(f + ".points", it.points())) {
                    continue;
                }
                if (!bidders.contains(it.companyId())) {
                    items.error(f + ".companyId", "scores.bidder", it.companyId());
                } else if (!weights.containsKey(it.criterion())) {
                    items.error(f + ".criterion", "scores.criterion", it.criterion());
                } else if (it.points() < 0 || it.points() > weights.get(it.criterion())) {
                    items.error(f + ".points", "scores.points", weights.get(it.criterion()));
                } else {
                    given.put(it.companyId() + "/" + it.criterion(), it.points());
                }
            }
            int missing = bidders.size() * weights.size() - given.size();
            if (!items.hasErrors() && missing > 0) {
                items.error("scores", "scores.incomplete", missing);
            }
            items.throwIfInvalid();
            em.createQuery("DELETE FROM ScoreEntity s WHERE s.tenderId = :t AND s.seat = :seat").setParameter("t", id).setParameter("seat", seatNo)
                    .executeUpdate();
            for (Map.Entry<String, Integer> e : given.entrySet()) {
                String[] k = e.getKey().split("/", 2);
                ScoreEntity s = new ScoreEntity();
                s.tenderId = id;
                s.seat = seatNo;
                s.companyId = Long.parseLong(k[0]);
                s.criterion = k[1];
                s.points = e.getValue();
                s.touchedBy(actor);
                em.persist(s);
            }
            em.flush();
            ctx.audit(em, actor, "tender.score", t.id, AuditEvent.summary("number", t.number, "seat", seatNo, "scores", given.size()));
            return scoreRows(em, id).stream().filter(s -> s.seat == seatNo).map(TenderViews::toDto).toList();
        });
    }

    Result computeResult(SpmPrincipal caller, long id) {
        TenderEntity before = ctx.tx.read(em -> findOwn(em, caller, id));
        requireStage(before, TenderStage.EVALUATION);
        ExpertProjects.Panel panel = ctx.experts().panel(DOMAIN, id);
        if (!panel.complete()) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.panel.incomplete");
        }
        String actor = caller.getName();
        String method = ctx.evaluationMethod();
        int days = ctx.publicityDays();
        return ctx.tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            requireStage(t, TenderStage.EVALUATION);
            List<ScoreEntity> rows = scoreRows(em, id);
            Set<Integer> scored = rows.stream().map(s -> s.seat).collect(Collectors.toSet());
            List<Integer> unscored = panel.seats().stream().map(ExpertProjects.Seat::seat).filter(s -> !scored.contains(s)).toList();
            if (!unscored.isEmpty()) {
                throw ApiException.conflict(TenderMessages.TEXTS, "tender.result.unscored",
                        unscored.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
            Instant now = Instant.now();
            t.resultMethod = method;
            Result r = compute(t, bidderRows(em, id), rows, panel.seats().stream().map(ExpertProjects.Seat::seat).toList());
            Result.Entry best = r.bidders().get(0);
            t.stage = TenderStage.PUBLICITY;
            t.resultPublishedAt = now;
            t.publicityUntil = now.plus(Duration.ofDays(days));
            filings.toAward(em, t, best.companyId(), best.companyName(), now);
            Connection c = em.unwrap(Connection.class);
            ctx.experts().published(c, DOMAIN, id, actor);
            Notifications inbox = ctx.notifications();
            SmsOutbox outbox = ctx.sms();
            for (BidderEntity b : bidderRows(em, id)) {
                ctx.notifyCompany(c, inbox, outbox, b.companyId, TENDER_RESULT, Map.of("number", t.number, "title", t.title, "winner", best.companyName()),
                        "/tenders/" + id);
            }
            t.touchedBy(actor);
            em.flush();
            ctx.audit(em, actor, "tender.result", t.id, AuditEvent.summary("number", t.number, "method", method, "winner", best.companyId(),
                    "score", best.score().toPlainString()));
            return compute(t, bidderRows(em, id), rows, panel.seats().stream().map(ExpertProjects.Seat::seat).toList());
        });
    }

    /** The seats' totals per bidder and the final score: MEAN, or TRIMMED_MEAN (the highest and lowest total dropped with ≥ 5 seats). */
    static Result compute(TenderEntity t, List<BidderEntity> bidders, List<ScoreEntity> rows, List<Integer> seats) {
        String method = t.resultMethod == null ? "TRIMMED_MEAN" : t.resultMethod;
        List<Result.Entry> entries = new ArrayList<>();
        for (BidderEntity b : bidders) {
            List<BigDecimal> totals = new ArrayList<>();
            for (int seat : seats) {
                totals.add(BigDecimal.valueOf(rows.stream().filter(r -> r.seat == seat && r.companyId == b.companyId).mapToInt(r -> r.points).sum()));
            }
            List<BigDecimal> counted = new ArrayList<>(totals);
            counted.sort(Comparator.naturalOrder());
            if ("TRIMMED_MEAN".equals(method) && counted.size() >= 5) {
                counted = counted.subList(1, counted.size() - 1);
            }
            BigDecimal score = counted.isEmpty() ? BigDecimal.ZERO
                    : counted.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP);
            entries.add(new Result.Entry(b.companyId, b.companyName, totals, score, 0));
        }
        entries.sort(Comparator.comparing(Result.Entry::score).reversed()); // stable: equal scores keep the order of registration
        List<Result.Entry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Result.Entry e = entries.get(i);
            ranked.add(new Result.Entry(e.companyId(), e.companyName(), e.seatTotals(), e.score(), i + 1));
        }
        return new Result(method, ranked, t.winnerCompanyId, t.winnerName, t.resultPublishedAt, t.publicityUntil);
    }

    Result result(SpmPrincipal caller, long id) {
        return ctx.tx.read(em -> {
            TenderEntity t = find(em, caller, id);
            return resultOf(em, t);
        });
    }

    static Result resultOf(EntityManager em, TenderEntity t) {
        if (t.resultPublishedAt == null) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.result.none");
        }
        List<ScoreEntity> rows = scoreRows(em, t.id);
        return compute(t, bidderRows(em, t.id), rows, rows.stream().map(s -> s.seat).distinct().sorted().toList());
    }

    /** Job tender.bidding, second half: publicity periods ended (→ AWARD). @return how many */
    int endPublicity(Instant now) {
        return ctx.tx.write(em -> {
            List<TenderEntity> ended = em.createQuery("SELECT t FROM TenderEntity t WHERE t.stage = :s AND t.publicityUntil <= :now", TenderEntity.class)
                    .setParameter("s", TenderStage.PUBLICITY).setParameter("now", now).getResultList();
            for (TenderEntity t : ended) {
                t.stage = TenderStage.AWARD;
                t.touchedBy(SYSTEM);
                ctx.audit(em, SYSTEM, "tender.publicityEnded", t.id, AuditEvent.summary("number", t.number));
            }
            return ended.size();
        });
    }
}
