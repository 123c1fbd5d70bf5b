package org.smartproperty.assessment.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.review.jpa.ReviewRound;

/** One submission of a report (a review round); status, submission and decision are the review kernel's, history asm_report_event. */
@Entity
@Table(name = "asm_report_round")
public class SubmissionEntity extends ReviewRound {
    @Id
    @SequenceGenerator(name = "asm_report_round_seq", sequenceName = "asm_report_round_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "asm_report_round_seq")
    Long id;
    @Column(name = "report_id") long reportId;
    @Column(name = "company_id") long companyId;

    @Override
    public Long roundId() {
        return id;
    }

    @Override
    public long subjectId() {
        return reportId;
    }
}
