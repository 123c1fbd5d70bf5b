package org.smartproperty.company.internal;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

@Entity
@Table(name = "cmp_service_period")
public class ServicePeriodEntity {

    @Id
    @SequenceGenerator(name = "cmp_service_period_seq", sequenceName = "cmp_service_period_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cmp_service_period_seq")
    Long id;

    @Column(name = "company_id") long companyId;
    @Column(name = "estate_id") long estateId;
    @Column(name = "date_from") LocalDate from;
    @Column(name = "date_to") LocalDate to;
}
