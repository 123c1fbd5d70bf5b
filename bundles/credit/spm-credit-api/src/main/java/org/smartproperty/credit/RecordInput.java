package org.smartproperty.credit;

import java.time.LocalDate;
import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/** A record the regulator issues by hand; {@code validMonths} null = the configured default (CRD-2, 12). */
public record RecordInput(Long companyId, RecordKind kind, RecordSource source, Integer points, Boolean veto, LocalDate occurredOn,
                          Integer validMonths, String reason, List<AttachmentInput> evidence) {
}
