package org.smartproperty.tender.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code tnd_score}. */
@Entity
@Table(name = "tnd_score")
public class ScoreEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "tnd_score_seq", sequenceName = "tnd_score_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tnd_score_seq")
    Long id;

    @Column(name = "tender_id") long tenderId;
    @Column(name = "seat") int seat;
    @Column(name = "company_id") long companyId;
    @Column(name = "criterion") String criterion;
    @Column(name = "points") int points;
}
