package org.smartproperty.tender;

import java.time.Instant;

/**
 * The tender announcement (SUP-TND-3, DEV-3): its text and dates (TND-3: bidDeadline at least BID_PERIOD after documentsFrom;
 * TND-4: submitted at least ANNOUNCEMENT_LEAD before publishAt), the review status of its latest round and when it was published.
 */
public record Announcement(String text, Instant publishAt, Instant documentsFrom, Instant bidDeadline, Instant openingAt,
                           String reviewStatus, Instant publishedAt) {
}
