package org.smartproperty.publishing.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.publishing.NoticeStatus;
import org.smartproperty.publishing.PublisherKind;

/** A row of {@code pub_notice} (PUB-2, COS-9, MAP-7); its estates are in {@code pub_notice_estate}, its review rounds in {@code pub_notice_round}. */
@Entity
@Table(name = "pub_notice")
public class NoticeEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "pub_notice_seq", sequenceName = "pub_notice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pub_notice_seq")
    Long id;

    @Enumerated(EnumType.STRING) @Column(name = "publisher_kind") PublisherKind publisherKind;
    /** COMPANY: the company id; COMMITTEE: the estate id; REGULATOR: null. */
    @Column(name = "publisher_org") Long publisherOrg;
    @Column(name = "publisher_name") String publisherName;
    @Column(name = "category") String category;
    @Column(name = "title") String title;
    @Column(name = "body") String body;
    @Column(name = "urgent") boolean urgent;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "window_start") Instant windowStart;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "window_end") Instant windowEnd;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "publish_at") Instant publishAt;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "expire_at") Instant expireAt;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "published_at") Instant publishedAt;
    @Enumerated(EnumType.STRING) @Column(name = "status") NoticeStatus status;
    @Column(name = "review_required") boolean reviewRequired;
}
