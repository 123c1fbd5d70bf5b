package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.HttpHeaders;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.WorkflowEndpoints;
import org.smartproperty.platform.rest.WorkflowTransition;
import org.smartproperty.platform.workflow.DeadlineStep;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.workflow.TransitionTable;

/** Issue 10 item 2: every transition is POST {id}/<name> with a body, and the OpenAPI document shows its source states. */
class OpenApiWorkflowTest {

    enum S { OPEN, DONE, GONE }

    /** A table holder, as a domain API declares one. */
    public static final class Flow {
        public static final TransitionTable<S> TABLE = TransitionTable.builder(S.class, Messages.PLATFORM, "flow")
                .initial(S.OPEN).terminal(S.GONE)
                .on("finish", S.OPEN).permission("flow:handle").by(Party.ASSIGNEE, Party.REGULATOR).requiredText("report", "x")
                        .photos("photos", 3).deadline(DeadlineStep.COMPLETE).to(S.DONE)
                .on("drop", S.OPEN, S.DONE).by(Party.REPORTER).text("reason").deadline(DeadlineStep.CANCEL).to(S.GONE)
                .build();
    }

    public record Body(String report) {
    }

    @Path("flows")
    public static class FlowResource {
        @POST
        @Path("{id}/finish")
        @WorkflowTransition(table = Flow.class, value = "finish")
        @RequiresPermission("flow:handle")
        @Doc(summary = "Finish", description = "Body {report, photos}.")
        public String finish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Body body) {
            return "";
        }

        @POST
        @Path("{id}/drop")
        @WorkflowTransition(table = Flow.class, value = "drop")
        public String drop(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Body body) {
            return "";
        }
    }

    @Path("bad")
    public static class BadResource {
        @POST
        @Path("{id}/end")
        @WorkflowTransition(table = Flow.class, value = "finish")
        public String finish(@PathParam("id") String id, Body body) {
            return "";
        }

        @POST
        @Path("{id}/nope")
        @WorkflowTransition(table = Flow.class, value = "nope")
        public String nope(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Body body) {
            return "";
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentShowsEachTransitionsSourceStatesAndRow() {
        Map<String, Object> doc = new OpenApiGenerator().document(List.of(FlowResource.class), "test");
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        Map<String, Object> finish = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/flows/{id}/finish")).get("post");
        assertEquals(List.of("OPEN"), finish.get("x-spm-from-states"));
        assertEquals("DONE", finish.get("x-spm-to-state"));
        assertEquals(List.of("ASSIGNEE", "REGULATOR"), finish.get("x-spm-parties"));
        assertEquals("flow:handle", finish.get("x-spm-permission"));
        assertEquals(Map.of("report", "required", "photos", "0..3 images"), finish.get("x-spm-body"));
        assertEquals("COMPLETE", finish.get("x-spm-deadline"));
        assertEquals("Body {report, photos}. Workflow transition finish: allowed from OPEN → DONE; by ASSIGNEE, REGULATOR with flow:handle. Needs permission flow:handle.",
                finish.get("description"));
        Map<String, Object> drop = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/flows/{id}/drop")).get("post");
        assertEquals(List.of("OPEN", "DONE"), drop.get("x-spm-from-states"));
        assertTrue(((String) drop.get("description")).startsWith("Workflow transition drop: allowed from OPEN, DONE → GONE"));
    }

    @Test
    void aResourceOffersEveryTransitionInTheOneShape() {
        assertEquals(List.of(), WorkflowEndpoints.problems(Flow.TABLE, FlowResource.class));
        List<String> problems = WorkflowEndpoints.problems(Flow.TABLE, BadResource.class);
        assertTrue(problems.contains("BadResource.finish: not POST {id}/finish ({id}/end)"), problems.toString());
        assertTrue(problems.contains("BadResource.finish: no If-Match header parameter"), problems.toString());
        assertTrue(problems.contains("BadResource.nope: the table has no transition nope"), problems.toString());
        assertTrue(problems.contains("flow transition drop has no endpoint"), problems.toString());
    }
}
