package org.smartproperty.tender.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code tnd_tender} (changeset tnd-1); version and created/updated at/by come from {@link AuditedEntity}. */
@Entity
@Table(name = "tnd_tender")
public class TenderEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "tnd_tender_seq", sequenceName = "tnd_tender_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tnd_tender_seq")
    Long id;

    @Column(name = "title") String title;
}
