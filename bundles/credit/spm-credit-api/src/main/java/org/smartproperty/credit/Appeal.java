package org.smartproperty.credit;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/** An appeal (异议申诉) against a record; {@code dueAt} is the regulator's time limit from the deadline engine. */
public record Appeal(long id, long recordId, long companyId, String companyName, AppealStatus status, String reason,
                     String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt, String decisionReason,
                     Instant dueAt, List<Attachment> evidence, long version) {
}
