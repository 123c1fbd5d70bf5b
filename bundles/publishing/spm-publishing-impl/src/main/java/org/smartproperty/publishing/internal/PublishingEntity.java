package org.smartproperty.publishing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code pub_publishing} (changeset pub-1); version and created/updated at/by come from {@link AuditedEntity}. */
@Entity
@Table(name = "pub_publishing")
public class PublishingEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "pub_publishing_seq", sequenceName = "pub_publishing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pub_publishing_seq")
    Long id;

    @Column(name = "title") String title;
}
