package org.smartproperty.expert.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/**
 * An expert taken from a draw's order ({@code exp_pick}): a drawn seat (origin DRAWN), a reserve (RESERVE; seat null while
 * WAITING) or one drawn beyond the reserves (SUPPLEMENTARY). Status PENDING / CONFIRMED hold the seat; DECLINED,
 * TIMED_OUT, SKIPPED are done; WAITING is a reserve not called.
 */
@Entity
@Table(name = "exp_pick")
public class PickEntity extends AuditedEntity {

    static final String WAITING = "WAITING";
    static final String PENDING = "PENDING";
    static final String CONFIRMED = "CONFIRMED";
    static final String DECLINED = "DECLINED";
    static final String TIMED_OUT = "TIMED_OUT";
    static final String SKIPPED = "SKIPPED";

    @Id
    @SequenceGenerator(name = "exp_pick_seq", sequenceName = "exp_pick_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exp_pick_seq")
    Long id;

    @Column(name = "draw_id") long drawId;
    @Column(name = "rank_no") int rank;
    @Column(name = "expert_id") long expertId;
    @Column(name = "name") String name;
    @Column(name = "account_name") String accountName;
    @Column(name = "origin") String origin;
    @Column(name = "seat") Integer seat;
    @Column(name = "status") String status;
    // nullable timestamps as OffsetDateTime: a null Instant through the converter binds as VARCHAR on PostgreSQL
    @Column(name = "confirm_by") java.time.OffsetDateTime confirmBy;
    @Column(name = "responded_at") java.time.OffsetDateTime respondedAt;
    @Column(name = "responded_by") String respondedBy;
    @Column(name = "reason") String reason;

    Instant confirmBy() {
        return confirmBy == null ? null : confirmBy.toInstant();
    }

    Instant respondedAt() {
        return respondedAt == null ? null : respondedAt.toInstant();
    }

    boolean holdsSeat() {
        return PENDING.equals(status) || CONFIRMED.equals(status);
    }
}
