package org.smartproperty.company.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.review.jpa.ReviewRound;

/**
 * One filing round (SUP-CO-2, COS-2): the company's form; status, submission and decision are the
 * review kernel's columns ({@link ReviewRound}), its history is {@code cmp_filing_event}.
 */
@Entity
@Table(name = "cmp_filing")
public class FilingEntity extends ReviewRound {

    @Id
    @SequenceGenerator(name = "cmp_filing_seq", sequenceName = "cmp_filing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cmp_filing_seq")
    Long id;

    @Column(name = "company_id") long companyId;
    @Column(name = "qualification_grade") String qualificationGrade;
    @Column(name = "certificate_number") String certificateNumber;
    @Column(name = "credit_information") String creditInformation;
    /** Before the file store: material titles as JSON (no longer written; materials are plt_file_link rows). */
    @Column(name = "materials") String materials;
    @Column(name = "note") String note;

    @Override
    public Long roundId() {
        return id;
    }

    @Override
    public long subjectId() {
        return companyId;
    }
}
