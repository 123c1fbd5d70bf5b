package org.smartproperty.vote.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code vot_setting}: whether the estate's assembly rules allow deemed votes (VOTE-7). */
@Entity
@Table(name = "vot_setting")
public class SettingEntity extends AuditedEntity {

    @Id
    @Column(name = "estate_id") Long estateId;
    @Column(name = "deemed_allowed") boolean deemedAllowed;
    @Column(name = "basis") String basis;
}
