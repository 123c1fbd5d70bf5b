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

import org.smartproperty.assessment.ValueStatus;

/** A computed indicator of a report, evaluated when the round is closed. */
@Entity
@Table(name = "asm_computed_value")
public class ComputedEntity {
    @Id
    @SequenceGenerator(name = "asm_computed_value_seq", sequenceName = "asm_computed_value_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "asm_computed_value_seq")
    Long id;
    @Column(name = "report_id") long reportId;
    @Column(name = "indicator_id") long indicatorId;
    @Column(name = "metric_value") BigDecimal metricValue;
    @Column(name = "points") BigDecimal points;
    @Enumerated(EnumType.STRING) @Column(name = "value_status") ValueStatus status;
}
