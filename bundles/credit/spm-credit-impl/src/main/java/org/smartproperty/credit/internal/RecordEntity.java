package org.smartproperty.credit.internal;

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

import org.smartproperty.credit.RecordKind;
import org.smartproperty.credit.RecordSource;
import org.smartproperty.credit.RecordStatus;
import org.smartproperty.platform.persistence.AuditedEntity;

/**
 * A good or bad record (CRD-1/2). Its status changes at most once (ACTIVE → WITHDRAWN or REPAIRED), at updated_at; EXPIRED
 * is never stored (computed from valid_until).
 */
@Entity
@Table(name = "crd_record")
public class RecordEntity extends AuditedEntity {
    @Id
    @SequenceGenerator(name = "crd_record_seq", sequenceName = "crd_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crd_record_seq")
    Long id;
    @Column(name = "company_id") long companyId;
    @Enumerated(EnumType.STRING) @Column(name = "kind") RecordKind kind;
    @Enumerated(EnumType.STRING) @Column(name = "source") RecordSource source;
    @Column(name = "rule_code") String ruleCode;
    @Column(name = "points") int points;
    @Column(name = "veto") boolean veto;
    @Column(name = "occurred_on") LocalDate occurredOn;
    @Column(name = "valid_until") LocalDate validUntil;
    @Column(name = "issuer") String issuer;
    @Column(name = "reason") String reason;
    @Column(name = "reference") String reference;
    @Enumerated(EnumType.STRING) @Column(name = "status") RecordStatus status;
    @Column(name = "status_reason") String statusReason;
    @Column(name = "signal_key") String signalKey;
}
