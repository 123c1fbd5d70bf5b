package org.smartproperty.tender.rest;

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
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.tender.AnnouncementInput;
import org.smartproperty.tender.AnnouncementView;
import org.smartproperty.tender.Bidder;
import org.smartproperty.tender.Clarification;
import org.smartproperty.tender.ContractInput;
import org.smartproperty.tender.DirectInput;
import org.smartproperty.tender.PanelInput;
import org.smartproperty.tender.PanelView;
import org.smartproperty.tender.Result;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.RuleInput;
import org.smartproperty.tender.Score;
import org.smartproperty.tender.ScoreInput;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderInput;
import org.smartproperty.tender.TenderQuery;
import org.smartproperty.tender.TenderRule;
import org.smartproperty.tender.TenderService;
import org.smartproperty.tender.TenderStage;

/**
 * {@code /api/v1/tenders}: tendering (SUP-TND-1..3, DEV-2..7, OCS-5, COS-3; TND-1..7) as docs/tendering-contract.md describes it.
 * DEVELOPER (own estates) and COMMITTEE (its estate) are the tenderers, COMPANY bids, REGULATOR/OFFICER review, EXPERT scores.
 */
@Component(service = TenderResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("tenders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenderResource extends TenderServiceClient {

    private static final String TENDER = "objects.tender";

    /** Body of a submission (materials) or a decision (reason). */
    public record Materials(List<AttachmentInput> materials) {
    }

    public record Decision(String reason) {
    }

    public record Text(String text) {
    }

    // ---------------------------------------------------------------- tenders

    @GET
    @RequiresPermission("tender:read")
    @Doc(summary = "Tenders in the caller's scope", requirements = "SUP-TND-1, DEV-2, OCS-5, COS-3",
            description = "Filters stage, estateId, q (title or number part). Regulator all; developer its estates; committee its estate; "
                    + "company the tenders it bids for or is invited to and the published ones; others the published ones. "
                    + "sort: id, number, title, stage, createdAt, updatedAt.")
    public Page<Tender> list(@QueryParam("stage") String stage, @QueryParam("estateId") String estateId, @QueryParam("q") String q,
                             @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                             @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, TenderService.SORT);
        TenderStage st = null;
        Long estate = null;
        Validation v = new Validation(Messages.PLATFORM);
        if (stage != null && !stage.isBlank()) {
            try {
                st = TenderStage.valueOf(stage.trim());
            } catch (IllegalArgumentException e) {
                v.error("stage", "field.enum", java.util.Arrays.toString(TenderStage.values()));
            }
        }
        if (estateId != null && !estateId.isBlank()) {
            try {
                estate = Long.valueOf(estateId.trim());
            } catch (NumberFormatException e) {
                v.error("estateId", "field.integer");
            }
        }
        v.throwIfInvalid();
        return service().list(Caller.of(sc), new TenderQuery(st, estate, q), pr);
    }

    @GET
    @Path("{id}")
    @RequiresPermission("tender:read")
    @Doc(summary = "One tender (404 outside the scope)", requirements = "SUP-TND-1")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Tender t = service().get(Caller.of(sc), Api.id(id, TENDER));
        return Api.ok(t, t.version());
    }

    @POST
    @RequiresPermission("tender:apply")
    @Doc(summary = "Register a tender project (DRAFT) for an estate of the caller", requirements = "DEV-2, OCS-5, TND-1, TND-2",
            description = "Body {estateId, title, method OPEN|INVITATION|DIRECT, directGrounds?, directCompanyId?, invitedCompanyIds?, "
                    + "serviceMonths, criteria:[{code,name,weight}]}. 400: DIRECT without grounds or company (TND-1), INVITATION with fewer "
                    + "than MIN_INVITED (TND-2), criteria weights not summing to 100. 404 for an estate outside the scope; 409 "
                    + "tender.notTenderer for anyone but a developer or a committee.")
    public Response create(TenderInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Tender t = service().create(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(t.id())).build(), t, t.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("tender:apply")
    @Doc(summary = "Change a DRAFT (new or returned) tender; If-Match", requirements = "DEV-2, SUP-TND-2")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, TenderInput input,
                           @Context SecurityContext sc) {
        Tender t = service().update(Caller.of(sc), Api.id(id, TENDER), Api.expectedVersion(ifMatch), input);
        return Api.ok(t, t.version());
    }

    // ---------------------------------------------------------------- project review (SUP-TND-2)

    @POST
    @Path("{id}/project")
    @RequiresPermission("tender:apply")
    @Doc(summary = "Submit or resubmit the project for review with materials → PROJECT_REVIEW", requirements = "SUP-TND-2, DEV-2, TND-1")
    public Response submitProject(@PathParam("id") String id, Materials body, @Context UriInfo uri, @Context SecurityContext sc) {
        Round r = service().submitProject(Caller.of(sc), Api.id(id, TENDER), body == null ? null : body.materials());
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build(), r, r.version());
    }

    @POST
    @Path("{id}/project/{roundId}/approve")
    @RequiresPermission("tender:review")
    @Doc(summary = "Approve the project (DIRECT: the appointment, TND-1 → AWARD; else → ANNOUNCEMENT); If-Match of the round",
            requirements = "SUP-TND-2, TND-1")
    public Response approveProject(@PathParam("id") String id, @PathParam("roundId") String roundId,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body, @Context SecurityContext sc) {
        return decide(ReviewStep.PROJECT, id, roundId, ifMatch, true, body, sc);
    }

    @POST
    @Path("{id}/project/{roundId}/return")
    @RequiresPermission("tender:review")
    @Doc(summary = "Return the project with a reason (required) → DRAFT; If-Match of the round", requirements = "SUP-TND-2")
    public Response returnProject(@PathParam("id") String id, @PathParam("roundId") String roundId,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body, @Context SecurityContext sc) {
        return decide(ReviewStep.PROJECT, id, roundId, ifMatch, false, body, sc);
    }

    @GET
    @Path("{id}/project")
    @RequiresPermission("tender:read")
    @Doc(summary = "The project's review rounds, newest first, with materials", requirements = "SUP-TND-2")
    public List<Round> projectRounds(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().rounds(Caller.of(sc), Api.id(id, TENDER), ReviewStep.PROJECT);
    }

    @GET
    @Path("{id}/project/history")
    @RequiresPermission("tender:read")
    @Doc(summary = "The project's review history, oldest first", requirements = "SUP-TND-2")
    public List<ReviewEvent> projectHistory(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().history(Caller.of(sc), Api.id(id, TENDER), ReviewStep.PROJECT);
    }

    // ---------------------------------------------------------------- announcement (SUP-TND-3, DEV-3)

    @PUT
    @Path("{id}/announcement")
    @RequiresPermission("tender:apply")
    @Doc(summary = "Save the announcement draft; If-Match of the tender", requirements = "DEV-3, TND-3",
            description = "Body {text, publishAt, documentsFrom, bidDeadline, openingAt, invitedCompanyIds?}. 400 bidDeadline when it is less "
                    + "than BID_PERIOD after documentsFrom (TND-3), documentsFrom before publishAt, openingAt before bidDeadline.")
    public Response saveAnnouncement(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, AnnouncementInput body,
                                     @Context SecurityContext sc) {
        Tender t = service().saveAnnouncement(Caller.of(sc), Api.id(id, TENDER), Api.expectedVersion(ifMatch), body);
        return Api.ok(t, t.version());
    }

    @POST
    @Path("{id}/announcement/submit")
    @RequiresPermission("tender:apply")
    @Doc(summary = "Submit the announcement for review with materials → ANNOUNCEMENT_REVIEW", requirements = "SUP-TND-3, DEV-3, TND-4",
            description = "400 publishAt when submitted less than ANNOUNCEMENT_LEAD before it (TND-4).")
    public Response submitAnnouncement(@PathParam("id") String id, Materials body, @Context UriInfo uri, @Context SecurityContext sc) {
        Round r = service().submitAnnouncement(Caller.of(sc), Api.id(id, TENDER), body == null ? null : body.materials());
        return Api.created(uri.getBaseUriBuilder().path("tenders").path(id).path("announcement").build(), r, r.version());
    }

    @POST
    @Path("{id}/announcement/{roundId}/approve")
    @RequiresPermission("tender:review")
    @Doc(summary = "Approve the announcement → SCHEDULED (published at publishAt by job tender.publish, at once when due); the project "
            + "is recorded in the expert library", requirements = "SUP-TND-3, DIS-3, TND-5")
    public Response approveAnnouncement(@PathParam("id") String id, @PathParam("roundId") String roundId,
                                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body, @Context SecurityContext sc) {
        return decide(ReviewStep.ANNOUNCEMENT, id, roundId, ifMatch, true, body, sc);
    }

    @POST
    @Path("{id}/announcement/{roundId}/return")
    @RequiresPermission("tender:review")
    @Doc(summary = "Return the announcement with a reason → ANNOUNCEMENT", requirements = "SUP-TND-3")
    public Response returnAnnouncement(@PathParam("id") String id, @PathParam("roundId") String roundId,
                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body, @Context SecurityContext sc) {
        return decide(ReviewStep.ANNOUNCEMENT, id, roundId, ifMatch, false, body, sc);
    }

    @GET
    @Path("{id}/announcement")
    @RequiresPermission("tender:read")
    @Doc(summary = "The announcement: draft, rounds and history (rounds and history for the tenderer and the regulator)", requirements = "SUP-TND-3")
    public AnnouncementView announcement(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().announcement(Caller.of(sc), Api.id(id, TENDER));
    }

    @POST
    @Path("{id}/clarifications")
    @RequiresPermission("tender:apply")
    @Doc(summary = "A clarification or change (TND-3)", requirements = "TND-3, DEV-3",
            description = "Body {text}. Less than CLARIFICATION_LEAD before the bid deadline: the deadline moves to now + the lead; the answer "
                    + "says so (deadlineMoved, bidDeadlineBefore, bidDeadline) and the bidders are notified (TENDER_CLARIFIED).")
    public Response clarify(@PathParam("id") String id, Text body, @Context UriInfo uri, @Context SecurityContext sc) {
        Clarification c = service().clarify(Caller.of(sc), Api.id(id, TENDER), body == null ? null : body.text());
        return Response.status(201).entity(c).build();
    }

    @GET
    @Path("{id}/clarifications")
    @RequiresPermission("tender:read")
    @Doc(summary = "The clarifications, oldest first", requirements = "TND-3")
    public List<Clarification> clarifications(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().clarifications(Caller.of(sc), Api.id(id, TENDER));
    }

    // ---------------------------------------------------------------- bidding (DEV-4, COS-3, TND-2, TND-7)

    @GET
    @Path("{id}/bidders")
    @RequiresPermission("tender:read")
    @Doc(summary = "Bidders: all for the tenderer and the regulator, its own for a company", requirements = "DEV-4, COS-3")
    public List<Bidder> bidders(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().bidders(Caller.of(sc), Api.id(id, TENDER));
    }

    @POST
    @Path("{id}/bidders")
    @RequiresPermission("tender:bid")
    @Doc(summary = "The calling company registers as bidder", requirements = "DEV-4, COS-3, TND-7",
            description = "409 tender.bidder.notFiled (names the status), tender.bidder.blacklisted (names the grade), tender.bidder.closed, "
                    + "tender.bidder.duplicate; 403 tender.bidder.notInvited.")
    public Response register(@PathParam("id") String id, @Context SecurityContext sc) {
        Bidder b = service().register(Caller.of(sc), Api.id(id, TENDER));
        return Response.status(201).entity(b).build();
    }

    @POST
    @Path("{id}/close-bidding")
    @RequiresPermission("tender:apply")
    @Doc(summary = "Close bidding after the deadline (the job tender.bidding does it too): fewer than MIN_BIDDERS → FAILED, else EVALUATION",
            requirements = "TND-2")
    public Response closeBidding(@PathParam("id") String id, @Context SecurityContext sc) {
        Tender t = service().closeBidding(Caller.of(sc), Api.id(id, TENDER));
        return Api.ok(t, t.version());
    }

    @POST
    @Path("{id}/retender")
    @RequiresPermission("tender:apply")
    @Doc(summary = "After FAILED: a new DRAFT linked by retenderOf", requirements = "TND-2")
    public Response retender(@PathParam("id") String id, @Context UriInfo uri, @Context SecurityContext sc) {
        Tender t = service().retender(Caller.of(sc), Api.id(id, TENDER));
        return Api.created(uri.getBaseUriBuilder().path("tenders").path(Long.toString(t.id())).build(), t, t.version());
    }

    @POST
    @Path("{id}/direct")
    @RequiresPermission("tender:apply")
    @Doc(summary = "After FAILED: a direct appointment request {companyId, grounds}, a new DIRECT tender at once in project review",
            requirements = "TND-1, TND-2")
    public Response direct(@PathParam("id") String id, DirectInput body, @Context UriInfo uri, @Context SecurityContext sc) {
        Tender t = service().direct(Caller.of(sc), Api.id(id, TENDER), body);
        return Api.created(uri.getBaseUriBuilder().path("tenders").path(Long.toString(t.id())).build(), t, t.version());
    }

    // ---------------------------------------------------------------- evaluation (DEV-5, TND-5)

    @GET
    @Path("{id}/panel")
    @RequiresPermission("tender:read")
    @Doc(summary = "The evaluation panel from the expert domain, names masked before publication (TND-5)", requirements = "DEV-5, TND-5")
    public PanelView panel(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().panel(Caller.of(sc), Api.id(id, TENDER));
    }

    @POST
    @Path("{id}/panel")
    @RequiresPermission("tender:apply")
    @Doc(summary = "Draw the evaluation panel through the expert domain {panelSize, drawnCount, reserveCount, specialty?, representatives:[name], "
            + "confirmHours?}", requirements = "DEV-5, SUP-EX-3, TND-5",
            description = "Tender in EVALUATION (bidders known: conflicts excluded). The expert domain's rules and refusals apply (400 naming "
                    + "the rule, 409 when a draw exists); 503 while the expert domain is absent.")
    public PanelView createPanel(@PathParam("id") String id, PanelInput body, @Context SecurityContext sc) {
        return service().createPanel(Caller.of(sc), Api.id(id, TENDER), body);
    }

    @GET
    @Path("{id}/scores")
    @RequiresPermission("tender:read")
    @Doc(summary = "Scores: all for the tenderer and the regulator, own for an expert, all once published", requirements = "DEV-5")
    public List<Score> scores(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().scores(Caller.of(sc), Api.id(id, TENDER));
    }

    @POST
    @Path("{id}/scores")
    @RequiresPermission("tender:score")
    @Doc(summary = "One seat's scores {seat?, scores:[{companyId, criterion, points 0..weight}]} (every bidder × criterion)",
            requirements = "DEV-5", description = "An expert scores its own confirmed seat; the tenderer the representatives' seats (seat required). "
                    + "403 tender.score.notSeat; 409 tender.panel.incomplete.")
    public List<Score> score(@PathParam("id") String id, ScoreInput body, @Context SecurityContext sc) {
        return service().score(Caller.of(sc), Api.id(id, TENDER), body);
    }

    @POST
    @Path("{id}/result")
    @RequiresPermission("tender:apply")
    @Doc(summary = "Compute the result (every seat scored) with evaluation.method, choose the winner, publish for publicity.days",
            requirements = "DEV-5, TND-5, TND-6, DIS-3")
    public Result computeResult(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().computeResult(Caller.of(sc), Api.id(id, TENDER));
    }

    @GET
    @Path("{id}/result")
    @RequiresPermission("tender:read")
    @Doc(summary = "The published result (409 tender.result.none before)", requirements = "DIS-3, COS-3")
    public Result result(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().result(Caller.of(sc), Api.id(id, TENDER));
    }

    // ---------------------------------------------------------------- award (TND-6, DEV-6) and contract (DEV-7)

    @POST
    @Path("{id}/award")
    @RequiresPermission("tender:apply")
    @Doc(summary = "Award filing with materials → AWARD_REVIEW (deadline AWARD_FILING from the choice)", requirements = "TND-6, DEV-6")
    public Response submitAward(@PathParam("id") String id, Materials body, @Context UriInfo uri, @Context SecurityContext sc) {
        Round r = service().submitAward(Caller.of(sc), Api.id(id, TENDER), body == null ? null : body.materials());
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build(), r, r.version());
    }

    @POST
    @Path("{id}/award/{roundId}/approve")
    @RequiresPermission("tender:review")
    @Doc(summary = "Approve the award → CONTRACT (deadline CONTRACT_FILING starts)", requirements = "TND-6, DEV-6")
    public Response approveAward(@PathParam("id") String id, @PathParam("roundId") String roundId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body, @Context SecurityContext sc) {
        return decide(ReviewStep.AWARD, id, roundId, ifMatch, true, body, sc);
    }

    @POST
    @Path("{id}/award/{roundId}/return")
    @RequiresPermission("tender:review")
    @Doc(summary = "Return the award filing with a reason → AWARD", requirements = "TND-6")
    public Response returnAward(@PathParam("id") String id, @PathParam("roundId") String roundId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body, @Context SecurityContext sc) {
        return decide(ReviewStep.AWARD, id, roundId, ifMatch, false, body, sc);
    }

    @GET
    @Path("{id}/award")
    @RequiresPermission("tender:read")
    @Doc(summary = "The award filing's rounds, newest first", requirements = "TND-6")
    public List<Round> awardRounds(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().rounds(Caller.of(sc), Api.id(id, TENDER), ReviewStep.AWARD);
    }

    @GET
    @Path("{id}/award/history")
    @RequiresPermission("tender:read")
    @Doc(summary = "The award filing's history, oldest first", requirements = "TND-6")
    public List<ReviewEvent> awardHistory(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().history(Caller.of(sc), Api.id(id, TENDER), ReviewStep.AWARD);
    }

    @POST
    @Path("{id}/contract")
    @RequiresPermission("tender:apply")
    @Doc(summary = "Contract filing {summary, serviceFrom, serviceTo?, monthlyFee?, signedAt, materials (the signed contract, required)}",
            requirements = "DEV-7, TND-6")
    public Response submitContract(@PathParam("id") String id, ContractInput body, @Context UriInfo uri, @Context SecurityContext sc) {
        Round r = service().submitContract(Caller.of(sc), Api.id(id, TENDER), body);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build(), r, r.version());
    }

    @POST
    @Path("{id}/contract/{roundId}/approve")
    @RequiresPermission("tender:review")
    @Doc(summary = "Approve the contract → CONTRACTED: the winner manages the estate for the service period, the previous manager's "
            + "open period ends the day before (company registry, SUP-CO-1)", requirements = "DEV-7, SUP-CO-1")
    public Response approveContract(@PathParam("id") String id, @PathParam("roundId") String roundId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body, @Context SecurityContext sc) {
        return decide(ReviewStep.CONTRACT, id, roundId, ifMatch, true, body, sc);
    }

    @POST
    @Path("{id}/contract/{roundId}/return")
    @RequiresPermission("tender:review")
    @Doc(summary = "Return the contract filing with a reason → CONTRACT", requirements = "DEV-7")
    public Response returnContract(@PathParam("id") String id, @PathParam("roundId") String roundId,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body, @Context SecurityContext sc) {
        return decide(ReviewStep.CONTRACT, id, roundId, ifMatch, false, body, sc);
    }

    @GET
    @Path("{id}/contract")
    @RequiresPermission("tender:read")
    @Doc(summary = "The contract filing's rounds with the terms, newest first", requirements = "DEV-7")
    public List<Round> contractRounds(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().rounds(Caller.of(sc), Api.id(id, TENDER), ReviewStep.CONTRACT);
    }

    @GET
    @Path("{id}/contract/history")
    @RequiresPermission("tender:read")
    @Doc(summary = "The contract filing's history, oldest first", requirements = "DEV-7")
    public List<ReviewEvent> contractHistory(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().history(Caller.of(sc), Api.id(id, TENDER), ReviewStep.CONTRACT);
    }

    // ---------------------------------------------------------------- rules (tnd_rule)

    @GET
    @Path("rules")
    @RequiresPermission("tender:read")
    @Doc(summary = "The tendering rules as data: ANNOUNCEMENT_LEAD, BID_PERIOD, CLARIFICATION_LEAD, MIN_BIDDERS, MIN_INVITED",
            requirements = "TND-2, TND-3, TND-4")
    public List<TenderRule> rules() {
        return service().rules();
    }

    @PUT
    @Path("rules/{code}")
    @RequiresPermission("tender:rules")
    @Doc(summary = "Change a rule {amount ≥ 0, unit?}; If-Match", requirements = "TND-2, TND-3, TND-4",
            description = "Day rules: CALENDAR_DAYS or WORKING_DAYS (0..3650); counts: COUNT (0..100). 0 switches a rule off.")
    public Response updateRule(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RuleInput body,
                               @Context SecurityContext sc) {
        TenderRule r = service().updateRule(Caller.of(sc), code, Api.expectedVersion(ifMatch), body);
        return Api.ok(r, r.version());
    }

    private Response decide(ReviewStep step, String id, String roundId, String ifMatch, boolean approve, Decision body, SecurityContext sc) {
        Round r = service().decide(Caller.of(sc), Api.id(id, TENDER), step, Api.id(roundId, "objects.round"), Api.expectedVersion(ifMatch),
                approve, body == null ? null : body.reason());
        return Api.ok(r, r.version());
    }
}
