package org.smartproperty.committee.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.committee.Position;

@Entity
@Table(name = "ocm_member")
public class MemberEntity {

    @Id
    @SequenceGenerator(name = "ocm_member_seq", sequenceName = "ocm_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ocm_member_seq")
    Long id;

    @Column(name = "committee_id") long committeeId;
    @Column(name = "owner_id") long ownerId;
    @Column(name = "name") String name;
    @Column(name = "phone") String phone;
    @Enumerated(EnumType.STRING) @Column(name = "position") Position position;
    @Column(name = "sort_order") int sortOrder;
}
