package org.smartproperty.inspection.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

import org.smartproperty.inspection.Draw;
import org.smartproperty.inspection.InspectionMessages;
import org.smartproperty.inspection.TaskStatus;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.workflow.jpa.Step;

/**
 * The draw of DR-2 on a task: the snapshot of the inputs, {@link DoubleRandomDraw} from the recorded seed, the frozen
 * list in {@code ins_drawn_object} / {@code ins_drawn_inspector} (no endpoint changes it; a second draw is the
 * workflow's 409), the notices to drawn inspectors with an account, the list and its replay. Part of
 * {@link InspectionServiceImpl}, split along its duties (issue 10 item 5).
 */
final class Draws {

    /** The in-app notice to each drawn inspector (message.INSPECTION_ASSIGNED, number 21). */
    static final MessageKind ASSIGNED = MessageKind.of("INSPECTION_ASSIGNED");

    private final InspectionServiceImpl service;

    Draws(InspectionServiceImpl service) {
        this.service = service;
    }

    /** The effect of the {@code draw} transition (inside the kernel's transaction, after its checks). */
    void draw(Step<TaskStatus, TaskEntity> step, TaskEntity t) {
        EntityManager em = step.em();
        List<DoubleRandomDraw.ObjectCandidate> objects = em.createQuery(
                        "SELECT o FROM InspectObjectEntity o WHERE o.active = :active AND o.kind = :k ORDER BY o.id", InspectObjectEntity.class)
                .setParameter("k", t.target).setParameter("active", true).getResultList().stream()
                .map(o -> new DoubleRandomDraw.ObjectCandidate(o.id, o.kind, o.refId, o.name, o.companyId, o.riskLevel)).toList();
        List<DoubleRandomDraw.InspectorCandidate> inspectors = em.createQuery(
                        "SELECT i FROM InspectorEntity i WHERE i.active = :active ORDER BY i.id", InspectorEntity.class).setParameter("active", true).getResultList().stream()
                .map(i -> new DoubleRandomDraw.InspectorCandidate(i.id, i.name, i.unit, i.unitKind, i.accountName, Libraries.ties(i))).toList();
        DoubleRandomDraw.Inputs inputs = new DoubleRandomDraw.Inputs(t.drawDate, service.formerEmployerYears(), objects, inspectors);
        List<DoubleRandomDraw.Pick> picks = DoubleRandomDraw.draw(t.seed, InspectionServiceImpl.rule(t), t.inspectorsPerObject, inputs);
        if (picks.isEmpty()) {
            throw ApiException.conflict(InspectionMessages.TEXTS, "draw.empty");
        }
        t.drawInputs = InspectionJson.write(inputs);
        int position = 0;
        for (DoubleRandomDraw.Pick p : picks) {
            DoubleRandomDraw.ObjectCandidate o = p.object();
            DrawnObjectEntity d = new DrawnObjectEntity();
            d.taskId = t.id;
            d.position = position++;
            d.objectId = o.id();
            d.name = o.name();
            d.kind = o.kind();
            d.refId = o.refId();
            d.companyId = o.companyId();
            d.riskLevel = o.riskLevel();
            em.persist(d);
            int rank = 0;
            for (DoubleRandomDraw.InspectorCandidate i : p.inspectors()) {
                DrawnInspectorEntity di = new DrawnInspectorEntity();
                di.taskId = t.id;
                di.objectId = o.id();
                di.position = rank++;
                di.inspectorId = i.id();
                di.name = i.name();
                di.unit = i.unit();
                di.unitKind = i.unitKind();
                di.accountName = i.accountName();
                em.persist(di);
            }
        }
        step.detail("seed", t.seed).detail("algorithm", Draw.ALGORITHM).detail("objects", picks.size())
                .detail("candidates", objects.size()).detail("inspectors", inspectors.size());
        notifyDrawn(step, t, picks);
    }

