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

import org.smartproperty.service.RepairStatus;

/** One step of a repair's timeline (svc_repair_event). */
@Entity
@Table(name = "svc_repair_event")
public class RepairEventEntity {

    @Id
    @SequenceGenerator(name = "svc_repair_event_seq", sequenceName = "svc_repair_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "svc_repair_event_seq")
    Long id;

    @Column(name = "repair_id") long repairId;
    @Column(name = "action") String action;
    @Enumerated(EnumType.STRING) @Column(name = "from_status") RepairStatus fromStatus;
    @Enumerated(EnumType.STRING) @Column(name = "to_status") RepairStatus toStatus;
    @Column(name = "actor") String actor;
    @Column(name = "event_at") Instant at;
    @Column(name = "note") String note;
}
