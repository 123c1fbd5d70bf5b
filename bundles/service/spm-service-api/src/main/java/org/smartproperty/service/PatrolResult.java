package org.smartproperty.service;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/** Findings (inspect) or the fix (close) of a patrol task, with photos (JPEG/PNG, at most 9; at least one to close). */
public record PatrolResult(String text, List<AttachmentInput> photos) {
}
