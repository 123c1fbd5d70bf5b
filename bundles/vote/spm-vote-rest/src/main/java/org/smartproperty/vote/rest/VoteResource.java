package org.smartproperty.vote.rest;

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
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.vote.Channel;
import org.smartproperty.vote.Views;
import org.smartproperty.vote.Vote;
import org.smartproperty.vote.VoteInput;
import org.smartproperty.vote.VoteQuery;
import org.smartproperty.vote.VoteResult;
import org.smartproperty.vote.VoteService;
import org.smartproperty.vote.VoteStatus;

/**
 * {@code /api/v1/votes}: owners' votes (SVC-VOTE-1/2, OWN-3, COS-4, OCS-6; VOTE-1..8) as docs/voting-contract.md describes them.
 * COMMITTEE and COMPANY initiate, OWNER casts, REGULATOR supervises; scope in the service (out of scope = 404).
 */
@Component(service = VoteResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("votes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VoteResource extends VoteServiceClient {

    static final String VOTE = "objects.vote";

    @GET
    @RequiresPermission("vote:read")
    @Doc(summary = "Votes in the caller's scope", requirements = {"SVC-VOTE-2", "COS-4", "OCS-6", "OWN-3"},
            description = "Filters status, estateId, q (title part). Regulator/officer all; committee its estate; company the estates it manages; "
                    + "owner its estates' votes except DRAFT and CANCELLED. sort: id, title, startsAt, endsAt, status, createdAt.")
    public Page<Vote> list(@QueryParam("status") String status, @QueryParam("estateId") String estateId, @QueryParam("q") String q,
                           @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                           @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, VoteService.SORT);
        Validation v = new Validation(Messages.PLATFORM);
        VoteStatus st = enumOf(v, "status", status, VoteStatus.class);
        Long estate = longOf(v, "estateId", estateId);
        if (q != null && q.length() > 200) {
            v.error("q", "field.maxLength", 200);
        }
        v.throwIfInvalid();
        return service().list(Caller.of(sc), new VoteQuery(st, estate, q), pr);
    }

    @GET
    @Path("{id}")
    @RequiresPermission("vote:read")
    @Doc(summary = "One vote with its matters and their rules (404 outside the scope)", requirements = "SVC-VOTE-2")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Vote v = service().get(Caller.of(sc), Api.id(id, VOTE));
        return Api.ok(v, v.version());
    }

    @POST
    @RequiresPermission("vote:manage")
    @Doc(summary = "Start a vote (DRAFT) of an estate of the caller with one or more art. 278 matters", requirements = {"COS-4", "OCS-6", "SVC-VOTE-1"},
            description = "Body {estateId, title, description, startsAt, endsAt, ballotChangeAllowed, matters:[{title, description, category}]}. "
                    + "400 with field errors (estateId vote.estateOutOfScope for an estate outside the caller's committee or company).")
    public Response create(VoteInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Vote v = service().create(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(v.id())).build(), v, v.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("vote:manage")
    @Doc(summary = "Change a DRAFT vote (If-Match)", requirements = {"COS-4", "OCS-6"})
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, VoteInput input, @Context SecurityContext sc) {
        Vote v = service().update(Caller.of(sc), Api.id(id, VOTE), Api.expectedVersion(ifMatch), input);
        return Api.ok(v, v.version());
    }

    @POST
    @Path("{id}/notice")
    @RequiresPermission("vote:manage")
    @Doc(summary = "Publish the notice (DRAFT → NOTICED; If-Match): voting starts at least notice.days later; SMS and in-app notices to the verified owners",
            requirements = {"VOTE-8", "COS-4", "OCS-6"}, description = "400 startsAt vote.noticeTooShort when the start is too near.")
    public Response notice(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Vote v = service().notice(Caller.of(sc), Api.id(id, VOTE), Api.expectedVersion(ifMatch));
        return Api.ok(v, v.version());
    }

    @POST
    @Path("{id}/cancel")
    @RequiresPermission("vote:manage")
    @Doc(summary = "Cancel a DRAFT or NOTICED vote with a reason (If-Match)", requirements = {"COS-4", "OCS-6"})
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Views.Reason body, @Context SecurityContext sc) {
        Vote v = service().cancel(Caller.of(sc), Api.id(id, VOTE), Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(v, v.version());
    }

    @POST
    @Path("{id}/publish")
    @RequiresPermission("vote:manage")
    @Doc(summary = "Publish the result of a CLOSED vote (If-Match)", requirements = {"DIS-4", "COS-4", "OCS-6"})
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Vote v = service().publish(Caller.of(sc), Api.id(id, VOTE), Api.expectedVersion(ifMatch));
        return Api.ok(v, v.version());
    }

    @POST
    @Path("{id}/suspend")
    @RequiresPermission("vote:supervise")
    @Doc(summary = "The regulator suspends a NOTICED, OPEN or CLOSED vote with a reason (If-Match)", requirements = "SVC-VOTE-2")
    public Response suspend(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Views.Reason body, @Context SecurityContext sc) {
        Vote v = service().suspend(Caller.of(sc), Api.id(id, VOTE), Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(v, v.version());
    }

    @POST
    @Path("{id}/resume")
    @RequiresPermission("vote:supervise")
    @Doc(summary = "The regulator resumes a SUSPENDED vote with a reason (back to the status it had; If-Match)", requirements = "SVC-VOTE-2")
    public Response resume(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Views.Reason body, @Context SecurityContext sc) {
        Vote v = service().resume(Caller.of(sc), Api.id(id, VOTE), Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(v, v.version());
    }

    @GET
    @Path("{id}/events")
    @RequiresPermission("vote:read")
    @Doc(summary = "The vote's history (not for owners: 403)", requirements = "SVC-VOTE-2")
    public List<Views.Event> events(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().events(Caller.of(sc), Api.id(id, VOTE));
    }

    @GET
    @Path("{id}/electorate")
    @RequiresPermission("vote:read")
    @Doc(summary = "The electorate frozen when the vote opened: electors with units, area and heads, no names (not for owners: 403)",
            requirements = {"VOTE-1", "VOTE-5"}, description = "q: a part of a unit code; voted: true|false. 409 vote.status before OPEN.")
    public Views.ElectorPage electorate(@PathParam("id") String id, @QueryParam("q") String q, @QueryParam("voted") String voted,
                                        @QueryParam("page") String page, @QueryParam("size") String size, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, null, java.util.Set.of());
        Validation v = new Validation(Messages.PLATFORM);
        Boolean vd = null;
        if (voted != null && !voted.isBlank()) {
            if (!voted.equals("true") && !voted.equals("false")) {
                v.error("voted", "field.enum", "[true, false]");
            } else {
                vd = Boolean.valueOf(voted);
            }
        }
        if (q != null && q.length() > 28) {
            v.error("q", "field.maxLength", 28);
        }
        v.throwIfInvalid();
        return service().electorate(Caller.of(sc), Api.id(id, VOTE), q, vd, pr);
    }

    @GET
    @Path("{id}/my-ballot")
    @RequiresPermission("vote:cast")
    @Doc(summary = "The owner's place in the electorate and their counted ballots with receipts", requirements = {"OWN-3", "VOTE-6"})
    public Views.MyBallot myBallot(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().myBallot(Caller.of(sc), Api.id(id, VOTE));
    }

    @POST
    @Path("{id}/ballots")
    @RequiresPermission("vote:cast")
    @Doc(summary = "Cast (or, where the vote allows it, change) the owner's ballots on one or more matters; answers the receipts",
            requirements = {"OWN-3", "VOTE-6"}, description = "Body {choices:[{matterId, choice: AGREE|DISAGREE|ABSTAIN}]}. 409 vote.notOpen, "
                    + "vote.notElector, vote.ballotFinal; 400 for unknown matters or choices. All or nothing.")
    public Views.CastResult cast(@PathParam("id") String id, Views.BallotInput input, @Context SecurityContext sc) {
        return service().cast(Caller.of(sc), Api.id(id, VOTE), input);
    }

    @POST
    @Path("{id}/paper-ballots")
    @RequiresPermission("vote:paper")
    @Doc(summary = "The estate's committee enters a paper ballot with its scan (marked PAPER)", requirements = "VOTE-6",
            description = "Body {electorKey, choices:[{matterId, choice}], scan:[{title, fileId}]} (upload first: POST /files).")
    public Views.CastResult paper(@PathParam("id") String id, Views.PaperBallotInput input, @Context SecurityContext sc) {
        return service().castPaper(Caller.of(sc), Api.id(id, VOTE), input);
    }

    @GET
    @Path("{id}/ballots")
    @RequiresPermission("vote:read")
    @Doc(summary = "Counted ballots (elector key, units, choice, channel, receipt, paper scan; no names; not for owners: 403)", requirements = "VOTE-6")
    public Page<Views.BallotRow> ballots(@PathParam("id") String id, @QueryParam("matterId") String matterId, @QueryParam("channel") String channel,
                                         @QueryParam("page") String page, @QueryParam("size") String size, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, null, java.util.Set.of());
        Validation v = new Validation(Messages.PLATFORM);
        Long m = longOf(v, "matterId", matterId);
        Channel c = enumOf(v, "channel", channel, Channel.class);
        v.throwIfInvalid();
        return service().ballots(Caller.of(sc), Api.id(id, VOTE), m, c, pr);
    }

    @GET
    @Path("{id}/result")
    @RequiresPermission("vote:read")
    @Doc(summary = "The stored tally: per matter counts, areas, ratios, quorum and threshold tests, deemed votes apart",
            requirements = {"VOTE-2", "VOTE-3", "VOTE-4", "VOTE-7", "DIS-4"}, description = "From CLOSED on; an owner only once PUBLISHED. 409 vote.noResult.")
    public VoteResult result(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().result(Caller.of(sc), Api.id(id, VOTE));
    }

    @GET
    @Path("{id}/result/verify")
    @RequiresPermission("vote:read")
    @Doc(summary = "Recomputes the tally from the frozen electorate and the ballots and compares it with the stored one", requirements = "VOTE-6")
    public Views.Verification verify(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().verify(Caller.of(sc), Api.id(id, VOTE));
    }

    static Long longOf(Validation v, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            v.error(field, "field.integer");
            return null;
        }
    }

    static <E extends Enum<E>> E enumOf(Validation v, String field, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            v.error(field, "field.enum", java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
