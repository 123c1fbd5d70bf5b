package org.smartproperty.estate.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

@Entity
@Table(name = "est_building_unit")
public class BuildingUnitEntity {

    @Id
    @SequenceGenerator(name = "est_building_unit_seq", sequenceName = "est_building_unit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "est_building_unit_seq")
    Long id;

    @Column(name = "building_id") long buildingId;
    @Column(name = "name") String name;
    @Column(name = "ordinal") int ordinal;
}
