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

/** One version of an indicator set (SUP-AS-1); FROZEN is never edited. */
@Entity
@Table(name = "asm_indicator_set")
public class IndicatorSetEntity extends org.smartproperty.platform.persistence.AuditedEntity {
    @Id
    @SequenceGenerator(name = "asm_indicator_set_seq", sequenceName = "asm_indicator_set_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "asm_indicator_set_seq")
    Long id;
    @Column(name = "name") String name;
    @Column(name = "set_version") int setVersion;
    @Enumerated(EnumType.STRING) @Column(name = "status") org.smartproperty.assessment.SetStatus status;
}
