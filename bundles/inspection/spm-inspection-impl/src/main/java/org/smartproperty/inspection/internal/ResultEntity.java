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

import org.smartproperty.inspection.Outcome;
import org.smartproperty.platform.persistence.AuditedEntity;

/** One result (ins_result, SUP-DR-4); recorded at/by = created at/by. */
@Entity
@Table(name = "ins_result")
public class ResultEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "ins_result_seq", sequenceName = "ins_result_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ins_result_seq")
    Long id;

    @Column(name = "task_id") long taskId;
    @Column(name = "object_id") long objectId;
    @Column(name = "item_id") long itemId;
    @Enumerated(EnumType.STRING) @Column(name = "outcome") Outcome outcome;
    @Column(name = "note") String note;
}
