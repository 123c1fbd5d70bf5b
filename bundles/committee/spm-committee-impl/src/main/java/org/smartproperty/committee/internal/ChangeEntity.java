package org.smartproperty.committee.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** One entry of a committee's change history (OCS-2); never updated. */
@Entity
@Table(name = "ocm_change")
public class ChangeEntity {

    @Id
    @SequenceGenerator(name = "ocm_change_seq", sequenceName = "ocm_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ocm_change_seq")
    Long id;

    @Column(name = "committee_id") long committeeId;
    @Column(name = "action") String action;
    @Column(name = "changes") String changes;
    @Column(name = "changed_by") String changedBy;
    @Column(name = "changed_at") Instant changedAt;
}
