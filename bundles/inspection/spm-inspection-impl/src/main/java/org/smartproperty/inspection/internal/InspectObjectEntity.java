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

import org.smartproperty.inspection.RiskLevel;
import org.smartproperty.inspection.Target;
import org.smartproperty.platform.persistence.AuditedEntity;

/** An inspectable object (ins_object, DR-1). */
@Entity
@Table(name = "ins_object")
public class InspectObjectEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "ins_object_seq", sequenceName = "ins_object_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ins_object_seq")
    Long id;

    @Enumerated(EnumType.STRING) @Column(name = "kind") Target kind;
    @Column(name = "ref_id") long refId;
    @Column(name = "name") String name;
    @Column(name = "company_id") long companyId;
    @Enumerated(EnumType.STRING) @Column(name = "risk_level") RiskLevel riskLevel;
    @Convert(converter = Flag.class) @Column(name = "active") boolean active;
}
