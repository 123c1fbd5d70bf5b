package org.smartproperty.service.rest;

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
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.service.PatrolWorkflow;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.WorkflowTransition;
import org.smartproperty.service.PatrolEvent;
import org.smartproperty.service.PatrolQuery;
import org.smartproperty.service.PatrolResult;
import org.smartproperty.service.PatrolService;
import org.smartproperty.service.PatrolStatus;
import org.smartproperty.service.PatrolTask;
import org.smartproperty.service.PatrolTaskInput;
import org.smartproperty.service.PhotoReport;
import org.smartproperty.service.PhotoReportInput;
import org.smartproperty.service.ServiceMessages;

/**
 * {@code /api/v1/patrols} (SVC-PAT-1..2, COS-5): owners' photo reports ({@code /patrols/reports}),
 * the companies' patrol tasks made of them ({@code /patrols}) and the tasks' transitions as
 * sub-resources (If-Match; 409 naming the allowed ones).
 */
@Component(service = PatrolResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("patrols")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatrolResource extends PatrolServiceClient {

    private static final String TASK = "objects.patrolTask";
    private static final String REPORT = "objects.photoReport";

    @POST
    @Path("reports")
    @RequiresPermission("patrol:report")
    @Doc(summary = "An owner posts a photo report (随手拍) with its location", requirements = "SVC-PAT-1",
            description = "Body {estateId (optional when the owner owns houses in one estate only), latitude, longitude (inside Hengqin, "
                    + "22.08–22.16 N, 113.47–113.57 E), location, description, photos: [{fileId}] (1–9 JPEG/PNG)}. Honours Idempotency-Key.")
    public Response report(PhotoReportInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        PhotoReport r = patrols().report(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build(), r, r.version());
    }

    @GET
    @Path("reports")
    @RequiresPermission("patrol:read")
    @Doc(summary = "Photo reports in the caller's scope", requirements = "SVC-PAT-1, SVC-PAT-2, COS-5",
            description = "Filters: estateId, companyId. sort: id, status, reportedAt. Company: its estates'; committee: its estate's; "
                    + "owner: their own. Reporter names masked except the caller's own.")
    public Page<PhotoReport> reports(@QueryParam("estateId") String estateId, @QueryParam("companyId") String companyId,
                                     @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                                     @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, PatrolService.REPORT_SORT);
        Validation v = new Validation(ServiceMessages.TEXTS);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        Long company = QueryParams.optionalId(v, "companyId", companyId);
        v.throwIfInvalid();
        return patrols().reports(Caller.of(sc), new PatrolQuery(null, estate, company), pr);
    }

    @GET
    @Path("reports/{id}")
    @RequiresPermission("patrol:read")
    @Doc(summary = "One photo report; outside the caller's scope is 404", requirements = "SVC-PAT-1")
    public Response getReport(@PathParam("id") String id, @Context SecurityContext sc) {
        PhotoReport r = patrols().getReport(Caller.of(sc), Api.id(id, REPORT));
        return Api.ok(r, r.version());
    }

    @POST
    @RequiresPermission("patrol:handle")
    @Doc(summary = "The company turns photo reports of one estate it manages into a patrol task with a due date", requirements = "SVC-PAT-1, COS-5",
            description = "Body {reportIds: [..] (REPORTED, one estate), title (default: the first report's description), dueAt (ISO-8601, "
                    + "not after the time limit of domain patrol / TASK, which is the default)}. The deadline starts.")
    public Response createTask(PatrolTaskInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        PatrolTask t = patrols().createTask(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(t.id())).build(), t, t.version());
    }

    @GET
    @RequiresPermission("patrol:read")
    @Doc(summary = "Patrol tasks in the caller's scope with filters and paging", requirements = "SVC-PAT-2, COS-5",
            description = "Filters: status (OPEN, INSPECTED, CLOSED), estateId, companyId. sort: id, number, status, dueAt, createdAt, "
                    + "statusChangedAt. Owners see the tasks made of their reports.")
    public Page<PatrolTask> tasks(@QueryParam("status") String status, @QueryParam("estateId") String estateId,
                                  @QueryParam("companyId") String companyId, @QueryParam("page") String page, @QueryParam("size") String size,
                                  @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, PatrolService.TASK_SORT);
        Validation v = new Validation(ServiceMessages.TEXTS);
        PatrolStatus st = QueryParams.optionalEnum(v, "status", status, PatrolStatus.class);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        Long company = QueryParams.optionalId(v, "companyId", companyId);
        v.throwIfInvalid();
        return patrols().tasks(Caller.of(sc), new PatrolQuery(st, estate, company), pr);
    }

    @GET
    @Path("{id}")
    @RequiresPermission("patrol:read")
    @Doc(summary = "One patrol task (ETag = version); outside the caller's scope is 404", requirements = "SVC-PAT-1, SVC-PAT-2")
    public Response getTask(@PathParam("id") String id, @Context SecurityContext sc) {
        PatrolTask t = patrols().getTask(Caller.of(sc), Api.id(id, TASK));
        return Api.ok(t, t.version());
    }

    @GET
    @Path("{id}/events")
    @RequiresPermission("patrol:read")
    @Doc(summary = "The patrol task's timeline, oldest first", requirements = "SVC-PAT-2")
    public List<PatrolEvent> events(@PathParam("id") String id, @Context SecurityContext sc) {
        return patrols().events(Caller.of(sc), Api.id(id, TASK));
    }

    @POST
    @Path("{id}/inspect")
    @WorkflowTransition(table = PatrolWorkflow.class, value = "inspect")
    @RequiresPermission("patrol:handle")
    @Doc(summary = "Record the findings: OPEN or INSPECTED → INSPECTED", requirements = "SVC-PAT-1, COS-5",
            description = "Body {\"text\": required, \"photos\": [{fileId}] (at most 9)}. If-Match required.")
    public Response inspect(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                            @Context SecurityContext sc) {
        long tid = Api.id(id, TASK);
        PatrolTask t = patrols().inspect(Caller.of(sc), tid, Api.expectedVersion(ifMatch), result(body));
        return Api.ok(t, t.version());
    }

    @POST
    @Path("{id}/close")
    @WorkflowTransition(table = PatrolWorkflow.class, value = "close")
    @RequiresPermission("patrol:handle")
    @Doc(summary = "Record the fix and close: INSPECTED → CLOSED; the reporting owners are told (in-app, SMS), the result is published",
            requirements = "SVC-PAT-1, COS-5", description = "Body {\"text\": required, \"photos\": [{fileId}] (1–9)}. The deadline completes. "
                    + "If-Match required.")
    public Response close(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                          @Context SecurityContext sc) {
        long tid = Api.id(id, TASK);
        PatrolTask t = patrols().close(Caller.of(sc), tid, Api.expectedVersion(ifMatch), result(body));
        return Api.ok(t, t.version());
    }

    private static PatrolResult result(Step body) {
        return body == null ? new PatrolResult(null, null) : new PatrolResult(body.text(), body.photos());
    }
}
