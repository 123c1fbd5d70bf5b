package org.smartproperty.credit;

import java.time.LocalDate;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/**
 * A good or bad record (CRD-1, CRD-2): source, date, issuer, evidence, points, validity; {@code veto} sends the company
 * straight to the lowest grade while it counts. {@code status} is as of today (EXPIRED once {@code validUntil} has passed).
 */
public record CreditRecord(long id, long companyId, String companyName, RecordKind kind, RecordSource source, String ruleCode,
                           int points, boolean veto, LocalDate occurredOn, LocalDate validUntil, String issuer, String reason,
                           String reference, RecordStatus status, String statusReason, boolean appealable,
                           List<Attachment> evidence, long version) {
}
