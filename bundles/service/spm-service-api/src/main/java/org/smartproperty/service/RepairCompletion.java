package org.smartproperty.service;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/** What the company reports back when a repair is done (COS-6): the report (required) and photos of the work (JPEG/PNG, at most 9). */
public record RepairCompletion(String report, List<AttachmentInput> photos) {
}
