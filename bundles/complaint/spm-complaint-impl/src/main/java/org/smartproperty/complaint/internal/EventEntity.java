package org.smartproperty.complaint.internal;

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

import org.smartproperty.complaint.ComplaintStatus;

/** One step of a complaint's timeline (cpl_event). */
@Entity
@Table(name = "cpl_event")
public class EventEntity {

    @Id
    @SequenceGenerator(name = "cpl_event_seq", sequenceName = "cpl_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cpl_event_seq")
    Long id;

    @Column(name = "complaint_id") long complaintId;
    @Column(name = "action") String action;
    @Enumerated(EnumType.STRING) @Column(name = "from_status") ComplaintStatus fromStatus;
    @Enumerated(EnumType.STRING) @Column(name = "to_status") ComplaintStatus toStatus;
    @Column(name = "actor") String actor;
    @Column(name = "event_at") Instant at;
    @Column(name = "note") String note;
}
