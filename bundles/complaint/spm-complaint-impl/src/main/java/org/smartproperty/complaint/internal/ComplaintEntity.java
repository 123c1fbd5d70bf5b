package org.smartproperty.complaint.internal;

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

import org.smartproperty.complaint.ComplaintCategory;
import org.smartproperty.complaint.ComplaintChannel;
import org.smartproperty.complaint.ComplaintStatus;
import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.platform.workflow.CaseRecord;

/**
 * One complaint. {@code registeredAt}/{@code statusChangedAt} come from the service's clock (the
 * reopen window and auto-close are computed from them and from the timeline); the time of the
 * latest result is the latest {@code resolve} event, so no nullable timestamp is needed.
 */
@Entity
@Table(name = "cpl_complaint")
public class ComplaintEntity extends AuditedEntity implements CaseRecord<ComplaintStatus> {

    @Id
    @SequenceGenerator(name = "cpl_complaint_seq", sequenceName = "cpl_complaint_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cpl_complaint_seq")
    Long id;

    @Column(name = "complaint_no") String number;
    @Enumerated(EnumType.STRING) @Column(name = "channel") ComplaintChannel channel;
    @Enumerated(EnumType.STRING) @Column(name = "category") ComplaintCategory category;
    @Column(name = "estate_id") Long estateId;
    @Column(name = "company_id") Long companyId;
    @Column(name = "complainant_account_id") Long complainantAccountId;
    @Column(name = "complainant_name") String complainantName;
    @Column(name = "complainant_phone") String complainantPhone;
    @Column(name = "title") String title;
    @Column(name = "content") String content;
    @Enumerated(EnumType.STRING) @Column(name = "status") ComplaintStatus status;
    @Column(name = "assignee_account_id") Long assigneeAccountId;
    @Column(name = "forwarded") boolean forwarded;
    @Column(name = "result") String result;
    /** Issue 14: the verdict given with the latest result (投诉属实), null when none was given. */
    @Column(name = "upheld") Boolean upheld;
    @Column(name = "reason") String reason;
    @Column(name = "registered_at") Instant registeredAt;
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
    public ComplaintStatus caseStatus() {
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
    public void moveTo(ComplaintStatus to, Instant at, String actor) {
        status = to;
        statusChangedAt = at;
        touchedBy(actor);
    }
}
