package org.smartproperty.expert.rest;

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
import org.smartproperty.expert.Admission;
import org.smartproperty.expert.Evaluation;
import org.smartproperty.expert.Expert;
import org.smartproperty.expert.ExpertInput;
import org.smartproperty.expert.ExpertMessages;
import org.smartproperty.expert.ExpertQuery;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.expert.ExpertStatus;
import org.smartproperty.expert.RatingInput;
import org.smartproperty.expert.StatusChange;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/experts}: the expert pool (SUP-EX-1) — the regulator's staff administer it, an EXPERT account applies for
 * itself and reads its own record; admission on the review kernel; evaluations and ratings.
 */
@Component(service = ExpertResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("experts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExpertResource extends ExpertServiceClient {

    private static final String EXPERT = "objects.expert";

    /** Body of an admission round. */
    public record AdmissionInput(List<AttachmentInput> materials) {
    }

    /** Body of a decision. */
    public record Decision(String reason) {
    }

    @GET
    @RequiresPermission("expert:read")
    @Doc(summary = "The expert pool (regulator's staff: all; an EXPERT: only its own record); id numbers masked", requirements = "SUP-EX-1",
            description = "Filters: q (part of the name, phone or employer), status (APPLYING, ACTIVE, SUSPENDED, REMOVED), specialty "
                    + "(a code, e.g. LAW). sort: id, name, status, rating, createdAt. DEVELOPER and COMMITTEE accounts get 403.")
    public Page<Expert> list(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("specialty") String specialty,
                             @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                             @Context SecurityContext sc) {
        poolReader(sc);
        Validation v = new Validation(ExpertMessages.TEXTS);
        ExpertStatus st = QueryParams.optionalEnum(v, "status", status, ExpertStatus.class);
        v.throwIfInvalid();
        return service().list(Caller.of(sc), new ExpertQuery(q, st, specialty == null || specialty.isBlank() ? null : specialty.trim()),
                PageRequest.parse(page, size, sort, ExpertService.SORT));
    }

    /** The pool is the regulator's and each expert's own: a tenderer (expert:read for its draws) gets 403 here. */
    static void poolReader(SecurityContext sc) {
        var c = Caller.of(sc);
        if (!c.can("expert:manage") && !c.can("expert:apply")) {
            throw new org.smartproperty.platform.ApiException(403, "expert.poolForbidden", ExpertMessages.TEXTS, null);
        }
    }

    @GET
    @Path("me")
    @RequiresPermission("expert:read")
    @Doc(summary = "The caller's own expert record (an EXPERT account); 404 when none is bound to it", requirements = "SUP-EX-1")
    public Response me(@Context SecurityContext sc) {
        Expert e = service().me(Caller.of(sc));
        return Api.ok(e, e.version());
    }

    @GET
    @Path("{id}")
    @RequiresPermission("expert:read")
    @Doc(summary = "One expert with its ties (conflict data) and rating; an EXPERT only itself (404 otherwise)", requirements = "SUP-EX-1")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        poolReader(sc);
        Expert e = service().get(Caller.of(sc), Api.id(id, EXPERT));
        return Api.ok(e, e.version());
    }

    @POST
    @RequiresPermission("expert:manage")
    @Doc(summary = "The regulator adds an expert directly to the pool (ACTIVE)", requirements = "SUP-EX-1",
            description = "Body {name, idNumber?, phone, specialties:[code], title, employerCompanyId?, employerName, accountName?, "
                    + "ties:[{companyId, kind EMPLOYER|FORMER_EMPLOYER|RELATIVE|OTHER, since?, until?}]}. accountName binds an EXPERT login "
                    + "(409 expert.accountTaken when bound to another expert).")
    public Response create(ExpertInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Expert created = service().create(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build(), created, created.version());
    }

    @POST
    @Path("applications")
    @RequiresPermission("expert:apply")
    @Doc(summary = "An EXPERT account applies for itself: a record APPLYING bound to the caller", requirements = "SUP-EX-1",
            description = "Body as POST /experts (accountName ignored: the caller's). Then POST /experts/{id}/admission with the "
                    + "materials. 409 expert.alreadyApplied when the account has a record.")
    public Response apply(ExpertInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Expert created = service().apply(Caller.of(sc), input);
        return Api.created(uri.getBaseUriBuilder().path("experts").path(Long.toString(created.id())).build(), created, created.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("expert:read")
    @Doc(summary = "Update an expert's record (If-Match): the regulator's staff any, an applicant its own while APPLYING",
            requirements = "SUP-EX-1", description = "Body as POST /experts; ties are replaced as a whole. 409 expert.removed.")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ExpertInput input,
                           @Context SecurityContext sc) {
        poolReader(sc);
        Expert e = service().update(Caller.of(sc), Api.id(id, EXPERT), Api.expectedVersion(ifMatch), input);
        return Api.ok(e, e.version());
    }

    @POST
    @Path("{id}/status")
    @RequiresPermission("expert:manage")
    @Doc(summary = "Suspend, reactivate or remove an expert (REMOVED is final)", requirements = "SUP-EX-1",
            description = "Body {status: ACTIVE|SUSPENDED|REMOVED, reason}. 409 expert.removed, expert.applying (admission first).")
    public Response status(@PathParam("id") String id, StatusChange change, @Context SecurityContext sc) {
        Expert e = service().changeStatus(Caller.of(sc), Api.id(id, EXPERT), change);
        return Api.ok(e, e.version());
    }

    @GET
    @Path("{id}/evaluations")
    @RequiresPermission("expert:read")
    @Doc(summary = "The expert's evaluation history (published projects it sat on) with the regulator's ratings", requirements = "SUP-EX-1")
    public List<Evaluation> evaluations(@PathParam("id") String id, @Context SecurityContext sc) {
        poolReader(sc);
        return service().evaluations(Caller.of(sc), Api.id(id, EXPERT));
    }

    @POST
    @Path("{id}/evaluations/{evaluationId}/rating")
    @RequiresPermission("expert:manage")
    @Doc(summary = "Rate the expert's work on one evaluation (1..5); the expert's rating is the average", requirements = "SUP-EX-1",
            description = "Body {rating, comment?}; a new rating replaces the previous one of that evaluation.")
    public Evaluation rate(@PathParam("id") String id, @PathParam("evaluationId") String evaluationId, RatingInput input,
                           @Context SecurityContext sc) {
        return service().rate(Caller.of(sc), Api.id(id, EXPERT), Api.id(evaluationId, "objects.evaluation"), input);
    }

    // ------------------------------------------------------------------ admission (review kernel)

    @GET
    @Path("{id}/admission")
    @RequiresPermission("expert:read")
    @Doc(summary = "The admission rounds of an application, newest first, with their materials", requirements = "SUP-EX-1")
    public List<Admission> admissions(@PathParam("id") String id, @Context SecurityContext sc) {
        poolReader(sc);
        return service().admissions(Caller.of(sc), Api.id(id, EXPERT));
    }

    @GET
    @Path("{id}/admission/history")
    @RequiresPermission("expert:read")
    @Doc(summary = "Review history of the admission, oldest first", requirements = "SUP-EX-1")
    public List<ReviewEvent> admissionHistory(@PathParam("id") String id, @Context SecurityContext sc) {
        poolReader(sc);
        return service().admissionHistory(Caller.of(sc), Api.id(id, EXPERT));
    }

    @POST
    @Path("{id}/admission")
    @RequiresPermission("expert:apply")
    @Doc(summary = "The applicant submits (or resubmits after a return) its admission with materials", requirements = "SUP-EX-1",
            description = "Body {materials: [{title, fileId}]} (files the caller uploaded). 409 admission.pending, admission.approved, "
                    + "admission.notApplying; 404 for another account's record.")
    public Response submit(@PathParam("id") String id, AdmissionInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Admission a = service().submitAdmission(Caller.of(sc), Api.id(id, EXPERT), input == null ? null : input.materials());
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(a.id())).build(), a, a.version());
    }

    @POST
    @Path("{id}/admission/{roundId}/approve")
    @RequiresPermission("expert:review")
    @Doc(summary = "Approve an admission round (If-Match: the round's ETag): the expert becomes ACTIVE", requirements = "SUP-EX-1",
            description = "Body {reason?}.")
    public Response approve(@PathParam("id") String id, @PathParam("roundId") String roundId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            Decision decision, @Context SecurityContext sc) {
        return decide(id, roundId, ifMatch, ReviewAction.APPROVE, decision, sc);
    }

    @POST
    @Path("{id}/admission/{roundId}/return")
    @RequiresPermission("expert:review")
    @Doc(summary = "Return an admission round with a reason (If-Match); the applicant resubmits", requirements = "SUP-EX-1",
            description = "Body {reason} (400 reason.required).")
    public Response returnRound(@PathParam("id") String id, @PathParam("roundId") String roundId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision decision, @Context SecurityContext sc) {
        return decide(id, roundId, ifMatch, ReviewAction.RETURN, decision, sc);
    }

    private Response decide(String id, String roundId, String ifMatch, ReviewAction action, Decision decision, SecurityContext sc) {
        long expertId = Api.id(id, EXPERT);
        long round = Api.id(roundId, "objects.admission");
        Admission a = service().decideAdmission(Caller.of(sc), expertId, round, Api.expectedVersion(ifMatch), action,
                decision == null ? null : decision.reason());
        return Api.ok(a, a.version());
    }
}
