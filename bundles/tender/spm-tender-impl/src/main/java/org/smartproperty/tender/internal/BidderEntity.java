package org.smartproperty.tender.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code tnd_bidder}. */
@Entity
@Table(name = "tnd_bidder")
public class BidderEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "tnd_bidder_seq", sequenceName = "tnd_bidder_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tnd_bidder_seq")
    Long id;

    @Column(name = "tender_id") long tenderId;
    @Column(name = "company_id") long companyId;
    @Column(name = "company_name") String companyName;
}
