package org.smartproperty.service.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.rest.WorkflowEndpoints;
import org.smartproperty.service.PatrolWorkflow;
import org.smartproperty.service.RepairWorkflow;

/** Every repair and patrol task transition a person fires is POST {id}/<name> with If-Match and a body (issue 10 item 2). */
class ServiceTransitionsTest {

    @Test
    void everyRepairTransitionHasItsEndpoint_SVC_REP_1() {
        assertEquals(List.of(), WorkflowEndpoints.problems(RepairWorkflow.TABLE, RepairResource.class));
    }

    @Test
    void everyPatrolTransitionHasItsEndpoint_SVC_PAT_1() {
        assertEquals(List.of(), WorkflowEndpoints.problems(PatrolWorkflow.TABLE, PatrolResource.class));
    }
}
