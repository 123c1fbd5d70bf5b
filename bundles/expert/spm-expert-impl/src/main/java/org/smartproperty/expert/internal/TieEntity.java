package org.smartproperty.expert.internal;

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

import org.smartproperty.expert.TieKind;

/** A conflict tie of an expert ({@code exp_tie}); replaced as a whole with the expert's record. */
@Entity
@Table(name = "exp_tie")
public class TieEntity {

    @Id
    @SequenceGenerator(name = "exp_tie_seq", sequenceName = "exp_tie_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exp_tie_seq")
    Long id;

    @Column(name = "expert_id") long expertId;
    @Column(name = "company_id") long companyId;
    @Enumerated(EnumType.STRING) @Column(name = "kind") TieKind kind;
    @Column(name = "since") LocalDate since;
    @Column(name = "until") LocalDate until;
}
