package org.smartproperty.publishing;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/** A published notice as anyone may read it (/public/notices): no account names; {@code body} and attachments only in the detail. */
public record PublicNotice(long id, PublisherKind publisherKind, String publisherName, List<Long> estateIds, String category,
                           String categoryLabel, String title, String body, boolean urgent, Instant windowStart, Instant windowEnd,
                           Instant publishedAt, Instant expireAt, List<Attachment> attachments) {
}
