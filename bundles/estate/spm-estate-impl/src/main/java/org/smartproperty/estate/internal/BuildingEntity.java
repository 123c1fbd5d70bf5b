package org.smartproperty.estate.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

@Entity
@Table(name = "est_building")
public class BuildingEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "est_building_seq", sequenceName = "est_building_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "est_building_seq")
    Long id;

    @Column(name = "estate_id") long estateId;
    @Column(name = "number") String number;
    @Column(name = "name") String name;
    @Column(name = "floors_above") int floorsAbove;
    @Column(name = "floors_below") int floorsBelow;
}
