package org.smartproperty.company.internal;

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

import org.smartproperty.company.FilingStatus;
import org.smartproperty.platform.persistence.AuditedEntity;

@Entity
@Table(name = "cmp_filing")
/**
 * One filing round. The decision's time and author are {@code updated_at}/{@code updated_by}: a
 * filing changes exactly once after submission (APPROVED or RETURNED), so no nullable timestamp is needed.
 */
public class FilingEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "cmp_filing_seq", sequenceName = "cmp_filing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cmp_filing_seq")
    Long id;

    @Column(name = "company_id") long companyId;
    @Enumerated(EnumType.STRING) @Column(name = "status") FilingStatus status;
    @Column(name = "qualification_grade") String qualificationGrade;
    @Column(name = "certificate_number") String certificateNumber;
    @Column(name = "credit_information") String creditInformation;
    /** Before the file store: material titles as JSON (no longer written; materials are plt_file_link rows). */
    @Column(name = "materials") String materials;
    @Column(name = "note") String note;
    @Column(name = "submitted_by") String submittedBy;
    @Column(name = "submitted_at") Instant submittedAt;
    @Column(name = "reason") String reason;
}
