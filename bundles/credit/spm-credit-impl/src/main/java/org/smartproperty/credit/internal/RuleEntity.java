package org.smartproperty.credit.internal;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.credit.RecordKind;
import org.smartproperty.credit.RecordSource;
import org.smartproperty.platform.persistence.AuditedEntity;

/** One row of the rule table (seeded by changeset crd-1, changed by the regulator). */
@Entity
@Table(name = "crd_rule")
public class RuleEntity extends AuditedEntity {
    @Id @Column(name = "code") String code;
    @Enumerated(EnumType.STRING) @Column(name = "source") RecordSource source;
    @Column(name = "condition_name") String condition;
    @Enumerated(EnumType.STRING) @Column(name = "kind") RecordKind kind;
    @Column(name = "points") int points;
    @Column(name = "valid_months") int validMonths;
    @Column(name = "veto") boolean veto;
    @Column(name = "active") boolean active;
    @Column(name = "description") String description;
}
