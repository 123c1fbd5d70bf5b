package org.smartproperty.expert.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code exp_expert} (changeset exp-1); version and created/updated at/by come from {@link AuditedEntity}. */
@Entity
@Table(name = "exp_expert")
public class ExpertEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "exp_expert_seq", sequenceName = "exp_expert_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exp_expert_seq")
    Long id;

    @Column(name = "title") String title;
}
