package org.smartproperty.publishing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.review.jpa.ReviewRound;

/** A review round of an estate notice ({@code pub_notice_round}, review kernel; history in {@code pub_notice_event}). */
@Entity
@Table(name = "pub_notice_round")
public class NoticeRound extends ReviewRound {

    @Id
    @SequenceGenerator(name = "pub_notice_round_seq", sequenceName = "pub_notice_round_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pub_notice_round_seq")
    Long id;

    @Column(name = "notice_id") long noticeId;

    @Override
    public Long roundId() {
        return id;
    }

    @Override
    public long subjectId() {
        return noticeId;
    }
}
