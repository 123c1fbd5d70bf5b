package org.smartproperty.inspection.rest;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.inspection.Draw;
import org.smartproperty.inspection.InspectionMessages;
import org.smartproperty.inspection.InspectionService;
import org.smartproperty.inspection.InspectionWorkflow;
import org.smartproperty.inspection.Result;
import org.smartproperty.inspection.ResultInput;
import org.smartproperty.inspection.Task;
import org.smartproperty.inspection.TaskEvent;
import org.smartproperty.inspection.TaskInput;
import org.smartproperty.inspection.TaskStatus;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.WorkflowTransition;

/**
 * {@code /api/v1/inspections/tasks}: spot-check tasks (SUP-DR-1), their draw (DR-2: the frozen list and its replay from the
 * recorded seed), their results (SUP-DR-4) and their transitions as sub-resources (If-Match; 409 naming the allowed ones).
 */
@Component(service = TaskResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("inspections/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource extends InspectionServiceClient {

    static final String OBJECT = "objects.task";

    @GET
    @RequiresPermission("inspection:read")
    @Doc(summary = "Spot-check tasks with paging and sort", requirements = "SUP-DR-1",
            description = "Filter: status (PLANNED, DRAWN, FINISHED, PUBLISHED, CANCELLED). sort: id, number, name, drawDate, startDate, endDate, "
                    + "status, statusChangedAt.")
    public Page<Task> list(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size,
                           @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, InspectionService.TASK_SORT);
        Validation v = new Validation(InspectionMessages.TEXTS);
        TaskStatus st = QueryParams.optionalEnum(v, "status", status, TaskStatus.class);
        v.throwIfInvalid();
        return service().tasks(Caller.of(sc), st, pr);
    }

    @POST
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Create a spot-check task (PLANNED); its seed is generated and recorded now, before any draw", requirements = "SUP-DR-1, DR-2",
            description = "Body {name, authority, target (COMPANY, ESTATE), itemIds (active items of that target), drawDate, startDate, endDate, "
                    + "rule: {mode: COUNT|RATIO, perLevel: {HIGH: n or ratio in (0, 1], ELEVATED, NORMAL, LOW}}, inspectorsPerObject (at least 2, "
                    + "the configured minimum)}. Number JC-yyyy-nnnnnn.")
    public Response create(TaskInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Task t = service().createTask(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(t.id())).build(), t, t.version());
    }

    @GET
    @Path("{id}")
    @RequiresPermission("inspection:read")
    @Doc(summary = "One spot-check task with its seed (ETag = version)", requirements = "SUP-DR-1, DR-2, DR-3")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Task t = service().task(Caller.of(sc), Api.id(id, OBJECT));
        return Api.ok(t, t.version());
    }

    @GET
    @Path("{id}/events")
    @RequiresPermission("inspection:read")
    @Doc(summary = "The task's timeline, oldest first", requirements = "SUP-DR-1")
    public List<TaskEvent> events(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().events(Caller.of(sc), Api.id(id, OBJECT));
    }

    @POST
    @Path("{id}/draw")
    @WorkflowTransition(table = InspectionWorkflow.class, value = "draw")
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Draw objects and inspectors from the recorded seed: PLANNED → DRAWN; the list is frozen", requirements = "DR-2, SUP-DR-1, SUP-DR-3",
            description = "Body {\"note\": optional}. Snapshots the active objects of the target and the active inspectors with their conflicts "
                    + "of interest, draws (docs/architecture.md \"Double-random draw (DR-2)\") and stores the list; 409 when an object has too few "
                    + "conflict-free inspectors or nothing is drawn; a second draw is 409. Drawn inspectors with an account are notified. If-Match required.")
    public Response draw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body, @Context SecurityContext sc) {
        long tid = Api.id(id, OBJECT);
        Task t = service().draw(Caller.of(sc), tid, Api.expectedVersion(ifMatch), body == null ? null : body.note());
        return Api.ok(t, t.version());
    }

    @GET
    @Path("{id}/draw")
    @RequiresPermission("inspection:read")
    @Doc(summary = "The frozen draw with its seed and algorithm; 409 before the draw", requirements = "DR-2")
    public Draw drawList(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        return described(service().drawList(Caller.of(sc), Api.id(id, OBJECT)), language);
    }

    @GET
    @Path("{id}/draw/replay")
    @RequiresPermission("inspection:read")
    @Doc(summary = "The draw recomputed from the recorded seed and inputs, with identical: true|false", requirements = "DR-2",
            description = "Anyone who may read the task can check that the frozen list is what the seed gives.")
    public Draw replay(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        return described(service().replay(Caller.of(sc), Api.id(id, OBJECT)), language);
    }

    private static Draw described(Draw d, String language) {
        return d.withDescription(InspectionMessages.TEXTS.format(Messages.negotiate(language), "draw.algorithm", d.formerEmployerYears()));
    }

    @GET
    @Path("{id}/results")
    @RequiresPermission("inspection:read")
    @Doc(summary = "The task's results with inspector, time and photos", requirements = "SUP-DR-4")
    public List<Result> results(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().results(Caller.of(sc), Api.id(id, OBJECT));
    }

    @POST
    @Path("{id}/results")
    @RequiresPermission("inspection:record")
    @Doc(summary = "Record one result while the task is DRAWN: by an inspector drawn for the object, or a planner", requirements = "SUP-DR-4, DR-2",
            description = "Body {objectId (drawn), itemId (of the task), outcome (PASS, FAIL, NOT_APPLICABLE), note, photos: [{title, fileId}] "
                    + "(at most 9 images)}. 403 for an inspector not drawn for the object; 409 when the (object, item) has a result (evidence, "
                    + "never replaced). A FAIL reports a credit signal (INSPECTION / item.failed) in the same transaction.")
    public Response record(@PathParam("id") String id, ResultInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Result r = service().recordResult(Caller.of(sc), Api.id(id, OBJECT), input);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build()).entity(r).build();
    }

    @POST
    @Path("{id}/finish")
    @WorkflowTransition(table = InspectionWorkflow.class, value = "finish")
    @RequiresPermission("inspection:plan")
    @Doc(summary = "The inspections are over: DRAWN → FINISHED; the publication deadline (DR-3) starts", requirements = "DR-3, SUP-DR-4",
            description = "Body {\"note\": optional}. Time limit inspection / PUBLISH (20 working days by default). If-Match required.")
    public Response finish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body, @Context SecurityContext sc) {
        long tid = Api.id(id, OBJECT);
        Task t = service().finish(Caller.of(sc), tid, Api.expectedVersion(ifMatch), body == null ? null : body.note());
        return Api.ok(t, t.version());
    }

    @POST
    @Path("{id}/publish")
    @WorkflowTransition(table = InspectionWorkflow.class, value = "publish")
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Publish the results: FINISHED → PUBLISHED; shown on /public/inspections, the deadline completes", requirements = "DR-3, DIS-5, SUP-DR-4",
            description = "Body {\"note\": optional}. If-Match required.")
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body, @Context SecurityContext sc) {
        long tid = Api.id(id, OBJECT);
        Task t = service().publish(Caller.of(sc), tid, Api.expectedVersion(ifMatch), body == null ? null : body.note());
        return Api.ok(t, t.version());
    }

    @POST
    @Path("{id}/cancel")
    @WorkflowTransition(table = InspectionWorkflow.class, value = "cancel")
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Cancel a planned or drawn task: → CANCELLED", requirements = "SUP-DR-1",
            description = "Body {\"reason\": required}. If-Match required.")
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body, @Context SecurityContext sc) {
        long tid = Api.id(id, OBJECT);
        Task t = service().cancel(Caller.of(sc), tid, Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(t, t.version());
    }
}
