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

import org.smartproperty.assessment.ReportStatus;
import org.smartproperty.platform.persistence.AuditedEntity;

/** A company's report in a round: the review subject, with its points, score and rank. */
@Entity
@Table(name = "asm_report")
public class ReportEntity extends AuditedEntity {
    @Id
    @SequenceGenerator(name = "asm_report_seq", sequenceName = "asm_report_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "asm_report_seq")
    Long id;
    @Column(name = "round_id") long roundId;
    @Column(name = "company_id") long companyId;
    @Column(name = "company_name") String companyName;
    @Enumerated(EnumType.STRING) @Column(name = "status") ReportStatus status;
    @Column(name = "self_points") BigDecimal selfPoints;
    @Column(name = "computed_points") BigDecimal computedPoints;
    @Column(name = "score") BigDecimal score;
    @Column(name = "rank_no") Integer rank;
}
