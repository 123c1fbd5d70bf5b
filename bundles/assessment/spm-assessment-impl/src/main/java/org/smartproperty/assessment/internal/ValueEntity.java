package org.smartproperty.assessment.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A self-reported value of one submission (review round), with the regulator's points once accepted. */
@Entity
@Table(name = "asm_report_value")
public class ValueEntity {
    @Id
    @SequenceGenerator(name = "asm_report_value_seq", sequenceName = "asm_report_value_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "asm_report_value_seq")
    Long id;
    @Column(name = "submission_id") long submissionId;
    @Column(name = "indicator_id") long indicatorId;
    @Column(name = "value_text") String value;
    @Column(name = "evidence") String evidence;
    @Column(name = "points") BigDecimal points;
    @Column(name = "note") String note;
}
