package org.smartproperty.inspection.internal;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.inspection.Target;
import org.smartproperty.platform.persistence.AuditedEntity;

/** A check item (ins_item, SUP-DR-2). */
@Entity
@Table(name = "ins_item")
public class CheckItemEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "ins_item_seq", sequenceName = "ins_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ins_item_seq")
    Long id;

    @Column(name = "code") String code;
    @Column(name = "name") String name;
    @Column(name = "legal_basis") String legalBasis;
    @Column(name = "method") String method;
    @Enumerated(EnumType.STRING) @Column(name = "target") Target target;
    @Convert(converter = Flag.class) @Column(name = "active") boolean active;
}
