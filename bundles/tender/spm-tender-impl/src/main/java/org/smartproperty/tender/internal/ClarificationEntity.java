package org.smartproperty.tender.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code tnd_clarification}. */
@Entity
@Table(name = "tnd_clarification")
public class ClarificationEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "tnd_clarification_seq", sequenceName = "tnd_clarification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tnd_clarification_seq")
    Long id;

    @Column(name = "tender_id") long tenderId;
    @Column(name = "text") String text;
    @Column(name = "deadline_moved") boolean deadlineMoved;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "deadline_before") Instant deadlineBefore;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "deadline_after") Instant deadlineAfter;
}
