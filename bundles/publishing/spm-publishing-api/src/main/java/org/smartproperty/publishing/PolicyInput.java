package org.smartproperty.publishing;

import java.time.LocalDate;
import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/** What the regulator sends to create or change a policy (body of POST/PUT /api/v1/policies); attachments uploaded first. */
public record PolicyInput(PolicyLevel level, String issuer, String docNumber, String title, String summary, String fullText,
                          LocalDate effectiveDate, LocalDate repealDate, List<AttachmentInput> attachments) {
}
