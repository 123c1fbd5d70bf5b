package org.smartproperty.company;

import java.util.List;

/**
 * The filing form a company submits (COS-2): qualification proof, credit information and the
 * references of its materials (uploaded documents are stored by the document service).
 */
public record FilingInput(String qualificationGrade, String certificateNumber, String creditInformation,
                          List<String> materials, String note) {
}
