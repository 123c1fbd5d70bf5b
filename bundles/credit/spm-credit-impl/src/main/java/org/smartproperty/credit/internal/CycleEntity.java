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

import org.smartproperty.platform.persistence.AuditedEntity;

/** A company's declaration year: the subject the declaration rounds are reviewed on (one approved declaration per year). */
@Entity
@Table(name = "crd_declaration_cycle")
public class CycleEntity extends AuditedEntity {
    @Id
    @SequenceGenerator(name = "crd_cycle_seq", sequenceName = "crd_cycle_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crd_cycle_seq")
    Long id;
    @Column(name = "company_id") long companyId;
    @Column(name = "cycle_year") int year;
}
