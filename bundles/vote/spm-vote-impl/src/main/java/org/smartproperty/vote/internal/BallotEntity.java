package org.smartproperty.vote.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/**
 * A row of {@code vot_ballot}. {@code currentKey} ({@code vote:matter:elector}, unique) is set while the ballot counts and
 * cleared when a changed ballot supersedes it: the unique constraint keeps one counted ballot per elector and matter (VOTE-6)
 * however many requests arrive at once.
 */
@Entity
@Table(name = "vot_ballot")
public class BallotEntity {

    @Id
    @SequenceGenerator(name = "vot_ballot_seq", sequenceName = "vot_ballot_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vot_ballot_seq")
    Long id;

    @Column(name = "vote_id") long voteId;
    @Column(name = "matter_id") long matterId;
    @Column(name = "elector_key") String electorKey;
    @Column(name = "choice") String choice;
    @Column(name = "channel") String channel;
    @Column(name = "cast_at") long castAt;
    @Column(name = "cast_by") String castBy;
    @Column(name = "nonce") String nonce;
    @Column(name = "receipt") String receipt;
    @Column(name = "superseded_at") Long supersededAt;
    @Column(name = "current_key") String currentKey;
    @Column(name = "scan_ref") String scanRef;

    static String currentKey(long voteId, long matterId, String electorKey) {
        return voteId + ":" + matterId + ":" + electorKey;
    }
}
