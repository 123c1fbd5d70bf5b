package org.smartproperty.expert.internal;

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

import org.smartproperty.expert.ExpertStatus;
import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code exp_expert} (SUP-EX-1); specialties stored as ",A,B," so one code is found with LIKE. */
@Entity
@Table(name = "exp_expert")
public class ExpertEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "exp_expert_seq", sequenceName = "exp_expert_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exp_expert_seq")
    Long id;

    @Column(name = "name") String name;
    @Column(name = "id_number") String idNumber;
    @Column(name = "phone") String phone;
    @Column(name = "title") String title;
    @Column(name = "specialties") String specialties;
    @Column(name = "employer_company_id") Long employerCompanyId;
    @Column(name = "employer_name") String employerName;
    @Enumerated(EnumType.STRING) @Column(name = "status") ExpertStatus status;
    @Column(name = "status_reason") String statusReason;
    @Column(name = "account_name") String accountName;
    @Column(name = "rating") BigDecimal rating;
    @Column(name = "rating_count") int ratingCount;
}
