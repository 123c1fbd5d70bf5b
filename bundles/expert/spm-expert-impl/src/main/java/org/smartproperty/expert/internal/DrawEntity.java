package org.smartproperty.expert.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A draw ({@code exp_draw}, SUP-EX-3): rules, seed (never updated) and the snapshot it drew from (JSON). */
@Entity
@Table(name = "exp_draw")
public class DrawEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "exp_draw_seq", sequenceName = "exp_draw_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exp_draw_seq")
    Long id;

    @Column(name = "project_id") long projectId;
    @Column(name = "method") String method;
    @Column(name = "seed", updatable = false) String seed;
    @Column(name = "panel_size") int panelSize;
    @Column(name = "drawn_count") int drawnCount;
    @Column(name = "reserve_count") int reserveCount;
    @Column(name = "specialty") String specialty;
    @Column(name = "confirm_hours") int confirmHours;
    @Column(name = "representatives") String representatives;
    @Column(name = "snapshot", updatable = false) String snapshot;
    @Column(name = "eligible") int eligible;
}
