package org.smartproperty.complaint.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartproperty.complaint.ComplaintWorkflow;
import org.smartproperty.platform.rest.WorkflowEndpoints;

/** Every complaint transition a person fires is POST /complaints/{id}/<name> with If-Match and a body (issue 10 item 2, SVC-CMP-2..4). */
class ComplaintTransitionsTest {

    @Test
    void everyTransitionHasItsEndpoint_SVC_CMP_2() {
        assertEquals(List.of(), WorkflowEndpoints.problems(ComplaintWorkflow.TABLE, ComplaintResource.class));
    }
}
