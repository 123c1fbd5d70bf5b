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

/** One declaration round (CRD-1); status, submission and decision are the review kernel's, history crd_declaration_event. */
@Entity
@Table(name = "crd_declaration")
public class DeclarationEntity extends ReviewRound {
    @Id
    @SequenceGenerator(name = "crd_declaration_seq", sequenceName = "crd_declaration_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crd_declaration_seq")
    Long id;
    @Column(name = "cycle_id") long cycleId;
    @Column(name = "company_id") long companyId;
    @Column(name = "base_score") Integer baseScore;

    @Override
    public Long roundId() {
        return id;
    }

    @Override
    public long subjectId() {
        return cycleId;
    }
}
