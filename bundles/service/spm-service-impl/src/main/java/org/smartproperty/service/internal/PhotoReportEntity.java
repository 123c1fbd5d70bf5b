package org.smartproperty.service.internal;

import java.math.BigDecimal;
import java.time.Instant;
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
import org.smartproperty.service.PhotoReportStatus;

/** One photo report (随手拍, svc_photo_report). */
@Entity
@Table(name = "svc_photo_report")
public class PhotoReportEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "svc_photo_report_seq", sequenceName = "svc_photo_report_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "svc_photo_report_seq")
    Long id;

    @Column(name = "estate_id") long estateId;
    @Column(name = "company_id") Long companyId;
    @Column(name = "reporter_account_id") long reporterAccountId;
    @Column(name = "reporter_name") String reporterName;
    @Column(name = "latitude") BigDecimal latitude;
    @Column(name = "longitude") BigDecimal longitude;
    @Column(name = "location") String location;
    @Column(name = "description") String description;
    @Enumerated(EnumType.STRING) @Column(name = "status") PhotoReportStatus status;
    @Column(name = "task_id") Long taskId;
    @Column(name = "reported_at") Instant reportedAt;
}
