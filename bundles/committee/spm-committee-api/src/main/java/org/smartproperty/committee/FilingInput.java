package org.smartproperty.committee;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/**
 * The filing form the elected head submits (OCS-4): the materials (election record, rules, member
 * list…), each a title and the id of a file uploaded to {@code /api/v1/files}, at least one; and a note.
 */
public record FilingInput(List<AttachmentInput> materials, String note) {
}
