package org.smartproperty.inspection;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/** Body of POST /inspections/tasks/{id}/results (SUP-DR-4); photos uploaded first to /api/v1/files. */
public record ResultInput(Long objectId, Long itemId, Outcome outcome, String note, List<AttachmentInput> photos) {
}
