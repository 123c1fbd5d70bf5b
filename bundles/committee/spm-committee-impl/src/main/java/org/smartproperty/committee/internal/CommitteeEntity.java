package org.smartproperty.committee.internal;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.committee.CommitteeStatus;
import org.smartproperty.platform.persistence.AuditedEntity;

@Entity
@Table(name = "ocm_committee")
public class CommitteeEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "ocm_committee_seq", sequenceName = "ocm_committee_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ocm_committee_seq")
    Long id;

    @Column(name = "estate_id") long estateId;
    @Column(name = "name") String name;
    @Column(name = "phone") String phone;
    @Column(name = "address") String address;
    @Column(name = "company_id") Long companyId;
    @Column(name = "elected_on") LocalDate electedOn;
    @Column(name = "term_start") LocalDate termStart;
    @Column(name = "term_end") LocalDate termEnd;
    @Enumerated(EnumType.STRING) @Column(name = "status") CommitteeStatus status;
}
