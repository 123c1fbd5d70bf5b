package org.smartproperty.tender.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code tnd_rule}. */
@Entity
@Table(name = "tnd_rule")
public class RuleEntity extends AuditedEntity {

    @Id
    @Column(name = "code") String code;
    @Column(name = "amount") int amount;
    @Column(name = "unit") String unit;
    @Column(name = "description") String description;
}
