package org.smartproperty.inspection.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

import org.smartproperty.credit.CreditSignal;
import org.smartproperty.inspection.InspectionMessages;
import org.smartproperty.inspection.Outcome;
import org.smartproperty.inspection.PublicInspection;
import org.smartproperty.inspection.Result;
import org.smartproperty.inspection.ResultInput;
import org.smartproperty.inspection.TaskStatus;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.workflow.jpa.CaseWorkflow;

/**
 * Results (SUP-DR-4) and the public view (DIS-5). A result is recorded while the task is DRAWN, by an inspector drawn for
 * the object (the drawn row's account name = the caller's login) or a planner ({@code inspection:plan}); one per
 * (object, item), never replaced (evidence). A FAIL reports the credit signal {@code INSPECTION / item.failed} on the
 * same connection, so it commits or rolls back with the result. Part of {@link InspectionServiceImpl} (issue 10 item 5).
 */
final class Results {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Messages T = InspectionMessages.TEXTS;

    private final InspectionServiceImpl service;

    Results(InspectionServiceImpl service) {
        this.service = service;
    }

    Result record(SpmPrincipal caller, long taskId, ResultInput in) {
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
        }
        v.required("objectId", in.objectId());
        v.required("itemId", in.itemId());
        v.required("outcome", in.outcome());
        String note = Libraries.blankToNull(in.note());
        if (note != null && note.length() > Result.NOTE_MAX) {
            v.error("note", "note.tooLong", Result.NOTE_MAX);
        }
        List<AttachmentInput> photos = in.photos() == null ? List.of() : in.photos();
        if (photos.size() > Result.PHOTOS_MAX) {
            v.error("photos", "photos.tooMany", Result.PHOTOS_MAX);
        } else {
            for (int i = 0; i < photos.size(); i++) {
                if (v.required("photos[" + i + "]", photos.get(i))) {
                    v.required("photos[" + i + "].fileId", photos.get(i).fileId());
                    v.maxLength("photos[" + i + "].title", photos.get(i).title(), 200);
                }
            }
        }
        v.throwIfInvalid();
        CaseWorkflow<TaskStatus, TaskEntity> wf = service.wf();
        return service.tx().write(em -> {
            TaskEntity t = InspectionServiceImpl.findTask(em, taskId);
            if (t.status != TaskStatus.DRAWN) {
                throw ApiException.conflict(T, "result.notDrawnState", t.status.name());
            }
            List<DrawnObjectEntity> drawn = em.createQuery("SELECT o FROM DrawnObjectEntity o WHERE o.taskId = :t AND o.objectId = :o",
                    DrawnObjectEntity.class).setParameter("t", t.id).setParameter("o", in.objectId()).getResultList();
            Validation inTask = new Validation(T);
            if (drawn.isEmpty()) {
                inTask.error("objectId", "result.objectNotDrawn", in.objectId());
            }
            if (!InspectionServiceImpl.itemIds(t).contains(in.itemId())) {
                inTask.error("itemId", "result.itemNotInTask", in.itemId());
            }
            inTask.throwIfInvalid();
            DrawnObjectEntity object = drawn.get(0);
            if (!mayRecord(em, caller, t.id, object.objectId)) {
                throw new ApiException(403, "result.notDrawnInspector", T, null);
            }
            CheckItemEntity item = Libraries.findItem(em, in.itemId());
            Long taken = em.createQuery("SELECT COUNT(r) FROM ResultEntity r WHERE r.taskId = :t AND r.objectId = :o AND r.itemId = :i", Long.class)
                    .setParameter("t", t.id).setParameter("o", object.objectId).setParameter("i", item.id).getSingleResult();
            if (taken > 0) {
                throw ApiException.conflict(T, "result.exists", object.name, item.code);
            }
            ResultEntity r = new ResultEntity();
            r.taskId = t.id;
            r.objectId = object.objectId;
            r.itemId = item.id;
            r.outcome = in.outcome();
            r.note = note;
            r.touchedBy(caller.username());
            em.persist(r);
            em.flush();
            Connection con = em.unwrap(Connection.class);
            wf.attach(con, photos, caller.username(), InspectionServiceImpl.RESULT_PHOTOS, Long.toString(r.id), "photos", true);
            Instant now = wf.now();
            if (r.outcome == Outcome.FAIL) {
                // issue 14: the credit domain turns it into a record by its rule table; same transaction as the result
                service.credit().emit(con, new CreditSignal("INSPECTION", "item.failed", object.companyId, "inspection-result:" + r.id,
                        LocalDate.ofInstant(now, ZONE), t.number + " / " + item.code));
            }
            wf.audit(con, caller.username(), "result", t.id, CaseWorkflow.fields("number", t.number, "result", r.id, "objectId", r.objectId,
                    "object", object.name, "item", item.code, "outcome", r.outcome.name(), "photos", photos.size()));
            return toDto(con, r);
        });
    }

    /** A planner (inspection:plan, scope ALL), or an inspector drawn for the object whose account name is the caller's login. */
    private static boolean mayRecord(EntityManager em, SpmPrincipal caller, long taskId, long objectId) {
        if (caller.can("inspection:plan") && caller.scope() != null && caller.scope().all()) {
            return true;
        }
        return !em.createQuery("SELECT i.id FROM DrawnInspectorEntity i WHERE i.taskId = :t AND i.objectId = :o AND i.accountName = :a", Long.class)
                .setParameter("t", taskId).setParameter("o", objectId).setParameter("a", caller.username()).setMaxResults(1)
                .getResultList().isEmpty();
    }

    List<Result> list(long taskId) {
        // a write transaction: the photos are read on the unit's connection
        return service.tx().write(em -> {
            InspectionServiceImpl.findTask(em, taskId);
            Connection con = em.unwrap(Connection.class);
            return em.createQuery("SELECT r FROM ResultEntity r WHERE r.taskId = :t ORDER BY r.id", ResultEntity.class).setParameter("t", taskId)
                    .getResultList().stream().map(r -> toDto(con, r)).toList();
        });
    }

    private Result toDto(Connection con, ResultEntity r) {
        return new Result(r.id, r.taskId, r.objectId, r.itemId, r.outcome, r.note, r.getCreatedBy(), r.getCreatedAt(),
                service.files().attached(con, InspectionServiceImpl.RESULT_PHOTOS, Long.toString(r.id)));
    }

    /** Published tasks (DIS-5): per drawn object its name, kind, outcome counts and failed items' names. No inspectors, notes, photos. */
    Page<PublicInspection> published(PageRequest page) {
        return service.tx().write(em -> {
            Map<String, Object> params = new HashMap<>();
            params.put("published", TaskStatus.PUBLISHED);
            Jpql.Rows<TaskEntity> rows = Jpql.page(em, TaskEntity.class, "t", " WHERE t.status = :published", params, page);
            Map<Long, String> itemNames = new HashMap<>();
            List<PublicInspection> items = new ArrayList<>();
            for (TaskEntity t : rows.rows()) {
                Map<Long, List<ResultEntity>> byObject = em.createQuery("SELECT r FROM ResultEntity r WHERE r.taskId = :t ORDER BY r.itemId",
                        ResultEntity.class).setParameter("t", t.id).getResultList().stream()
                        .collect(Collectors.groupingBy(r -> r.objectId));
                List<PublicInspection.PublicObject> objects = new ArrayList<>();
                for (DrawnObjectEntity o : em.createQuery("SELECT o FROM DrawnObjectEntity o WHERE o.taskId = :t ORDER BY o.position",
                        DrawnObjectEntity.class).setParameter("t", t.id).getResultList()) {
                    List<ResultEntity> rs = byObject.getOrDefault(o.objectId, List.of());
                    List<String> failed = rs.stream().filter(r -> r.outcome == Outcome.FAIL)
                            .map(r -> itemNames.computeIfAbsent(r.itemId, id -> Libraries.findItem(em, id).name)).toList();
                    objects.add(new PublicInspection.PublicObject(o.name, o.kind, count(rs, Outcome.PASS), count(rs, Outcome.FAIL),
                            count(rs, Outcome.NOT_APPLICABLE), failed));
                }
                items.add(new PublicInspection(t.id, t.number, t.name, t.authority, t.target, t.drawDate, t.startDate, t.endDate,
                        service.wf().lastAt(em, t.id, "publish"), objects));
            }
            return new Page<>(items, page.page(), page.size(), rows.total());
        });
    }

    private static int count(List<ResultEntity> rs, Outcome outcome) {
        return (int) rs.stream().filter(r -> r.outcome == outcome).count();
    }
}
