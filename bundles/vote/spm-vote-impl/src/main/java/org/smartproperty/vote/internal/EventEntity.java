package org.smartproperty.vote.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code vot_event}: one step of a vote's history. */
@Entity
@Table(name = "vot_event")
public class EventEntity {

    @Id
    @SequenceGenerator(name = "vot_event_seq", sequenceName = "vot_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vot_event_seq")
    Long id;

    @Column(name = "vote_id") long voteId;
    @Column(name = "action") String action;
    @Column(name = "from_status") String fromStatus;
    @Column(name = "to_status") String toStatus;
    @Column(name = "actor") String actor;
    @Column(name = "event_at") long eventAt;
    @Column(name = "reason") String reason;
}
