package org.smartproperty.service.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.service.PatrolStatus;

/** One step of a patrol task's timeline (svc_patrol_event). */
@Entity
@Table(name = "svc_patrol_event")
public class PatrolEventEntity {

    @Id
    @SequenceGenerator(name = "svc_patrol_event_seq", sequenceName = "svc_patrol_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "svc_patrol_event_seq")
    Long id;

    @Column(name = "task_id") long taskId;
    @Column(name = "action") String action;
    @Enumerated(EnumType.STRING) @Column(name = "from_status") PatrolStatus fromStatus;
    @Enumerated(EnumType.STRING) @Column(name = "to_status") PatrolStatus toStatus;
    @Column(name = "actor") String actor;
    @Column(name = "event_at") Instant at;
    @Column(name = "note") String note;
}
