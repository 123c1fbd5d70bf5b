package org.smartproperty.developer.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.developer.DeveloperStatus;
import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code dvl_developer} (changeset dvl-1); version and created/updated at/by come from {@link AuditedEntity}. */
@Entity
@Table(name = "dvl_developer")
public class DeveloperEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "dvl_developer_seq", sequenceName = "dvl_developer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dvl_developer_seq")
    Long id;

    @Column(name = "name") String name;
    @Column(name = "credit_code") String creditCode;
    @Column(name = "legal_representative") String legalRepresentative;
    @Column(name = "contact") String contact;
    @Column(name = "phone") String phone;
    @Column(name = "address") String address;
    @Enumerated(EnumType.STRING) @Column(name = "status") DeveloperStatus status;
    @Column(name = "revoked_reason") String revokedReason;
}
