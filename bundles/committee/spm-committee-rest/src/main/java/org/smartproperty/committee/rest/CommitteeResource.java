package org.smartproperty.committee.rest;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.smartproperty.committee.Change;
import org.smartproperty.committee.Committee;
import org.smartproperty.committee.CommitteeInput;
import org.smartproperty.committee.CommitteeMessages;
import org.smartproperty.committee.CommitteeQuery;
import org.smartproperty.committee.CommitteeService;
import org.smartproperty.committee.CommitteeStatus;
import org.smartproperty.committee.Filing;
import org.smartproperty.committee.FilingInput;
import org.smartproperty.committee.Member;
import org.smartproperty.committee.MemberInput;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/committees}: the owners' committee registry (SUP-OC-1, OCS-2), members (SUP-OC-2,
 * OCS-3) and filing review (OCS-4). ALL sees every committee, COMMITTEE its estate's, COMPANY those
 * of the estates it manages, OWNER those of its estates; anything else is 404.
 */
@Component(service = CommitteeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("committees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommitteeResource extends CommitteeServiceClient {

    private static final String COMMITTEE = "objects.committee";

    @GET
    @RequiresPermission("committee:read")
    @Doc(summary = "List owners' committees with filters, paging and sort", requirements = "SUP-OC-1",
            description = "Filters: estateId, status (ACTIVE, ENDED). sort: id, name, estateId, termStart, termEnd, status, createdAt, "
                    + "updatedAt (prefix - for descending). Limited to the caller's data scope.")
    public Page<Committee> list(@QueryParam("estateId") String estateId, @QueryParam("status") String status,
                                @QueryParam("page") String page, @QueryParam("size") String size,
                                @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, CommitteeService.SORT);
        Validation v = new Validation(CommitteeMessages.TEXTS);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        CommitteeStatus st = QueryParams.optionalEnum(v, "status", status, CommitteeStatus.class);
        v.throwIfInvalid();
        return committees().list(Caller.scope(sc), new CommitteeQuery(estate, st), pr);
    }

    @POST
    @RequiresPermission("committee:write")
    @Doc(summary = "Register the elected committee of an estate with its members; the estate's previous committee ends",
            requirements = "SUP-OC-1, SUP-OC-2, OC-1",
            description = "Members: 5-11, an odd number (configurable stricter), owners of the estate, exactly one HEAD.")
    public Response create(CommitteeInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Committee c = committees().create(input, Caller.name(sc));
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(c.id())).build(), c, c.version());
    }

    @GET
    @Path("term-reminders")
    @RequiresPermission("committee:review")
    @Doc(summary = "Active committees whose term ends within the reminder lead time (default 60 days), soonest first", requirements = "OC-2, SUP-OC-2",
            description = "The same list the daily reminder job works from; each committee is reminded once per term end (in-app and SMS).")
    public List<Committee> termReminders() {
        return committees().dueForTermReminder(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }

    @GET
    @Path("{id}")
    @RequiresPermission("committee:read")
    @Doc(summary = "Read one committee with its members (ETag = version); outside the caller's scope is 404", requirements = "SUP-OC-1")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Committee c = committees().get(Caller.scope(sc), Api.id(id, COMMITTEE));
        return Api.ok(c, c.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission(value = "committee:write", or = "committee:write-own") // head and deputies: their own committee only (the scope)
    @Doc(summary = "Update a committee's details (the regulator; the committee's head and deputies their own); If-Match with the ETag "
            + "is required (412 when stale); the change is kept in its history",
            requirements = "OCS-2", description = "estateId and members are ignored here (members: PUT /committees/{id}/members).")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CommitteeInput input,
                           @Context SecurityContext sc) {
        long committeeId = Api.id(id, COMMITTEE);
        Committee c = committees().update(Caller.scope(sc), committeeId, Api.expectedVersion(ifMatch), input, Caller.name(sc));
        return Api.ok(c, c.version());
    }

    @GET
    @Path("{id}/members")
    @RequiresPermission("committee:read")
    @Doc(summary = "Members of a committee with their positions", requirements = "SUP-OC-2, OCS-3")
    public List<Member> members(@PathParam("id") String id, @Context SecurityContext sc) {
        return committees().members(Caller.scope(sc), Api.id(id, COMMITTEE));
    }

    @PUT
    @Path("{id}/members")
    @RequiresPermission(value = "committee:write", or = "committee:write-own") // head and deputies: their own committee only (the scope)
    @Doc(summary = "Replace the members (rule OC-1 validated; the regulator, or the committee's head and deputies their own); "
            + "If-Match with the committee's ETag required", requirements = "SUP-OC-2, OCS-3, OC-1")
    public Response replaceMembers(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, List<MemberInput> members,
                                   @Context SecurityContext sc) {
        long committeeId = Api.id(id, COMMITTEE);
        Committee c = committees().replaceMembers(Caller.scope(sc), committeeId, Api.expectedVersion(ifMatch),
                members == null ? List.of() : members, Caller.name(sc));
        return Api.ok(c, c.version());
    }

    @GET
    @Path("{id}/history")
    @RequiresPermission("committee:read")
    @Doc(summary = "Change history of the committee's details and members, newest first", requirements = "OCS-2")
    public List<Change> history(@PathParam("id") String id, @Context SecurityContext sc) {
        return committees().history(Caller.scope(sc), Api.id(id, COMMITTEE));
    }

    @GET
    @Path("{id}/filings")
    @RequiresPermission("committee:read")
    @Doc(summary = "Filing rounds of a committee, newest first, with the regulator's decisions and reasons", requirements = "OCS-4, SUP-OC-2")
    public List<Filing> filings(@PathParam("id") String id, @Context SecurityContext sc) {
        return committees().filings(Caller.scope(sc), Api.id(id, COMMITTEE));
    }

    @GET
    @Path("{id}/filings/history")
    @RequiresPermission("committee:read")
    @Doc(summary = "Review history of the committee's filings, oldest first: who submitted, returned (with the reason), resubmitted, approved, when",
            requirements = "OCS-4, SUP-OC-2", description = "Each entry {id, roundId, action (SUBMIT, RESUBMIT, APPROVE, RETURN), from, to, actor, at, "
                    + "reason, details}; details of a submission list its materials {title, fileId}. Same visibility as the filings.")
    public List<ReviewEvent> filingHistory(@PathParam("id") String id, @Context SecurityContext sc) {
        return committees().filingHistory(Caller.scope(sc), Api.id(id, COMMITTEE));
    }

    @POST
    @Path("{id}/filings")
    @RequiresPermission("committee:file")
    @Doc(summary = "The elected head submits the committee's filing, within the deadline after the election (409 committee.filingLate)",
            requirements = "OCS-4, OC-2", description = "409 while a round awaits review or once approved.")
    public Response submit(@PathParam("id") String id, FilingInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Filing f = committees().submitFiling(Caller.scope(sc), Api.id(id, COMMITTEE), input, Caller.name(sc));
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(f.id())).build(), f, f.version());
    }

    @POST
    @Path("{id}/filings/{filingId}/approve")
    @RequiresPermission("committee:review")
    @Doc(summary = "Approve a submitted committee filing; If-Match with the filing's ETag required", requirements = "SUP-OC-2, OCS-4",
            description = "Body {\"reason\": optional}. A filing that is not SUBMITTED is 409 naming the allowed transitions.")
    public Response approve(@PathParam("id") String id, @PathParam("filingId") String filingId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision decision, @Context SecurityContext sc) {
        long committeeId = Api.id(id, COMMITTEE);
        long fId = Api.id(filingId, "objects.filing");
        Filing f = committees().approve(committeeId, fId, Api.expectedVersion(ifMatch), decision == null ? null : decision.reason(), Caller.name(sc));
        return Api.ok(f, f.version());
    }

    @POST
    @Path("{id}/filings/{filingId}/return")
    @RequiresPermission("committee:review")
    @Doc(summary = "Return a submitted committee filing with a reason (400 without); the head may resubmit. If-Match required",
            requirements = "SUP-OC-2, OCS-4", description = "Body {\"reason\": required}.")
    public Response returnFiling(@PathParam("id") String id, @PathParam("filingId") String filingId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision decision, @Context SecurityContext sc) {
        long committeeId = Api.id(id, COMMITTEE);
        long fId = Api.id(filingId, "objects.filing");
        Filing f = committees().returnFiling(committeeId, fId, Api.expectedVersion(ifMatch), decision == null ? null : decision.reason(),
                Caller.name(sc));
        return Api.ok(f, f.version());
    }

}
