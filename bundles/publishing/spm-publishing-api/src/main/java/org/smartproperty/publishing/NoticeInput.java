package org.smartproperty.publishing;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/**
 * A notice as its publisher writes it (POST/PUT /api/v1/notices). {@code estateIds}: the regulator's chosen estates (empty =
 * zone-wide); a company or committee names exactly one of its estates. {@code publishAt} empty = at once; {@code urgent} empty = false.
 */
public record NoticeInput(String category, String title, String body, List<Long> estateIds, Boolean urgent, Instant windowStart,
                          Instant windowEnd, Instant publishAt, Instant expireAt, List<AttachmentInput> attachments) {
}
