package org.smartproperty.service.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.platform.workflow.CaseRecord;
import org.smartproperty.service.PatrolStatus;

/** One patrol task (svc_patrol_task); when it was closed is its latest {@code close} event. */
@Entity
@Table(name = "svc_patrol_task")
public class PatrolTaskEntity extends AuditedEntity implements CaseRecord<PatrolStatus> {

    @Id
    @SequenceGenerator(name = "svc_patrol_task_seq", sequenceName = "svc_patrol_task_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "svc_patrol_task_seq")
    Long id;

    @Column(name = "task_no") String number;
    @Column(name = "estate_id") long estateId;
    @Column(name = "company_id") Long companyId;
    @Column(name = "title") String title;
    @Enumerated(EnumType.STRING) @Column(name = "status") PatrolStatus status;
    @Column(name = "due_at") Instant dueAt;
    @Column(name = "findings") String findings;
    @Column(name = "fix") String fix;
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
    public PatrolStatus caseStatus() {
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
    public void moveTo(PatrolStatus to, Instant at, String actor) {
        status = to;
        statusChangedAt = at;
        touchedBy(actor);
    }
}
