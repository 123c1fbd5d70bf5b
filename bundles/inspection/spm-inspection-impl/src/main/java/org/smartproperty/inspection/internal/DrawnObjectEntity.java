package org.smartproperty.inspection.internal;

import javax.persistence.Column;
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

/** One drawn object of a task (ins_drawn_object, DR-2): a copy of the library row at the draw, frozen. */
@Entity
@Table(name = "ins_drawn_object")
public class DrawnObjectEntity {

    @Id
    @SequenceGenerator(name = "ins_drawn_seq", sequenceName = "ins_drawn_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ins_drawn_seq")
    Long id;

    @Column(name = "task_id") long taskId;
    @Column(name = "position") int position;
    @Column(name = "object_id") long objectId;
    @Column(name = "name") String name;
    @Enumerated(EnumType.STRING) @Column(name = "kind") Target kind;
    @Column(name = "ref_id") long refId;
    @Column(name = "company_id") long companyId;
    @Enumerated(EnumType.STRING) @Column(name = "risk_level") RiskLevel riskLevel;
}
