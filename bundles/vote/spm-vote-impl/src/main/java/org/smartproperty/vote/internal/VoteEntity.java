package org.smartproperty.vote.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code vot_vote} (changeset vot-1); version and created/updated at/by come from {@link AuditedEntity}. */
@Entity
@Table(name = "vot_vote")
public class VoteEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "vot_vote_seq", sequenceName = "vot_vote_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vot_vote_seq")
    Long id;

    @Column(name = "title") String title;
}
