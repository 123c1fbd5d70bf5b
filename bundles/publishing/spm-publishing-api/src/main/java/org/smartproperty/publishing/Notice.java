package org.smartproperty.publishing;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/**
 * A notice (PUB-2, COS-9, MAP-7). {@code estateIds} empty = zone-wide (only the regulator's); an estate notice names exactly
 * its estate. {@code windowStart/End} the cut's time window; {@code reason} the latest return's; {@code reviewRequired} whether
 * the regulator reviews it (its category and publisher kind). {@code version} is the ETag.
 */
public record Notice(long id, PublisherKind publisherKind, String publisherName, List<Long> estateIds, String category, String categoryLabel,
                     String title, String body, boolean urgent, Instant windowStart, Instant windowEnd, Instant publishAt, Instant expireAt,
                     Instant publishedAt, NoticeStatus status, boolean reviewRequired, String reason, List<Attachment> attachments,
                     String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20_000;
    public static final int ESTATES_MAX = 200;
}
