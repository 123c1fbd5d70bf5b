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

import org.smartproperty.assessment.ScoringMethod;

/** A node of an indicator set's tree; written with its set, replaced as a whole while the set is DRAFT. */
@Entity
@Table(name = "asm_indicator")
public class IndicatorEntity {
    @Id
    @SequenceGenerator(name = "asm_indicator_seq", sequenceName = "asm_indicator_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "asm_indicator_seq")
    Long id;
    @Column(name = "set_id") long setId;
    @Column(name = "parent_id") Long parentId;
    @Column(name = "code") String code;
    @Column(name = "name") String name;
    @Column(name = "weight") BigDecimal weight;
    @Enumerated(EnumType.STRING) @Column(name = "method") ScoringMethod method;
    @Column(name = "metric") String metric;
    @Column(name = "best") BigDecimal best;
    @Column(name = "worst") BigDecimal worst;
    @Column(name = "evidence_required") boolean evidenceRequired;
    @Column(name = "ordinal") int ordinal;
}
