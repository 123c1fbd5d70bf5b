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

import org.smartproperty.inspection.UnitKind;

/** One drawn inspector of a drawn object (ins_drawn_inspector, DR-2), frozen; {@code accountName} decides who records results. */
@Entity
@Table(name = "ins_drawn_inspector")
public class DrawnInspectorEntity {

    @Id
    @SequenceGenerator(name = "ins_drawn_seq", sequenceName = "ins_drawn_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ins_drawn_seq")
    Long id;

    @Column(name = "task_id") long taskId;
    @Column(name = "object_id") long objectId;
    @Column(name = "position") int position;
    @Column(name = "inspector_id") long inspectorId;
    @Column(name = "name") String name;
    @Column(name = "unit") String unit;
    @Enumerated(EnumType.STRING) @Column(name = "unit_kind") UnitKind unitKind;
    @Column(name = "account_name") String accountName;
}
