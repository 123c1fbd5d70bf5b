package org.smartproperty.committee.internal;

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

import org.smartproperty.committee.FilingStatus;
import org.smartproperty.platform.persistence.AuditedEntity;

/**
 * One filing round. The decision's time and author are {@code updated_at}/{@code updated_by}: a
 * filing changes exactly once after submission (APPROVED or RETURNED), so no nullable timestamp is needed.
 */
@Entity
@Table(name = "ocm_filing")
public class CommitteeFilingEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "ocm_filing_seq", sequenceName = "ocm_filing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ocm_filing_seq")
    Long id;

    @Column(name = "committee_id") long committeeId;
    @Enumerated(EnumType.STRING) @Column(name = "status") FilingStatus status;
    @Column(name = "materials") String materials;
    @Column(name = "note") String note;
    @Column(name = "submitted_by") String submittedBy;
    @Column(name = "submitted_at") Instant submittedAt;
    @Column(name = "reason") String reason;
}
