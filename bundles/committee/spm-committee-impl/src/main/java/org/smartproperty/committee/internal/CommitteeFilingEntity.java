package org.smartproperty.committee.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.review.jpa.ReviewRound;

/**
 * One committee filing round (OCS-4): the note; status, submission and decision are the review
 * kernel's columns ({@link ReviewRound}), its history is {@code ocm_filing_event}.
 */
@Entity
@Table(name = "ocm_filing")
public class CommitteeFilingEntity extends ReviewRound {

    @Id
    @SequenceGenerator(name = "ocm_filing_seq", sequenceName = "ocm_filing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ocm_filing_seq")
    Long id;

    @Column(name = "committee_id") long committeeId;
    /** Before the file store: material titles as JSON (no longer written; materials are plt_file_link rows). */
    @Column(name = "materials") String materials;
    @Column(name = "note") String note;

    @Override
    public Long roundId() {
        return id;
    }

    @Override
    public long subjectId() {
        return committeeId;
    }
}
