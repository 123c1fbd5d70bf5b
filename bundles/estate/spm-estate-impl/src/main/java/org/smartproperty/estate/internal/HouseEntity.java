package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.platform.persistence.AuditedEntity;

@Entity
@Table(name = "est_house")
public class HouseEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "est_house_seq", sequenceName = "est_house_seq", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "est_house_seq")
    Long id;

    @Column(name = "estate_id") long estateId;
    @Column(name = "building_id") long buildingId;
    @Column(name = "unit_id") Long unitId;
    @Column(name = "unit_code") String unitCode;
    @Column(name = "floor_no") int floor;
    @Column(name = "room_no") String roomNo;
    @Enumerated(EnumType.STRING) @Column(name = "house_use") HouseUse use;
    @Column(name = "planned_area") BigDecimal plannedArea;
    @Column(name = "measured_area") BigDecimal measuredArea;
    @Enumerated(EnumType.STRING) @Column(name = "status") HouseStatus status;
}
