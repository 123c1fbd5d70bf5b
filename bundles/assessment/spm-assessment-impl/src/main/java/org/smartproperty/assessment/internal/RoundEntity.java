package org.smartproperty.assessment.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** An assessment round (SUP-AS-2); opened at/by = created at/by; published at = updated at (a PUBLISHED round never changes again). */
@Entity
@Table(name = "asm_round")
public class RoundEntity extends org.smartproperty.platform.persistence.AuditedEntity {
    @Id
    @SequenceGenerator(name = "asm_round_seq", sequenceName = "asm_round_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "asm_round_seq")
    Long id;
    @Column(name = "name") String name;
    @Column(name = "period_from") java.time.LocalDate periodFrom;
    @Column(name = "period_to") java.time.LocalDate periodTo;
    @Column(name = "set_id") long setId;
    @Column(name = "due_date") java.time.LocalDate dueDate;
    @Enumerated(EnumType.STRING) @Column(name = "status") org.smartproperty.assessment.RoundStatus status;
}
