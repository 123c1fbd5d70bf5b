package org.smartproperty.service;

import java.math.BigDecimal;
import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/**
 * A new photo report (随手拍, SVC-PAT-1): {@code estateId} (an estate where the owner owns a house;
 * may be left out when there is only one), {@code latitude}/{@code longitude} inside Hengqin
 * (22.08–22.16 N, 113.47–113.57 E), an optional {@code location} text, {@code description}
 * (required) and at least one photo (JPEG/PNG uploaded to /api/v1/files, at most 9).
 */
public record PhotoReportInput(Long estateId, BigDecimal latitude, BigDecimal longitude, String location, String description,
                               List<AttachmentInput> photos) {
}
