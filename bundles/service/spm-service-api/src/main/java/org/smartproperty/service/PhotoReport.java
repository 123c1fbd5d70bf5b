package org.smartproperty.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/**
 * An owner's photo report (随手拍, SVC-PAT-1) with its location (CGCS2000 ≈ WGS84) and photos.
 * {@code reporterName} is masked (ID-2) unless the caller is the reporter. {@code taskId} is the
 * patrol task it became part of.
 */
public record PhotoReport(long id, long estateId, Long companyId, Long reporterAccountId, String reporterName, BigDecimal latitude,
                          BigDecimal longitude, String location, String description, List<Attachment> photos, PhotoReportStatus status,
                          Long taskId, Instant reportedAt, long version) {
}
