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
import org.smartproperty.service.RepairCategory;
import org.smartproperty.service.RepairStatus;

/**
 * One repair (svc_repair). The time of the latest completion is the latest {@code complete} event
 * (no nullable timestamp through the converter); {@code appointmentAt} is nullable, so it is
 * read-only here and written by a typed native UPDATE when the repair is scheduled.
 */
@Entity
@Table(name = "svc_repair")
public class RepairEntity extends AuditedEntity implements CaseRecord<RepairStatus> {

    @Id
    @SequenceGenerator(name = "svc_repair_seq", sequenceName = "svc_repair_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "svc_repair_seq")
    Long id;

    @Column(name = "repair_no") String number;
    @Column(name = "estate_id") long estateId;
    @Column(name = "company_id") Long companyId;
    @Column(name = "house_id") Long houseId;
    @Column(name = "unit_code") String unitCode;
    @Column(name = "location") String location;
    @Enumerated(EnumType.STRING) @Column(name = "category") RepairCategory category;
    @Column(name = "description") String description;
    @Column(name = "requester_account_id") long requesterAccountId;
    @Column(name = "requester_name") String requesterName;
    @Column(name = "requester_phone") String requesterPhone;
    @Enumerated(EnumType.STRING) @Column(name = "status") RepairStatus status;
    @Column(name = "handler_account_id") Long handlerAccountId;
    @Column(name = "appointment_at", insertable = false, updatable = false) Instant appointmentAt;
    @Column(name = "report") String report;
    @Column(name = "reason") String reason;
    @Column(name = "requested_at") Instant requestedAt;
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
    public RepairStatus caseStatus() {
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
    public void moveTo(RepairStatus to, Instant at, String actor) {
        status = to;
        statusChangedAt = at;
        touchedBy(actor);
    }
}
