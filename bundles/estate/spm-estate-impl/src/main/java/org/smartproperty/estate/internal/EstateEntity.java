package org.smartproperty.estate.internal;

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

import org.smartproperty.estate.EstateStatus;
import org.smartproperty.platform.persistence.AuditedEntity;

@Entity
@Table(name = "est_estate")
public class EstateEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "est_estate_seq", sequenceName = "est_estate_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "est_estate_seq")
    Long id;

    @Column(name = "project_code") String projectCode;
    @Column(name = "name") String name;
    @Column(name = "address") String address;
    @Column(name = "community") String community;
    @Column(name = "admin_code") String adminCode;
    @Column(name = "longitude") Double longitude;
    @Column(name = "latitude") Double latitude;
    @Column(name = "boundary") String boundary;
    @Column(name = "developer") String developer;
    @Column(name = "company_id") Long companyId;
    @Column(name = "company_name") String companyName;
    @Column(name = "fee_standard") BigDecimal feeStandard;
    @Column(name = "overview") String overview;
    @Enumerated(EnumType.STRING) @Column(name = "status") EstateStatus status;
    /** Kept by {@link EstateCounts#refresh} in the transaction of every building or house write, never by this entity. */
    @Column(name = "building_count", insertable = false, updatable = false) long buildingCount;
    @Column(name = "house_count", insertable = false, updatable = false) long houseCount;
}
