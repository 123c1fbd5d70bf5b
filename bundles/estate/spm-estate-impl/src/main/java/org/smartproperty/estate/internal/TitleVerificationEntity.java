package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** One check of an owner's title against the registration system (OWN-2, INT-REG); rows are never changed. */
@Entity
@Table(name = "est_title_verification")
public class TitleVerificationEntity {

    @Id
    @SequenceGenerator(name = "est_title_verification_seq", sequenceName = "est_title_verification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "est_title_verification_seq")
    Long id;

    @Column(name = "house_id") long houseId;
    @Column(name = "owner_id") long ownerId;
    @Column(name = "verified_at") Instant verifiedAt;
    @Column(name = "result") String result;
    @Column(name = "reason") String reason;
    @Column(name = "exclusive_area") BigDecimal exclusiveArea;
    @Column(name = "share") BigDecimal share;
    @Column(name = "certificate_no") String certificateNumber;
    @Column(name = "registered_on") LocalDate registeredOn;
    @Column(name = "registry_source") String registrySource;
    @Column(name = "registry_reference") String registryReference;
    @Column(name = "verified_by") String verifiedBy;
}
