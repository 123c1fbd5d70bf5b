package org.smartproperty.inspection.internal;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.inspection.Target;
import org.smartproperty.inspection.TaskStatus;
import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.platform.workflow.CaseRecord;

/**
 * A spot-check task (ins_task, SUP-DR-1) on the workflow kernel. {@code itemIds}, {@code rule} and {@code drawInputs} are
 * JSON; {@code seed} is written once at creation. When it was drawn and published are its timeline's latest
 * {@code draw} and {@code publish} events.
 */
@Entity
@Table(name = "ins_task")
public class TaskEntity extends AuditedEntity implements CaseRecord<TaskStatus> {

    @Id
    @SequenceGenerator(name = "ins_task_seq", sequenceName = "ins_task_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ins_task_seq")
    Long id;

    @Column(name = "task_no") String number;
    @Column(name = "name") String name;
    @Column(name = "authority") String authority;
    @Enumerated(EnumType.STRING) @Column(name = "target") Target target;
    @Column(name = "item_ids") String itemIds;
    @Column(name = "draw_date") LocalDate drawDate;
    @Column(name = "start_date") LocalDate startDate;
    @Column(name = "end_date") LocalDate endDate;
    @Column(name = "draw_rule") String rule;
    @Column(name = "inspectors_per_object") int inspectorsPerObject;
    @Column(name = "seed", updatable = false) String seed;
    @Column(name = "draw_inputs") String drawInputs;
    @Enumerated(EnumType.STRING) @Column(name = "status") TaskStatus status;
    @Column(name = "status_changed_at") Instant statusChangedAt;

    @Override
    public long caseId() {
        return id;
    }

    @Override
    public String caseNumber() {
        return number;
    }

    @Override
    public TaskStatus caseStatus() {
        return status;
    }

    @Override
    public Instant caseStatusChangedAt() {
        return statusChangedAt;
    }

    @Override
    public long caseVersion() {
        return getVersion();
    }

    @Override
    public void moveTo(TaskStatus to, Instant at, String actor) {
        status = to;
        statusChangedAt = at;
        touchedBy(actor);
    }
}
