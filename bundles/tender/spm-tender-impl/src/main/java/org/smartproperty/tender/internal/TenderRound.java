package org.smartproperty.tender.internal;

import javax.persistence.Column;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.SequenceGenerator;

import org.smartproperty.platform.review.jpa.ReviewRound;

/** The common part of the tender's four round tables: the id (one sequence for all four) and the tender. */
@MappedSuperclass
public abstract class TenderRound extends ReviewRound {

    @Id
    @SequenceGenerator(name = "tnd_round_seq", sequenceName = "tnd_round_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tnd_round_seq")
    Long id;

    @Column(name = "tender_id") long tenderId;

    @Override
    public Long roundId() {
        return id;
    }

    @Override
    public long subjectId() {
        return tenderId;
    }
}
