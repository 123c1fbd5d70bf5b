package org.smartproperty.complaint.rest;

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
import org.smartproperty.complaint.ComplaintWorkflow;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintCategory;
import org.smartproperty.complaint.ComplaintEvent;
import org.smartproperty.complaint.ComplaintInput;
import org.smartproperty.complaint.ComplaintMessages;
import org.smartproperty.complaint.ComplaintQuery;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.complaint.ComplaintStatus;
import org.smartproperty.complaint.Dispatch;
import org.smartproperty.complaint.Resolution;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.WorkflowTransition;

/**
 * {@code /api/v1/complaints} (SVC-CMP-1..4, OWN-5, COS-7, OCS-8): filing and registration, the
 * scoped list, one complaint with its timeline, and the workflow's transitions as sub-resources
 * (each with If-Match; a transition the status does not allow is 409 naming the allowed ones).
 */
@Component(service = ComplaintResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComplaintResource extends ComplaintServiceClient {

    private static final String COMPLAINT = "objects.complaint";

    @POST
    @RequiresPermission("complaint:create")
    @Doc(summary = "File a complaint online (owner, committee) or register one received by phone / 12345 hotline (regulator)",
            requirements = "SVC-CMP-1, OWN-5, OCS-8",
            description = "Body {channel, category (ENQUIRY, COMPLAINT, REPORT, HELP), estateId, companyId (null: to the regulator), "
                    + "title, content, photos: [{fileId}], complainantName, complainantPhone}. Owners and committees file with channel "
                    + "PORTAL or MINI_PROGRAM (name and phone default to the account's); the regulator registers with PHONE, "
                    + "HOTLINE_12345, WALK_IN or LETTER and the caller's name and phone. Photos: JPEG/PNG uploaded to POST /api/v1/files, "
                    + "at most 9. The complainant gets an SMS: online at the account's own phone only (a complainantPhone in the body is "
                    + "kept as a contact number, never texted), registered by the regulator at the number entered. The deadline (SLA-1) "
                    + "starts. Honours Idempotency-Key.")
    public Response create(ComplaintInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Complaint c = complaints().create(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(c.id())).build(), c, c.version());
    }

    @GET
    @RequiresPermission("complaint:read")
    @Doc(summary = "List complaints in the caller's scope with filters and paging", requirements = "SVC-CMP-5, OWN-5, COS-7, OCS-8",
            description = "Filters: status, category, estateId, companyId. sort: id, number, status, category, registeredAt, statusChangedAt. "
                    + "Regulator: all; company: complaints against it; committee: its estate's and its own; owner: the ones they filed. "
                    + "Names and phones masked except the caller's own.")
    public Page<Complaint> list(@QueryParam("status") String status, @QueryParam("category") String category,
                                @QueryParam("estateId") String estateId, @QueryParam("companyId") String companyId,
                                @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                                @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, ComplaintService.SORT);
        Validation v = new Validation(ComplaintMessages.TEXTS);
        ComplaintStatus st = QueryParams.optionalEnum(v, "status", status, ComplaintStatus.class);
        ComplaintCategory cat = QueryParams.optionalEnum(v, "category", category, ComplaintCategory.class);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        Long company = QueryParams.optionalId(v, "companyId", companyId);
        v.throwIfInvalid();
        return complaints().list(Caller.of(sc), new ComplaintQuery(st, cat, estate, company), pr);
    }

    @GET
    @Path("{id}")
    @RequiresPermission("complaint:read")
    @Doc(summary = "Read one complaint (ETag = version); outside the caller's scope is 404", requirements = "OWN-5, SVC-CMP-3, ID-2",
            description = "The complainant's name and phone are in full for the complainant and the staff handling it (audited), masked otherwise.")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Complaint c = complaints().get(Caller.of(sc), Api.id(id, COMPLAINT));
        return Api.ok(c, c.version());
    }

    @GET
    @Path("{id}/events")
    @RequiresPermission("complaint:read")
    @Doc(summary = "The complaint's timeline: every step with actor, time and note, oldest first", requirements = "OWN-5, SVC-CMP-5")
    public List<ComplaintEvent> events(@PathParam("id") String id, @Context SecurityContext sc) {
        return complaints().events(Caller.of(sc), Api.id(id, COMPLAINT));
    }

    @POST
    @Path("{id}/dispatch")
    @WorkflowTransition(table = ComplaintWorkflow.class, value = "dispatch")
    @RequiresPermission("complaint:dispatch")
    @Doc(summary = "Dispatch to an officer or forward to the company complained about (REGISTERED, REOPENED or DISPATCHED)",
            requirements = "SVC-CMP-2", description = "Body {\"officerAccountId\": n} or {\"forwardToCompany\": true}, optional note. "
                    + "The assignee is notified in-app; the deadline's assignee and supervisor (the dispatcher) change. If-Match required.")
    public Response dispatch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Dispatch body,
                             @Context SecurityContext sc) {
        long cid = Api.id(id, COMPLAINT);
        Complaint c = complaints().dispatch(Caller.of(sc), cid, Api.expectedVersion(ifMatch), body);
        return Api.ok(c, c.version());
    }

    @POST
    @Path("{id}/accept")
    @WorkflowTransition(table = ComplaintWorkflow.class, value = "accept")
    @RequiresPermission("complaint:handle")
    @Doc(summary = "The assignee (officer, or the company it was forwarded to) starts handling: DISPATCHED → IN_PROGRESS",
            requirements = "SVC-CMP-3, COS-7", description = "Body {\"note\"} optional. If-Match required.")
    public Response accept(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                           @Context SecurityContext sc) {
        long cid = Api.id(id, COMPLAINT);
        Complaint c = complaints().accept(Caller.of(sc), cid, Api.expectedVersion(ifMatch), note(body));
        return Api.ok(c, c.version());
    }

    @POST
    @Path("{id}/wait")
    @WorkflowTransition(table = ComplaintWorkflow.class, value = "wait")
    @RequiresPermission("complaint:handle")
    @Doc(summary = "Wait for the complainant: IN_PROGRESS → WAITING, the deadline pauses (409 when the category is not pausable)",
            requirements = "SVC-CMP-3, SLA-2", description = "Body {\"note\"} optional. If-Match required.")
    public Response waitFor(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                            @Context SecurityContext sc) {
        long cid = Api.id(id, COMPLAINT);
        Complaint c = complaints().waitForComplainant(Caller.of(sc), cid, Api.expectedVersion(ifMatch), note(body));
        return Api.ok(c, c.version());
    }

    @POST
    @Path("{id}/resume")
    @WorkflowTransition(table = ComplaintWorkflow.class, value = "resume")
    @RequiresPermission("complaint:handle")
    @Doc(summary = "Resume handling: WAITING → IN_PROGRESS, the deadline moves by the working time of the pause",
            requirements = "SVC-CMP-3, SLA-2", description = "Body {\"note\"} optional. If-Match required.")
    public Response resume(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                           @Context SecurityContext sc) {
        long cid = Api.id(id, COMPLAINT);
        Complaint c = complaints().resume(Caller.of(sc), cid, Api.expectedVersion(ifMatch), note(body));
        return Api.ok(c, c.version());
    }

    @POST
    @Path("{id}/resolve")
    @WorkflowTransition(table = ComplaintWorkflow.class, value = "resolve")
    @RequiresPermission("complaint:handle")
    @Doc(summary = "Record the result: IN_PROGRESS → RESOLVED; the complainant is told by SMS (and in-app)",
            requirements = "SVC-CMP-4, COS-7, CRD-2", description = "Body {\"result\": required, \"upheld\": optional boolean, the verdict "
                    + "(true = substantiated against the property company: the company's credit gets the signal COMPLAINT/upheld, 503 while "
                    + "the credit domain is away; 400 upheld.byCompany from the company complained about)}. The deadline completes. "
                    + "If-Match required.")
    public Response resolve(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Resolution body,
                            @Context SecurityContext sc) {
        long cid = Api.id(id, COMPLAINT);
        Complaint c = complaints().resolve(Caller.of(sc), cid, Api.expectedVersion(ifMatch), body);
        return Api.ok(c, c.version());
    }

    @POST
    @Path("{id}/close")
    @WorkflowTransition(table = ComplaintWorkflow.class, value = "close")
    @RequiresPermission("complaint:read")
    @Doc(summary = "The complainant confirms the result: RESOLVED → CLOSED (the regulator may close for a caller without an account)",
            requirements = "SVC-CMP-4, OWN-5", description = "Unconfirmed results close automatically after autoClose.days (PID "
                    + "org.smartproperty.complaint, default 7). Body {\"note\"} optional. If-Match required.")
    public Response close(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                          @Context SecurityContext sc) {
        long cid = Api.id(id, COMPLAINT);
        Complaint c = complaints().close(Caller.of(sc), cid, Api.expectedVersion(ifMatch), note(body));
        return Api.ok(c, c.version());
    }

    @POST
    @Path("{id}/reopen")
    @WorkflowTransition(table = ComplaintWorkflow.class, value = "reopen")
    @RequiresPermission("complaint:read")
    @Doc(summary = "The complainant reopens: RESOLVED or CLOSED → REOPENED within reopen.windowDays of the result (409 naming the window after)",
            requirements = "OWN-5, SVC-CMP-4", description = "Body {\"reason\"} optional. The deadline starts again; the regulator "
                    + "dispatches it again. If-Match required.")
    public Response reopen(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                           @Context SecurityContext sc) {
        long cid = Api.id(id, COMPLAINT);
        Complaint c = complaints().reopen(Caller.of(sc), cid, Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(c, c.version());
    }

    @POST
    @Path("{id}/reject")
    @WorkflowTransition(table = ComplaintWorkflow.class, value = "reject")
    @RequiresPermission("complaint:handle")
    @Doc(summary = "Reject with a reason (any open status → REJECTED); the complainant is told by SMS",
            requirements = "SVC-CMP-2, SVC-CMP-3", description = "Body {\"reason\": required}. The deadline is cancelled. If-Match required.")
    public Response reject(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                           @Context SecurityContext sc) {
        long cid = Api.id(id, COMPLAINT);
        Complaint c = complaints().reject(Caller.of(sc), cid, Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(c, c.version());
    }

    private static String note(Step body) {
        return body == null ? null : body.note();
    }


}
