package org.smartproperty.company;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/**
 * One filing round (SUP-CO-2, COS-2): the form as submitted, its status and the regulator's
 * decision with its reason. {@code version} is the ETag the decision must carry in If-Match.
 */
public record Filing(long id, long companyId, FilingStatus status, String qualificationGrade, String certificateNumber,
                     String creditInformation, List<Attachment> materials, String note, String submittedBy,
                     Instant submittedAt, String decidedBy, Instant decidedAt, String reason, long version) {
}
