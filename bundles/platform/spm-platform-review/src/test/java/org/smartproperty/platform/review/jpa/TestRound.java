package org.smartproperty.platform.review.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A made-up domain's round: what a domain declares (id with its sequence, subject column, its form's fields). */
@Entity
@Table(name = "rvt_round")
public class TestRound extends ReviewRound {

    @Id
    @SequenceGenerator(name = "rvt_round_seq", sequenceName = "rvt_round_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rvt_round_seq")
    Long id;

    @Column(name = "subject_id") long subjectId;
    @Column(name = "note") String note;

    public TestRound() {
    }

    TestRound(long subjectId, String note) {
        this.subjectId = subjectId;
        this.note = note;
    }

    @Override
    public Long roundId() {
        return id;
    }

    @Override
    public long subjectId() {
        return subjectId;
    }
}
