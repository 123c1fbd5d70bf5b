package org.smartproperty.vote.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code vot_matter}: one matter of a vote; its rule is copied from vot_rule when the vote is noticed (null before). */
@Entity
@Table(name = "vot_matter")
public class MatterEntity {

    @Id
    @SequenceGenerator(name = "vot_matter_seq", sequenceName = "vot_matter_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vot_matter_seq")
    Long id;

    @Column(name = "vote_id") long voteId;
    @Column(name = "seq") int seq;
    @Column(name = "title") String title;
    @Column(name = "description") String description;
    @Column(name = "category") String category;
    @Column(name = "quorum_num") Integer quorumNum;
    @Column(name = "quorum_den") Integer quorumDen;
    @Column(name = "quorum_cmp") String quorumCmp;
    @Column(name = "pass_num") Integer passNum;
    @Column(name = "pass_den") Integer passDen;
    @Column(name = "pass_cmp") String passCmp;
}
