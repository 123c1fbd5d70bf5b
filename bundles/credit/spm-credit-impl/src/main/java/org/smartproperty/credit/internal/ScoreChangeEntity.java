package org.smartproperty.credit.internal;

import java.time.Instant;
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

/** One change of a company's score or grade, with its cause (never changed afterwards). */
@Entity
@Table(name = "crd_score_change")
public class ScoreChangeEntity {
    @Id
    @SequenceGenerator(name = "crd_score_change_seq", sequenceName = "crd_score_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crd_score_change_seq")
    Long id;
    @Column(name = "company_id") long companyId;
    @Column(name = "changed_at") Instant changedAt;
    @Column(name = "score") int score;
    @Column(name = "grade") String grade;
    @Column(name = "blacklisted") boolean blacklisted;
    @Column(name = "cause") String cause;
    @Column(name = "record_id") Long recordId;
}
