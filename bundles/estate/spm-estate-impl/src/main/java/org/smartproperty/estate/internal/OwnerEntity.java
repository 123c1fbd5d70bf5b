package org.smartproperty.estate.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.estate.IdType;
import org.smartproperty.platform.persistence.AuditedEntity;

/** A person or organisation owning houses; one row per identity document (ID-1). */
@Entity
@Table(name = "est_owner")
public class OwnerEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "est_owner_seq", sequenceName = "est_owner_seq", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "est_owner_seq")
    Long id;

    @Column(name = "name") String name;
    @Enumerated(EnumType.STRING) @Column(name = "id_type") IdType idType;
    @Column(name = "id_number") String idNumber;
    @Column(name = "phone") String phone;
}
