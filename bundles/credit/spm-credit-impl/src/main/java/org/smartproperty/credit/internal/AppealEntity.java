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

import org.smartproperty.platform.review.jpa.ReviewRound;

/**
 * An appeal on a record (CRD-4) as a review round whose subject is the record: APPROVED = the record is withdrawn,
 * RETURNED = the record is upheld (with the regulator's reason). No resubmission after a decision.
 */
@Entity
@Table(name = "crd_appeal")
public class AppealEntity extends ReviewRound {
    @Id
    @SequenceGenerator(name = "crd_appeal_seq", sequenceName = "crd_appeal_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crd_appeal_seq")
    Long id;
    @Column(name = "record_id") long recordId;
    @Column(name = "company_id") long companyId;
    @Column(name = "grounds") String grounds;

    @Override
    public Long roundId() {
        return id;
    }

    @Override
    public long subjectId() {
        return recordId;
    }
}
