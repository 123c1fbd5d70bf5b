package org.smartproperty.vote.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.vote.VoteStatus;

/** A row of {@code vot_vote} (changeset vot-1). Times as epoch milliseconds (optional ones may be null on both engines). */
@Entity
@Table(name = "vot_vote")
public class VoteEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "vot_vote_seq", sequenceName = "vot_vote_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vot_vote_seq")
    Long id;

    @Column(name = "estate_id") long estateId;
    @Column(name = "estate_name") String estateName;
    @Column(name = "company_id") Long companyId;
    @Column(name = "title") String title;
    @Column(name = "description") String description;
    @Column(name = "initiator_kind") String initiatorKind;
    @Column(name = "initiator_name") String initiatorName;
    @Column(name = "status") String status;
    @Column(name = "suspended_from") String suspendedFrom;
    @Column(name = "reason") String reason;
    @Column(name = "starts_at") long startsAt;
    @Column(name = "ends_at") long endsAt;
    @Column(name = "noticed_at") Long noticedAt;
    @Column(name = "opened_at") Long openedAt;
    @Column(name = "closed_at") Long closedAt;
    @Column(name = "published_at") Long publishedAt;
    @Column(name = "ballot_change_allowed") boolean ballotChangeAllowed;
    @Column(name = "deemed_allowed") Boolean deemedAllowed;
    @Column(name = "unsold_rule") String unsoldRule;
    @Column(name = "elector_heads") Integer electorHeads;
    @Column(name = "elector_area") Long electorArea;
    @Column(name = "unverified_houses") Integer unverifiedHouses;
    @Column(name = "result_json") String resultJson;
    @Column(name = "result_hash") String resultHash;

    VoteStatus status() {
        return VoteStatus.valueOf(status);
    }

    static Instant time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
