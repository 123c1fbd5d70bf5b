package org.smartproperty.expert.internal;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;
import org.smartproperty.expert.Draw;
import org.smartproperty.expert.DrawEvent;
import org.smartproperty.expert.DrawInput;
import org.smartproperty.expert.DrawReplay;
import org.smartproperty.expert.DrawSeat;
import org.smartproperty.expert.ExpertMessages;
import org.smartproperty.expert.ExpertStatus;
import org.smartproperty.expert.Tie;
import org.smartproperty.expert.TieKind;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The draws of {@link ExpertServiceImpl} (SUP-EX-3/4, TND-5): creation with the configured rules, the seats and reserves
 * as each caller may see them (masked before the results are published), the replay, confirmations, declines and
 * timeouts with the replacement from the reserves or the draw order beyond them; every step in {@code exp_draw_event}.
 */
final class Draws {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ExpertServiceImpl service;

    Draws(ExpertServiceImpl service) {
        this.service = service;
    }

    // ------------------------------------------------------------------ creation

    Draw draw(SpmPrincipal caller, DrawInput in, Locale locale) {
        ExpertServiceImpl.Rules rules = service.rules();
        Validation v = new Validation(ExpertMessages.TEXTS);
        if (in == null) {
            v.required("projectId", null);
            v.throwIfInvalid();
        }
        v.required("projectId", in.projectId());
        Integer panel = in.panelSize();
        Integer drawn = in.drawnCount();
        int reserves = in.reserveCount() == null ? rules.reservesMin() : in.reserveCount();
        if (v.required("panelSize", panel)) {
            if (panel < rules.panelMin()) {
                v.error("panelSize", "draw.panelMin", rules.panelMin());
            }
            if (panel % 2 == 0) {
                v.error("panelSize", "draw.panelOdd");
            }
        }
        if (v.required("drawnCount", drawn) && panel != null) {
            int least = (panel * rules.ratioNumerator() + rules.ratioDenominator() - 1) / rules.ratioDenominator();
            if (drawn > panel) {
                v.error("drawnCount", "draw.drawnMax", panel);
            } else if (drawn < least || drawn < 1) {
                v.error("drawnCount", "draw.drawnRatio", rules.ratioNumerator() + "/" + rules.ratioDenominator(), Math.max(least, 1));
            }
        }
        if (reserves < rules.reservesMin()) {
            v.error("reserveCount", "draw.reservesMin", rules.reservesMin());
        }
        List<String> reps = in.representatives() == null ? List.of() : in.representatives().stream().map(ExpertServiceImpl::blank).toList();
        if (panel != null && drawn != null && drawn <= panel && reps.size() != panel - drawn) {
            v.error("representatives", "draw.representatives", panel - drawn);
        }
        for (int i = 0; i < reps.size(); i++) {
            if (v.required("representatives[" + i + "]", reps.get(i))) {
                v.maxLength("representatives[" + i + "]", reps.get(i), 100);
            }
        }
        int hours = in.confirmHours() == null ? rules.confirmHours() : in.confirmHours();
        if (hours < 1 || hours > 720) {
            v.error("confirmHours", "draw.confirmHours", 1, 720);
        }
        String specialty = ExpertServiceImpl.blank(in.specialty());
        if (specialty != null && !ExpertServiceImpl.CODE.matcher(specialty).matches()) {
            v.error("specialty", "expert.specialty");
        }
        v.throwIfInvalid();
        String actor = caller.getName();
        return service.tx().write(em -> {
            ProjectEntity p = em.find(ProjectEntity.class, in.projectId());
            if (p == null || !ExpertServiceImpl.tenderer(caller, p)) {
                throw ExpertServiceImpl.notFound("objects.project", in.projectId());
            }
            if (p.publishedAt != null) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "project.published");
            }
            Long existing = em.createQuery("SELECT COUNT(d) FROM DrawEntity d WHERE d.projectId = :p", Long.class).setParameter("p", p.id)
                    .getSingleResult();
            if (existing > 0) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "draw.exists");
            }
            Instant now = service.now();
            LocalDate date = p.evaluationAt != null ? LocalDate.ofInstant(p.evaluationAt, ExpertServiceImpl.ZONE) : ExpertServiceImpl.today(service.clock());
            ExpertDraw.Inputs inputs = new ExpertDraw.Inputs(date, rules.formerEmployerYears(), specialty, ExpertServiceImpl.bidders(em, p.id), pool(em));
            DrawEntity d = new DrawEntity();
            d.projectId = p.id;
            d.method = Draw.METHOD;
            d.seed = ExpertDraw.newSeed();
            d.panelSize = panel;
            d.drawnCount = drawn;
            d.reserveCount = reserves;
            d.specialty = specialty;
            d.confirmHours = hours;
            d.representatives = ExpertJson.write(reps);
            d.snapshot = ExpertJson.write(inputs);
            List<ExpertDraw.Candidate> order = ExpertDraw.order(d.seed, inputs);
            if (order.size() < drawn + reserves) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "draw.notEnoughExperts", order.size(), drawn + reserves);
            }
            d.eligible = order.size();
            d.touchedBy(actor);
            em.persist(d);
            em.flush();
            Connection c = em.unwrap(Connection.class);
            for (int rank = 0; rank < drawn + reserves; rank++) {
                ExpertDraw.Candidate cand = order.get(rank);
                PickEntity pick = new PickEntity();
                pick.drawId = d.id;
                pick.rank = rank;
                pick.expertId = cand.id();
                pick.name = cand.name();
                pick.accountName = cand.accountName();
                if (rank < drawn) {
                    pick.origin = "DRAWN";
                    pick.seat = rank + 1;
                    pick.status = PickEntity.PENDING;
                    pick.confirmBy = ExpertProjectsImpl.at(now.plus(Duration.ofHours(hours)));
                } else {
                    pick.origin = "RESERVE";
                    pick.status = PickEntity.WAITING;
                }
                pick.touchedBy(actor);
                em.persist(pick);
                em.flush();
                int r = rank;
                ExpertServiceImpl.sql(() -> ExpertProjectsImpl.event(c, d.id, r < drawn ? "DRAWN" : "RESERVE", pick.seat, pick.expertId, actor,
                        ExpertProjectsImpl.at(now), null));
                if (rank < drawn) {
                    service.notifyExpert(em, pick.expertId, pick.accountName, ExpertServiceImpl.DRAWN, params(p, pick), link(d));
                }
            }
            service.audit(em, actor, "expert-draw.create", ExpertServiceImpl.DRAW_AUDIT_KIND, d.id, AuditEvent.summary("project", p.id,
                    "seed", d.seed, "method", d.method, "panelSize", panel, "drawnCount", drawn, "reserveCount", reserves, "eligible", d.eligible));
            return toDraw(em, d, p, caller, locale);
        });
    }

    /** Every ACTIVE expert with its ties of now (its employer as an EMPLOYER tie), by id. */
    private static List<ExpertDraw.Candidate> pool(EntityManager em) {
        List<ExpertEntity> active = em.createQuery("SELECT e FROM ExpertEntity e WHERE e.status = :s ORDER BY e.id", ExpertEntity.class)
                .setParameter("s", ExpertStatus.ACTIVE).getResultList();
        Map<Long, List<Tie>> ties = ExpertServiceImpl.ties(em, active.stream().map(e -> e.id).toList());
        List<ExpertDraw.Candidate> out = new ArrayList<>();
        for (ExpertEntity e : active) {
            List<Tie> t = new ArrayList<>(ties.getOrDefault(e.id, List.of()));
            if (e.employerCompanyId != null) {
                t.add(new Tie(e.employerCompanyId, TieKind.EMPLOYER, null, null));
            }
            out.add(new ExpertDraw.Candidate(e.id, e.name, e.accountName, ExpertServiceImpl.specialties(e.specialties), List.copyOf(t)));
        }
        return out;
    }

    private static Map<String, String> params(ProjectEntity p, PickEntity pick) {
        return Map.of("projectNumber", p.number == null ? String.valueOf(p.id) : p.number, "projectTitle", p.title,
                "seat", String.valueOf(pick.seat), "confirmBy", WHEN.format(pick.confirmBy().atZone(ExpertServiceImpl.ZONE)));
    }

    private static String link(DrawEntity d) {
        return "/expert-draws/" + d.id;
    }

    // ------------------------------------------------------------------ reads

    /** The draw if the caller may read it: staff, the project's tenderer, an expert picked in it; 404 otherwise. */
    private static DrawEntity readable(EntityManager em, SpmPrincipal caller, long drawId) {
        DrawEntity d = em.find(DrawEntity.class, drawId);
        if (d != null) {
            ProjectEntity p = em.find(ProjectEntity.class, d.projectId);
            if (ExpertServiceImpl.tenderer(caller, p) || picked(em, d.id, caller.getName())) {
                return d;
            }
        }
        throw ExpertServiceImpl.notFound("objects.draw", drawId);
    }

    private static boolean picked(EntityManager em, long drawId, String account) {
        return em.createQuery("SELECT COUNT(p) FROM PickEntity p WHERE p.drawId = :d AND p.accountName = :a", Long.class)
                .setParameter("d", drawId).setParameter("a", account).getSingleResult() > 0;
    }

    Draw get(SpmPrincipal caller, long drawId, Locale locale) {
        return service.tx().read(em -> {
            DrawEntity d = readable(em, caller, drawId);
            return toDraw(em, d, em.find(ProjectEntity.class, d.projectId), caller, locale);
        });
    }

    List<Draw> list(SpmPrincipal caller, Long projectId, Locale locale) {
        return service.tx().read(em -> {
            List<DrawEntity> all = projectId == null
                    ? em.createQuery("SELECT d FROM DrawEntity d ORDER BY d.id DESC", DrawEntity.class).getResultList()
                    : em.createQuery("SELECT d FROM DrawEntity d WHERE d.projectId = :p ORDER BY d.id DESC", DrawEntity.class)
                            .setParameter("p", projectId).getResultList();
            List<Draw> out = new ArrayList<>();
            for (DrawEntity d : all) {
                ProjectEntity p = em.find(ProjectEntity.class, d.projectId);
                if (ExpertServiceImpl.tenderer(caller, p) || picked(em, d.id, caller.getName())) {
                    out.add(toDraw(em, d, p, caller, locale));
                }
            }
            return out;
        });
    }

    private static List<PickEntity> picks(EntityManager em, long drawId) {
        return em.createQuery("SELECT p FROM PickEntity p WHERE p.drawId = :d ORDER BY p.rank", PickEntity.class).setParameter("d", drawId)
                .getResultList();
    }

    /** Whether the caller sees who is on a pick: the regulator's staff, everyone once published, the expert itself. */
    private static boolean visible(SpmPrincipal caller, ProjectEntity p, String accountName) {
        return ExpertServiceImpl.staff(caller) || p.publishedAt != null || (accountName != null && accountName.equals(caller.getName()));
    }

    private static String masked(Locale locale, String key, int n) {
        return ExpertMessages.TEXTS.format(locale == null ? Messages.DEFAULT_LOCALE : locale, key, n);
    }

    private static DrawSeat seat(PickEntity k, SpmPrincipal caller, ProjectEntity p, Locale locale, int drawnCount) {
        boolean show = visible(caller, k.accountName, p);
        String name = show ? k.name : k.seat != null ? masked(locale, "seat.masked", k.seat) : masked(locale, "reserve.masked", k.rank - drawnCount + 1);
        return new DrawSeat(k.seat, k.rank, show ? k.expertId : null, name, show ? k.accountName : null, k.origin, k.status, k.confirmBy(),
                k.respondedAt(), show ? k.reason : null, false, !show);
    }

    private static boolean visible(SpmPrincipal caller, String accountName, ProjectEntity p) {
        return visible(caller, p, accountName);
    }

    static Draw toDraw(EntityManager em, DrawEntity d, ProjectEntity p, SpmPrincipal caller, Locale locale) {
        List<PickEntity> picks = picks(em, d.id);
        List<DrawSeat> seats = new ArrayList<>();
        boolean complete = true;
        int open = 0;
        for (int s = 1; s <= d.drawnCount; s++) {
            int seatNo = s;
            PickEntity holder = picks.stream().filter(k -> Objects.equals(k.seat, seatNo) && k.holdsSeat()).findFirst().orElse(null);
            if (holder == null) {
                open++;
                complete = false;
                seats.add(new DrawSeat(s, null, null, masked(locale, "seat.masked", s), null, null, "OPEN", null, null, null, false, true));
            } else {
                complete &= PickEntity.CONFIRMED.equals(holder.status);
                seats.add(seat(holder, caller, p, locale, d.drawnCount));
            }
        }
        List<String> reps = d.representatives == null ? List.of() : ExpertJson.read(d.representatives, new TypeReference<List<String>>() { });
        for (int i = 0; i < reps.size(); i++) {
            seats.add(new DrawSeat(d.drawnCount + i + 1, null, null, reps.get(i), null, "REPRESENTATIVE", PickEntity.CONFIRMED, null, null, null,
                    true, false));
        }
        List<DrawSeat> reserves = picks.stream().filter(k -> "RESERVE".equals(k.origin)).map(k -> seat(k, caller, p, locale, d.drawnCount)).toList();
        ExpertDraw.Inputs inputs = ExpertJson.read(d.snapshot, ExpertDraw.Inputs.class);
        return new Draw(d.id, d.getVersion(), p.id, p.number, p.title, d.method, d.seed, d.panelSize, d.drawnCount, d.reserveCount, d.specialty,
                d.confirmHours, inputs.evaluationDate(), inputs.formerEmployerYears(), d.eligible, complete, open, p.publishedAt != null,
                List.copyOf(seats), reserves, d.getCreatedBy(), d.getCreatedAt());
    }

    DrawReplay replay(SpmPrincipal caller, long drawId, Locale locale) {
        return service.tx().read(em -> {
            DrawEntity d = readable(em, caller, drawId);
            ProjectEntity p = em.find(ProjectEntity.class, d.projectId);
            ExpertDraw.Inputs inputs = ExpertJson.read(d.snapshot, ExpertDraw.Inputs.class);
            List<ExpertDraw.Candidate> order = ExpertDraw.order(d.seed, inputs);
            List<PickEntity> stored = picks(em, d.id).stream().filter(k -> k.rank < d.drawnCount + d.reserveCount).toList();
            boolean matches = order.size() == d.eligible && stored.size() == d.drawnCount + d.reserveCount;
            List<DrawSeat> drawn = new ArrayList<>();
            List<DrawSeat> reserves = new ArrayList<>();
            for (int rank = 0; rank < Math.min(order.size(), d.drawnCount + d.reserveCount); rank++) {
                ExpertDraw.Candidate c = order.get(rank);
                int r = rank;
                PickEntity k = stored.stream().filter(x -> x.rank == r).findFirst().orElse(null);
                matches &= k != null && k.expertId == c.id();
                boolean show = visible(caller, p, c.accountName());
                boolean isSeat = rank < d.drawnCount;
                String name = show ? c.name() : isSeat ? masked(locale, "seat.masked", rank + 1) : masked(locale, "reserve.masked", rank - d.drawnCount + 1);
                DrawSeat s = new DrawSeat(isSeat ? rank + 1 : null, rank, show ? c.id() : null, name, show ? c.accountName() : null,
                        isSeat ? "DRAWN" : "RESERVE", null, null, null, null, false, !show);
                (isSeat ? drawn : reserves).add(s);
            }
            return new DrawReplay(d.id, d.method, d.seed, matches, order.size(), List.copyOf(drawn), List.copyOf(reserves));
        });
    }

    List<DrawSeat> confirmations(SpmPrincipal caller, long drawId, Locale locale) {
        return service.tx().read(em -> {
            DrawEntity d = readable(em, caller, drawId);
            ProjectEntity p = em.find(ProjectEntity.class, d.projectId);
            return picks(em, d.id).stream().filter(k -> k.seat != null)
                    .sorted(java.util.Comparator.comparingInt((PickEntity k) -> k.seat).thenComparingInt(k -> k.rank))
                    .map(k -> seat(k, caller, p, locale, d.drawnCount)).toList();
        });
    }

    List<DrawEvent> events(SpmPrincipal caller, long drawId, Locale locale) {
        return service.tx().read(em -> {
            DrawEntity d = readable(em, caller, drawId);
            ProjectEntity p = em.find(ProjectEntity.class, d.projectId);
            ExpertEntity me = ExpertServiceImpl.mine(em, caller);
            boolean all = ExpertServiceImpl.staff(caller) || p.publishedAt != null;
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, kind, seat, expert_id, actor, acted_at, reason FROM exp_draw_event "
                    + "WHERE draw_id = ? ORDER BY id").setParameter(1, d.id).getResultList();
            org.smartproperty.platform.persistence.InstantConverter instants = new org.smartproperty.platform.persistence.InstantConverter();
            List<DrawEvent> out = new ArrayList<>();
            for (Object[] r : rows) {
                Long expertId = r[3] == null ? null : ((Number) r[3]).longValue();
                boolean show = all || (me != null && me.id.equals(expertId));
                String actor = (String) r[4];
                out.add(new DrawEvent(((Number) r[0]).longValue(), (String) r[1], r[2] == null ? null : ((Number) r[2]).intValue(),
                        show ? expertId : null, show || ExpertServiceImpl.SYSTEM.equals(actor) ? actor : null,
                        instants.convertToEntityAttribute(r[5]), show ? (String) r[6] : null));
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ confirmations (SUP-EX-4)

    DrawSeat respond(SpmPrincipal caller, long drawId, int seat, boolean confirm, String reasonIn, Locale locale) {
        String reason = ExpertServiceImpl.blank(reasonIn);
        if (!confirm) {
            Validation v = new Validation(ExpertMessages.TEXTS);
            if (v.required("reason", reason)) {
                v.maxLength("reason", reason, ExpertServiceImpl.REASON_MAX);
            }
            v.throwIfInvalid();
        }
        String actor = caller.getName();
        return service.tx().write(em -> {
            DrawEntity d = readable(em, caller, drawId);
            ProjectEntity p = em.find(ProjectEntity.class, d.projectId);
            PickEntity k = picks(em, d.id).stream().filter(x -> Objects.equals(x.seat, seat) && x.holdsSeat()).findFirst().orElse(null);
            boolean own = k != null && actor.equals(k.accountName);
            if (!ExpertServiceImpl.staff(caller) && !own) {
                throw new ApiException(403, "seat.notYours", ExpertMessages.TEXTS, null, seat);
            }
            if (k == null || !PickEntity.PENDING.equals(k.status)) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "seat.notPending", seat);
            }
            if (p.publishedAt != null) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "project.published");
            }
            Instant now = service.now();
            Connection c = em.unwrap(Connection.class);
            k.respondedAt = ExpertProjectsImpl.at(now);
            k.respondedBy = actor;
            if (confirm) {
                k.status = PickEntity.CONFIRMED;
                k.touchedBy(actor);
                em.flush();
                ExpertServiceImpl.sql(() -> ExpertProjectsImpl.event(c, d.id, "CONFIRMED", seat, k.expertId, actor, ExpertProjectsImpl.at(now), null));
                service.audit(em, actor, "expert-draw.confirm", ExpertServiceImpl.DRAW_AUDIT_KIND, d.id, AuditEvent.summary("seat", seat));
                return seat(k, caller, p, locale, d.drawnCount);
            }
            k.status = PickEntity.DECLINED;
            k.reason = reason;
            k.touchedBy(actor);
            em.flush();
            ExpertServiceImpl.sql(() -> ExpertProjectsImpl.event(c, d.id, "DECLINED", seat, k.expertId, actor, ExpertProjectsImpl.at(now), reason));
            service.audit(em, actor, "expert-draw.decline", ExpertServiceImpl.DRAW_AUDIT_KIND, d.id, AuditEvent.summary("seat", seat, "reason", reason));
            PickEntity next = fill(em, d, p, seat, actor, now);
            return seat(next != null ? next : k, caller, p, locale, d.drawnCount);
        });
    }

    /** Pending seats past their deadline, one transaction each; returns how many were timed out. */
    int expire() {
        Instant now = service.now();
        List<Long> due = service.tx().read(em -> em.createQuery("SELECT p.id FROM PickEntity p WHERE p.status = :s AND p.confirmBy < :now ORDER BY p.id", Long.class)
                .setParameter("s", PickEntity.PENDING).setParameter("now", ExpertProjectsImpl.at(now)).getResultList());
        int n = 0;
        for (Long id : due) {
            Boolean done = service.tx().write(em -> {
                PickEntity k = em.find(PickEntity.class, id);
                if (k == null || !PickEntity.PENDING.equals(k.status) || k.confirmBy == null || !k.confirmBy().isBefore(service.now())) {
                    return false;
                }
                DrawEntity d = em.find(DrawEntity.class, k.drawId);
                ProjectEntity p = em.find(ProjectEntity.class, d.projectId);
                if (p.publishedAt != null) {
                    return false;
                }
                Instant at = service.now();
                k.status = PickEntity.TIMED_OUT;
                k.touchedBy(ExpertServiceImpl.SYSTEM);
                em.flush();
                Connection c = em.unwrap(Connection.class);
                int seat = k.seat;
                ExpertServiceImpl.sql(() -> ExpertProjectsImpl.event(c, d.id, "TIMED_OUT", seat, k.expertId, ExpertServiceImpl.SYSTEM,
                        ExpertProjectsImpl.at(at), null));
                service.audit(em, ExpertServiceImpl.SYSTEM, "expert-draw.timeout", ExpertServiceImpl.DRAW_AUDIT_KIND, d.id, AuditEvent.summary("seat", seat));
                fill(em, d, p, seat, ExpertServiceImpl.SYSTEM, at);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Gives the seat to the next reserve (draw order), skipping experts no longer ACTIVE; without reserves to the next
     * expert of the snapshot's order beyond the ones already taken (supplementary draw); without any, the seat stays open.
     */
    private PickEntity fill(EntityManager em, DrawEntity d, ProjectEntity p, int seat, String actor, Instant now) {
        Connection c = em.unwrap(Connection.class);
        List<PickEntity> picks = picks(em, d.id);
        for (PickEntity r : picks) {
            if (!"RESERVE".equals(r.origin) || !PickEntity.WAITING.equals(r.status)) {
                continue;
            }
            if (!active(em, r.expertId)) {
                r.status = PickEntity.SKIPPED;
                r.touchedBy(actor);
                em.flush();
                ExpertServiceImpl.sql(() -> ExpertProjectsImpl.event(c, d.id, "SKIPPED", null, r.expertId, actor, ExpertProjectsImpl.at(now), null));
                continue;
            }
            seat(em, d, p, r, seat, actor, now, "REPLACED");
            return r;
        }
        ExpertDraw.Inputs inputs = ExpertJson.read(d.snapshot, ExpertDraw.Inputs.class);
        List<ExpertDraw.Candidate> order = ExpertDraw.order(d.seed, inputs);
        int next = picks.stream().mapToInt(k -> k.rank).max().orElse(-1) + 1;
        Set<Long> taken = new java.util.HashSet<>(picks.stream().map(k -> k.expertId).toList());
        for (int rank = next; rank < order.size(); rank++) {
            ExpertDraw.Candidate cand = order.get(rank);
            if (taken.contains(cand.id())) {
                continue;
            }
            PickEntity k = new PickEntity();
            k.drawId = d.id;
            k.rank = rank;
            k.expertId = cand.id();
            k.name = cand.name();
            k.accountName = cand.accountName();
            k.origin = "SUPPLEMENTARY";
            if (!active(em, cand.id())) {
                k.status = PickEntity.SKIPPED;
                k.touchedBy(actor);
                em.persist(k);
                em.flush();
                ExpertServiceImpl.sql(() -> ExpertProjectsImpl.event(c, d.id, "SKIPPED", null, k.expertId, actor, ExpertProjectsImpl.at(now), null));
                continue;
            }
            k.status = PickEntity.WAITING;
            k.touchedBy(actor);
            em.persist(k);
            em.flush();
            seat(em, d, p, k, seat, actor, now, "SUPPLEMENTARY");
            return k;
        }
        ExpertServiceImpl.sql(() -> ExpertProjectsImpl.event(c, d.id, "SEAT_OPEN", seat, null, actor, ExpertProjectsImpl.at(now), null));
        return null;
    }

    private void seat(EntityManager em, DrawEntity d, ProjectEntity p, PickEntity k, int seat, String actor, Instant now, String kind) {
        k.seat = seat;
        k.status = PickEntity.PENDING;
        k.confirmBy = ExpertProjectsImpl.at(now.plus(Duration.ofHours(d.confirmHours)));
        k.touchedBy(actor);
        em.flush();
        Connection c = em.unwrap(Connection.class);
        ExpertServiceImpl.sql(() -> ExpertProjectsImpl.event(c, d.id, kind, seat, k.expertId, actor, ExpertProjectsImpl.at(now), null));
        service.notifyExpert(em, k.expertId, k.accountName, ExpertServiceImpl.REPLACED, params(p, k), link(d));
    }

    private static boolean active(EntityManager em, long expertId) {
        ExpertEntity e = em.find(ExpertEntity.class, expertId);
        return e != null && e.status == ExpertStatus.ACTIVE;
    }
}