    /** An in-app notice INSPECTION_ASSIGNED to every drawn inspector whose account name is an active staff account. */
    private void notifyDrawn(Step<TaskStatus, TaskEntity> step, TaskEntity t, List<DoubleRandomDraw.Pick> picks) {
        Map<String, Long> accounts = new HashMap<>();
        for (Role r : List.of(Role.INSPECTOR, Role.REGULATOR, Role.OFFICER)) {
            for (AccountDirectory.Contact c : service.directory().accountsWithRole(r)) {
                accounts.putIfAbsent(c.username(), c.accountId());
            }
        }
        for (DoubleRandomDraw.Pick p : picks) {
            for (DoubleRandomDraw.InspectorCandidate i : p.inspectors()) {
                Long account = i.accountName() == null ? null : accounts.get(i.accountName());
                if (account != null) {
                    step.notify(account, ASSIGNED, Map.of("taskNumber", t.number, "objectName", p.object().name()));
                }
            }
        }
    }

    /** The frozen list; 409 before the draw. */
    Draw list(long taskId) {
        return service.tx().write(em -> {
            TaskEntity t = InspectionServiceImpl.findTask(em, taskId);
            DoubleRandomDraw.Inputs inputs = inputs(t);
            return new Draw(t.id, t.number, t.seed, Draw.ALGORITHM, null, inputs.drawDate(), inputs.formerEmployerYears(),
                    service.wf().lastAt(em, t.id, "draw"), stored(em, t.id), null);
        });
    }

    /** The list recomputed from the recorded seed and inputs, and whether it equals the frozen one; 409 before the draw. */
    Draw replay(long taskId) {
        return service.tx().write(em -> {
            TaskEntity t = InspectionServiceImpl.findTask(em, taskId);
            DoubleRandomDraw.Inputs inputs = inputs(t);
            List<DoubleRandomDraw.Pick> picks = DoubleRandomDraw.draw(t.seed, InspectionServiceImpl.rule(t), t.inspectorsPerObject, inputs);
            List<Draw.DrawnObject> recomputed = new ArrayList<>();
            for (DoubleRandomDraw.Pick p : picks) {
                DoubleRandomDraw.ObjectCandidate o = p.object();
                recomputed.add(new Draw.DrawnObject(o.id(), o.name(), o.kind(), o.refId(), o.companyId(), o.riskLevel(),
                        p.inspectors().stream().map(i -> new Draw.DrawnInspector(i.id(), i.name(), i.unit(), i.unitKind())).toList()));
            }
            boolean identical = recomputed.equals(stored(em, t.id));
            return new Draw(t.id, t.number, t.seed, Draw.ALGORITHM, null, inputs.drawDate(), inputs.formerEmployerYears(),
                    service.wf().lastAt(em, t.id, "draw"), recomputed, identical);
        });
    }

    private static DoubleRandomDraw.Inputs inputs(TaskEntity t) {
        if (t.drawInputs == null) {
            throw ApiException.conflict(InspectionMessages.TEXTS, "draw.notYet");
        }
        return InspectionJson.read(t.drawInputs, DoubleRandomDraw.Inputs.class);
    }

    /** The stored list in draw order. */
    static List<Draw.DrawnObject> stored(EntityManager em, long taskId) {
        Map<Long, List<Draw.DrawnInspector>> byObject = new LinkedHashMap<>();
        for (DrawnInspectorEntity i : em.createQuery("SELECT i FROM DrawnInspectorEntity i WHERE i.taskId = :t ORDER BY i.objectId, i.position",
                DrawnInspectorEntity.class).setParameter("t", taskId).getResultList()) {
            byObject.computeIfAbsent(i.objectId, k -> new ArrayList<>()).add(new Draw.DrawnInspector(i.inspectorId, i.name, i.unit, i.unitKind));
        }
        return em.createQuery("SELECT o FROM DrawnObjectEntity o WHERE o.taskId = :t ORDER BY o.position", DrawnObjectEntity.class)
                .setParameter("t", taskId).getResultList().stream()
                .map(o -> new Draw.DrawnObject(o.objectId, o.name, o.kind, o.refId, o.companyId, o.riskLevel,
                        List.copyOf(byObject.getOrDefault(o.objectId, List.of())))).toList();
    }
}
