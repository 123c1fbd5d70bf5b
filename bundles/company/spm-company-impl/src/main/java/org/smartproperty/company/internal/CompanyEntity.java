package org.smartproperty.company.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.company.CompanyStatus;
import org.smartproperty.platform.persistence.AuditedEntity;

@Entity
@Table(name = "cmp_company")
public class CompanyEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "cmp_company_seq", sequenceName = "cmp_company_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cmp_company_seq")
    Long id;

    @Column(name = "name") String name;
    @Column(name = "credit_code") String creditCode;
    @Column(name = "legal_representative") String legalRepresentative;
    @Column(name = "qualification_grade") String qualificationGrade;
    @Column(name = "certificate_number") String certificateNumber;
    @Column(name = "contact") String contact;
    @Column(name = "phone") String phone;
    @Column(name = "office_address") String officeAddress;
    @Enumerated(EnumType.STRING) @Column(name = "status") CompanyStatus status;
}
