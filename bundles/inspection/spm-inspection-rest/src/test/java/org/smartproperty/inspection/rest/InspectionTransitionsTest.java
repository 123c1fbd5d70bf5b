package org.smartproperty.inspection.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartproperty.inspection.InspectionWorkflow;
import org.smartproperty.platform.rest.WorkflowEndpoints;

/** Every spot-check task transition is POST {id}/<name> with If-Match and a body (issue 10 item 2). */
class InspectionTransitionsTest {

    @Test
    void everyTaskTransitionHasItsEndpoint_SUP_DR_1_DR_2() {
        assertEquals(List.of(), WorkflowEndpoints.problems(InspectionWorkflow.TABLE, TaskResource.class));
    }
}
