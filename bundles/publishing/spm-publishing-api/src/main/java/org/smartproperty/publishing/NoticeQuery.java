package org.smartproperty.publishing;

/** Filters of the console's notice list (each optional). {@code review} = only those waiting for the regulator's review. */
public record NoticeQuery(NoticeStatus status, String category, Long estateId, PublisherKind publisherKind) {
}
