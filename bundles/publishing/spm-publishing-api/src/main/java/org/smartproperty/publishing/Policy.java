package org.smartproperty.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/**
 * A policy or regulation (PUB-1). {@code repealed} is true once {@code repealDate} is reached (shown as such, still found);
 * {@code fullText} and {@code attachments} are left out of lists. {@code version} is the ETag.
 */
public record Policy(long id, PolicyLevel level, String issuer, String docNumber, String title, String summary, String fullText,
                     LocalDate effectiveDate, LocalDate repealDate, boolean repealed, PolicyStatus status, Instant publishedAt,
                     List<Attachment> attachments, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public static final int TITLE_MAX = 200;
    public static final int ISSUER_MAX = 100;
    public static final int NUMBER_MAX = 100;
    public static final int SUMMARY_MAX = 2000;
    public static final int TEXT_MAX = 200_000;
}
