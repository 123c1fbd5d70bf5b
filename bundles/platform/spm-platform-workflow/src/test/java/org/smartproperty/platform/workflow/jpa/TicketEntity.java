package org.smartproperty.platform.workflow.jpa;

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

/** The kernel test's item. */
@Entity
@Table(name = "wft_ticket")
public class TicketEntity extends AuditedEntity implements CaseRecord<WorkflowKernelContract.Status> {

    @Id
    @SequenceGenerator(name = "wft_ticket_seq", sequenceName = "wft_ticket_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "wft_ticket_seq")
    Long id;

    @Column(name = "ticket_no") String number;
    @Enumerated(EnumType.STRING) @Column(name = "status") WorkflowKernelContract.Status status;
    @Column(name = "status_changed_at") Instant statusChangedAt;
    @Column(name = "reporter_account_id") long reporter;
    @Column(name = "assignee_account_id") Long assignee;
    @Column(name = "report") String report;

    @Override
    public long caseId() {
        return id;
    }

    @Override
    public String caseNumber() {
        return number;
    }

    @Override
    public WorkflowKernelContract.Status caseStatus() {
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
    public void moveTo(WorkflowKernelContract.Status s, Instant at, String actor) {
        status = s;
        statusChangedAt = at;
        touchedBy(actor);
    }
}
