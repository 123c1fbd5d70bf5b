package org.smartproperty.assessment;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/**
 * Body of POST …/reports/{companyId}/submit: a value for every self-reported indicator of the round's set, with evidence
 * (files uploaded first through POST /api/v1/files) where the indicator requires it.
 */
public record ReportSubmission(List<Value> values) {

    public record Value(Long indicatorId, String value, List<AttachmentInput> evidence) {
    }
}
