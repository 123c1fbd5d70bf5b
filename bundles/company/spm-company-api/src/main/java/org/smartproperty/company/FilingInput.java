package org.smartproperty.company;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/**
 * The filing form a company submits (COS-2): qualification proof, credit information and its
 * materials: each a title and the id of a file uploaded to {@code /api/v1/files} (PDF, JPEG or PNG; at least one).
 */
public record FilingInput(String qualificationGrade, String certificateNumber, String creditInformation,
                          List<AttachmentInput> materials, String note) {
}
