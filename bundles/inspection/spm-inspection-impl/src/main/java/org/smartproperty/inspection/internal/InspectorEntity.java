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

import org.smartproperty.inspection.UnitKind;
import org.smartproperty.platform.persistence.AuditedEntity;

/** An inspector (ins_inspector, SUP-DR-3); {@code ties} the conflicts of interest as JSON. */
@Entity
@Table(name = "ins_inspector")
public class InspectorEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "ins_inspector_seq", sequenceName = "ins_inspector_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ins_inspector_seq")
    Long id;

    @Column(name = "name") String name;
    @Column(name = "unit") String unit;
    @Enumerated(EnumType.STRING) @Column(name = "unit_kind") UnitKind unitKind;
    @Column(name = "account_name") String accountName;
    @Column(name = "ties") String ties;
    @Convert(converter = Flag.class) @Column(name = "active") boolean active;
}
