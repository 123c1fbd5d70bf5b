package org.smartproperty.expert.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.review.jpa.ReviewRound;

/** One admission round of an expert's application (review kernel; history exp_admission_event). */
@Entity
@Table(name = "exp_admission")
public class AdmissionEntity extends ReviewRound {

    @Id
    @SequenceGenerator(name = "exp_admission_seq", sequenceName = "exp_admission_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exp_admission_seq")
    Long id;

    @Column(name = "expert_id") long expertId;

    @Override
    public Long roundId() {
        return id;
    }

    @Override
    public long subjectId() {
        return expertId;
    }
}
