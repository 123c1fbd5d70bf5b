package org.smartproperty.vote.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code vot_rule}: the thresholds of one art. 278 category (rules as data, VOTE-2..4). */
@Entity
@Table(name = "vot_rule")
public class RuleEntity extends AuditedEntity {

    @Id
    @Column(name = "category") String category;
    @Column(name = "article") int article;
    @Column(name = "quorum_num") int quorumNum;
    @Column(name = "quorum_den") int quorumDen;
    @Column(name = "quorum_cmp") String quorumCmp;
    @Column(name = "pass_num") int passNum;
    @Column(name = "pass_den") int passDen;
    @Column(name = "pass_cmp") String passCmp;
}
