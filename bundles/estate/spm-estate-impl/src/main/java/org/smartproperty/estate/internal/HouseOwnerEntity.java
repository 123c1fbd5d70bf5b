package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.PrePersist;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

@Entity
@Table(name = "est_house_owner")
public class HouseOwnerEntity {

    @Id
    @SequenceGenerator(name = "est_house_owner_seq", sequenceName = "est_house_owner_seq", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "est_house_owner_seq")
    Long id;

    @Column(name = "house_id") long houseId;
    @Column(name = "owner_id") long ownerId;
    @Column(name = "share") BigDecimal share;
    @Column(name = "created_at") Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
