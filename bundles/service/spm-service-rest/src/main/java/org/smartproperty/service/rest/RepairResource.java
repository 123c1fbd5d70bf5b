package org.smartproperty.service.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import org.smartproperty.service.RepairWorkflow;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.WorkflowTransition;
import org.smartproperty.service.Repair;
import org.smartproperty.service.RepairCategory;
import org.smartproperty.service.RepairCompletion;
import org.smartproperty.service.RepairEvent;
import org.smartproperty.service.RepairInput;
import org.smartproperty.service.RepairQuery;
import org.smartproperty.service.RepairService;
import org.smartproperty.service.RepairStatus;
import org.smartproperty.service.ServiceMessages;

/**
 * {@code /api/v1/repairs} (SVC-REP-1..2, OWN-4, COS-6, OCS-7): requests, the scoped list, one
 * repair with its timeline, and the workflow's transitions as sub-resources (each with If-Match;
 * a transition the status does not allow is 409 naming the allowed ones).
 */
@Component(service = RepairResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("repairs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepairResource extends RepairServiceClient {

    private static final String REPAIR = "objects.repair";

    @POST
    @RequiresPermission("repair:request")
    @Doc(summary = "Request a repair of one's own house (owner) or of a common area (owner, committee)", requirements = "SVC-REP-1, OWN-4, OCS-7",
            description = "Body {unitCode | estateId + location, category (NORMAL default, MAJOR, EMERGENCY: SLA-4), description, contactPhone, "
                    + "photos: [{fileId}]}. An owner names a house they own (404 as a field error otherwise) or an estate where they own one; "
                    + "a committee its estate. Photos: JPEG/PNG uploaded to POST /api/v1/files, at most 9. The requester gets an in-app "
                    + "notice and an SMS at the account's own phone only (contactPhone, defaulting to the account's, is the number the "
                    + "company calls, never texted); the deadline starts (domain repair). Honours Idempotency-Key.")
    public Response create(RepairInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Repair r = repairs().create(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build(), r, r.version());
    }

    @GET
    @RequiresPermission("repair:read")
    @Doc(summary = "List repairs in the caller's scope with filters and paging", requirements = "SVC-REP-2, OWN-4, COS-6, OCS-7",
            description = "Filters: status, category, estateId, companyId. sort: id, number, status, category, requestedAt, statusChangedAt. "
                    + "Regulator: all; company: the estates it manages; committee: its estate's and its own; owner: the ones they requested. "
                    + "Names and phones masked except the caller's own.")
    public Page<Repair> list(@QueryParam("status") String status, @QueryParam("category") String category,
                             @QueryParam("estateId") String estateId, @QueryParam("companyId") String companyId,
                             @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                             @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, RepairService.SORT);
        Validation v = new Validation(ServiceMessages.TEXTS);
        RepairStatus st = QueryParams.optionalEnum(v, "status", status, RepairStatus.class);
        RepairCategory cat = QueryParams.optionalEnum(v, "category", category, RepairCategory.class);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        Long company = QueryParams.optionalId(v, "companyId", companyId);
        v.throwIfInvalid();
        return repairs().list(Caller.of(sc), new RepairQuery(st, cat, estate, company), pr);
    }

    @GET
    @Path("{id}")
    @RequiresPermission("repair:read")
    @Doc(summary = "Read one repair (ETag = version); outside the caller's scope is 404", requirements = "OWN-4, COS-6, OCS-7, ID-2",
            description = "The requester's name and phone are in full for the requester and the company handling it (audited), masked otherwise.")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Repair r = repairs().get(Caller.of(sc), Api.id(id, REPAIR));
        return Api.ok(r, r.version());
    }

    @GET
    @Path("{id}/events")
    @RequiresPermission("repair:read")
    @Doc(summary = "The repair's timeline: every step with actor, time and note, oldest first", requirements = "OWN-4, SVC-REP-2")
    public List<RepairEvent> events(@PathParam("id") String id, @Context SecurityContext sc) {
        return repairs().events(Caller.of(sc), Api.id(id, REPAIR));
    }

    @POST
    @Path("{id}/accept")
    @WorkflowTransition(table = RepairWorkflow.class, value = "accept")
    @RequiresPermission("repair:handle")
    @Doc(summary = "The managing company accepts: REQUESTED or REOPENED → ACCEPTED", requirements = "COS-6",
            description = "Body {\"note\"} optional. The accepting account becomes the deadline's assignee. If-Match required.")
    public Response accept(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body, @Context SecurityContext sc) {
        long rid = Api.id(id, REPAIR);
        Repair r = repairs().accept(Caller.of(sc), rid, Api.expectedVersion(ifMatch), body == null ? null : body.note());
        return Api.ok(r, r.version());
    }

    @POST
    @Path("{id}/schedule")
    @WorkflowTransition(table = RepairWorkflow.class, value = "schedule")
    @RequiresPermission("repair:handle")
    @Doc(summary = "Make (or change) the appointment: ACCEPTED or SCHEDULED → SCHEDULED", requirements = "COS-6, OWN-4",
            description = "Body {\"appointmentAt\": ISO-8601 time, required, not in the past; \"note\"}. If-Match required.")
    public Response schedule(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                             @Context SecurityContext sc) {
        long rid = Api.id(id, REPAIR);
        Instant at = instant(body == null ? null : body.appointmentAt());
        Repair r = repairs().schedule(Caller.of(sc), rid, Api.expectedVersion(ifMatch), at, body == null ? null : body.note());
        return Api.ok(r, r.version());
    }

    @POST
    @Path("{id}/complete")
    @WorkflowTransition(table = RepairWorkflow.class, value = "complete")
    @RequiresPermission("repair:handle")
    @Doc(summary = "Report back: SCHEDULED → COMPLETED with the report and photos; the requester is told by SMS (and in-app)",
            requirements = "COS-6, SVC-REP-2", description = "Body {\"report\": required, \"photos\": [{fileId}]}. The deadline completes. "
                    + "The SMS goes to the requester account's own phone, never to the request's contactPhone. If-Match required.")
    public Response complete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                             @Context SecurityContext sc) {
        long rid = Api.id(id, REPAIR);
        Repair r = repairs().complete(Caller.of(sc), rid, Api.expectedVersion(ifMatch),
                body == null ? null : new RepairCompletion(body.report(), body.photos()));
        return Api.ok(r, r.version());
    }

    @POST
    @Path("{id}/confirm")
    @WorkflowTransition(table = RepairWorkflow.class, value = "confirm")
    @RequiresPermission("repair:request")
    @Doc(summary = "The requester confirms the repair: COMPLETED → CONFIRMED", requirements = "OWN-4",
            description = "Unconfirmed repairs are confirmed automatically after autoConfirm.days (PID org.smartproperty.service, default 7). "
                    + "Body {\"note\"} optional. If-Match required.")
    public Response confirm(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                            @Context SecurityContext sc) {
        long rid = Api.id(id, REPAIR);
        Repair r = repairs().confirm(Caller.of(sc), rid, Api.expectedVersion(ifMatch), body == null ? null : body.note());
        return Api.ok(r, r.version());
    }

    @POST
    @Path("{id}/reopen")
    @WorkflowTransition(table = RepairWorkflow.class, value = "reopen")
    @RequiresPermission("repair:request")
    @Doc(summary = "The requester reopens: COMPLETED or CONFIRMED → REOPENED within reopen.windowDays of the completion (409 after)",
            requirements = "OWN-4, SVC-REP-2", description = "Body {\"reason\"} optional. The deadline starts again; the company accepts "
                    + "it again. If-Match required.")
    public Response reopen(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                           @Context SecurityContext sc) {
        long rid = Api.id(id, REPAIR);
        Repair r = repairs().reopen(Caller.of(sc), rid, Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(r, r.version());
    }

    @POST
    @Path("{id}/reject")
    @WorkflowTransition(table = RepairWorkflow.class, value = "reject")
    @RequiresPermission("repair:handle")
    @Doc(summary = "The company rejects with a reason (any open status → REJECTED)", requirements = "COS-6",
            description = "Body {\"reason\": required}. The deadline is cancelled; the reason is on the timeline. If-Match required.")
    public Response reject(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Step body,
                           @Context SecurityContext sc) {
        long rid = Api.id(id, REPAIR);
        Repair r = repairs().reject(Caller.of(sc), rid, Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(r, r.version());
    }

    /** An ISO-8601 instant or offset time; null stays null (the service reports it missing), garbage is a field error. */
    static Instant instant(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(raw.trim());
            } catch (DateTimeParseException e2) {
                throw ApiException.invalid(ServiceMessages.TEXTS, "appointmentAt", "appointment.format");
            }
        }
    }
}
