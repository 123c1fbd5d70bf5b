package org.smartproperty.assessment.rest;

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
import org.smartproperty.assessment.Acceptance;
import org.smartproperty.assessment.AssessmentMessages;
import org.smartproperty.assessment.AssessmentService;
import org.smartproperty.assessment.IndicatorSet;
import org.smartproperty.assessment.IndicatorSetInput;
import org.smartproperty.assessment.MetricInfo;
import org.smartproperty.assessment.Report;
import org.smartproperty.assessment.ReportStatus;
import org.smartproperty.assessment.ReportSubmission;
import org.smartproperty.assessment.Result;
import org.smartproperty.assessment.Round;
import org.smartproperty.assessment.RoundInput;
import org.smartproperty.assessment.RoundQuery;
import org.smartproperty.assessment.RoundStatus;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/assessment}: the 100-point assessment (SUP-AS-1..3, COS-8). The regulator's staff (assessment:manage) keep the
 * indicator sets and run the rounds; a company (assessment:report) submits its own report and reads only its own report and
 * result (404 otherwise); INSPECTOR reads.
 */
@Component(service = AssessmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("assessment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource extends AssessmentServiceClient {

    private static final String SET = "objects.indicatorSet";
    private static final String ROUND = "objects.round";
    private static final String COMPANY = "objects.company";

    /** Body of a return. */
    public record Reason(String reason) {
    }

    // ------------------------------------------------------------------ indicator sets (SUP-AS-1)

    @GET
    @Path("indicator-sets")
    @RequiresPermission("assessment:read")
    @Doc(summary = "Indicator sets (every version) with their trees and total weight", requirements = "SUP-AS-1",
            description = "sort: id, name, setVersion, status, updatedAt.")
    public Page<IndicatorSet> indicatorSets(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                                            @Context SecurityContext sc) {
        return service().indicatorSets(Caller.of(sc), PageRequest.parse(page, size, sort, AssessmentService.SET_SORT));
    }

    @GET
    @Path("indicator-sets/{id}")
    @RequiresPermission("assessment:read")
    @Doc(summary = "One indicator set (ETag = version)", requirements = "SUP-AS-1")
    public Response indicatorSet(@PathParam("id") String id, @Context SecurityContext sc) {
        IndicatorSet s = service().indicatorSet(Caller.of(sc), Api.id(id, SET));
        return Api.ok(s, s.version());
    }

    @POST
    @Path("indicator-sets")
    @RequiresPermission("assessment:manage")
    @Doc(summary = "Create a DRAFT indicator set (version 1 of its name)", requirements = "SUP-AS-1",
            description = "Body {name, indicators: [{code, parentCode, name, weight, method SELF_REPORTED|COMPUTED, metric, best, worst, "
                    + "evidenceRequired}]}: the tree in order, a parent before its children, at most 3 levels; leaves have a weight "
                    + "(points, 0.01..100), a method and, when COMPUTED, a metric with best (full points) and worst (0 points); a "
                    + "group's weight is the sum of its children's. The leaves may weigh anything while DRAFT; 100 is required to "
                    + "use the set. 409 indicatorSet.nameTaken (copy instead).")
    public Response createIndicatorSet(IndicatorSetInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        IndicatorSet s = service().createIndicatorSet(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(s.id())).build(), s, s.version());
    }

    @PUT
    @Path("indicator-sets/{id}")
    @RequiresPermission("assessment:manage")
    @Doc(summary = "Replace the name and tree of a DRAFT set", requirements = "SUP-AS-1",
            description = "If-Match with the set's ETag; body as for POST. 409 indicatorSet.frozen once FROZEN (copy it).")
    public Response updateIndicatorSet(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, IndicatorSetInput input,
                                       @Context SecurityContext sc) {
        IndicatorSet s = service().updateIndicatorSet(Caller.of(sc), Api.id(id, SET), Api.expectedVersion(ifMatch), input);
        return Api.ok(s, s.version());
    }

    @POST
    @Path("indicator-sets/{id}/copy")
    @RequiresPermission("assessment:manage")
    @Doc(summary = "Copy a set to a new DRAFT version (the highest version of its name + 1)", requirements = "SUP-AS-1")
    public Response copyIndicatorSet(@PathParam("id") String id, @Context UriInfo uri, @Context SecurityContext sc) {
        IndicatorSet s = service().copyIndicatorSet(Caller.of(sc), Api.id(id, SET));
        return Api.created(uri.getBaseUriBuilder().path("assessment").path("indicator-sets").path(Long.toString(s.id())).build(), s,
                s.version());
    }

    @POST
    @Path("indicator-sets/{id}/freeze")
    @RequiresPermission("assessment:manage")
    @Doc(summary = "Freeze a DRAFT set (opening a round on it does the same)", requirements = "SUP-AS-1",
            description = "If-Match required. 409 indicatorSet.weightsNot100 unless the leaves weigh exactly 100, indicatorSet.frozen.")
    public Response freezeIndicatorSet(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @Context SecurityContext sc) {
        IndicatorSet s = service().freezeIndicatorSet(Caller.of(sc), Api.id(id, SET), Api.expectedVersion(ifMatch));
        return Api.ok(s, s.version());
    }

    @GET
    @Path("metrics")
    @RequiresPermission("assessment:read")
    @Doc(summary = "The metrics a COMPUTED indicator may name and whether an active bundle provides each", requirements = "SUP-AS-1",
            description = "A metric without a provider gives no value at the close: 0 points, valueStatus NO_METRIC.")
    public List<MetricInfo> metrics(@Context SecurityContext sc) {
        return service().metrics(Caller.of(sc));
    }

    // ------------------------------------------------------------------ rounds (SUP-AS-2, COS-8)

    @GET
    @Path("rounds")
    @RequiresPermission("assessment:read")
    @Doc(summary = "Assessment rounds with their report counts", requirements = "SUP-AS-2, COS-8",
            description = "Filter status (OPEN, CLOSED, PUBLISHED). sort: id, name, periodFrom, dueDate, status.")
    public Page<Round> rounds(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size,
                              @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, AssessmentService.ROUND_SORT);
        Validation v = new Validation(AssessmentMessages.TEXTS);
        RoundStatus st = QueryParams.optionalEnum(v, "status", status, RoundStatus.class);
        v.throwIfInvalid();
        return service().rounds(Caller.of(sc), new RoundQuery(st), pr);
    }

    @GET
    @Path("rounds/{id}")
    @RequiresPermission("assessment:read")
    @Doc(summary = "One round (ETag = version)", requirements = "SUP-AS-2")
    public Response round(@PathParam("id") String id, @Context SecurityContext sc) {
        Round r = service().round(Caller.of(sc), Api.id(id, ROUND));
        return Api.ok(r, r.version());
    }

    @POST
    @Path("rounds")
    @RequiresPermission("assessment:manage")
    @Doc(summary = "Open a round: every FILED company gets a report to fill in", requirements = "SUP-AS-2, COS-8",
            description = "Body {name, periodFrom, periodTo, indicatorSetId, dueDate}. A DRAFT set is frozen now; 409 "
                    + "indicatorSet.weightsNot100, round.nameTaken. 503 while the company registry is away. The companies are reminded "
                    + "in-app before the due date (ASSESSMENT_DUE, reminder.leadDays).")
    public Response openRound(RoundInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Round r = service().openRound(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build(), r, r.version());
    }

    @POST
    @Path("rounds/{id}/close")
    @RequiresPermission("assessment:manage")
    @Doc(summary = "Close a round: no more submissions; the computed indicators are evaluated for the period", requirements = "SUP-AS-2, SUP-AS-3",
            description = "If-Match with the round's ETag. 409 round.notOpen. A metric no bundle provides, or a company without a value, "
                    + "gives 0 points (valueStatus NO_METRIC / NO_VALUE).")
    public Response close(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Round r = service().closeRound(Caller.of(sc), Api.id(id, ROUND), Api.expectedVersion(ifMatch));
        return Api.ok(r, r.version());
    }

    @POST
    @Path("rounds/{id}/publish")
    @RequiresPermission("assessment:manage")
    @Doc(summary = "Publish a closed round: scores and ranks frozen, the TOP 10 public, credit signals emitted", requirements = "SUP-AS-3, DIS-6",
            description = "If-Match required. 409 round.notClosed. Credit signals ASSESSMENT/top10 (rank 1..10, score at least 60) and "
                    + "ASSESSMENT/below60 (score under 60), key assessment:<roundId>:<companyId>; 503 while the credit domain is away.")
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Round r = service().publishRound(Caller.of(sc), Api.id(id, ROUND), Api.expectedVersion(ifMatch));
        return Api.ok(r, r.version());
    }

    // ------------------------------------------------------------------ reports (review kernel)

    @GET
    @Path("rounds/{id}/reports")
    @RequiresPermission("assessment:read")
    @Doc(summary = "The round's reports with their values, points and status", requirements = "SUP-AS-2, COS-8",
            description = "Filter status (NOT_SUBMITTED, SUBMITTED, RETURNED, APPROVED). sort: id, companyName, status, companyId. "
                    + "A company user gets its own report only.")
    public Page<Report> reports(@PathParam("id") String id, @QueryParam("status") String status, @QueryParam("page") String page,
                                @QueryParam("size") String size, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, AssessmentService.REPORT_SORT);
        Validation v = new Validation(AssessmentMessages.TEXTS);
        ReportStatus st = QueryParams.optionalEnum(v, "status", status, ReportStatus.class);
        v.throwIfInvalid();
        return service().reports(Caller.of(sc), Api.id(id, ROUND), st, pr);
    }

    @GET
    @Path("rounds/{id}/reports/{companyId}")
    @RequiresPermission("assessment:read")
    @Doc(summary = "A company's report (ETag = version): values, evidence, points, score and rank", requirements = "SUP-AS-2, COS-8",
            description = "404 for another company's report as a company user.")
    public Response report(@PathParam("id") String id, @PathParam("companyId") String companyId, @Context SecurityContext sc) {
        Report r = service().report(Caller.of(sc), Api.id(id, ROUND), Api.id(companyId, COMPANY));
        return Api.ok(r, r.version());
    }

    @GET
    @Path("rounds/{id}/reports/{companyId}/history")
    @RequiresPermission("assessment:read")
    @Doc(summary = "Review history of a report, oldest first (submissions, returns, acceptance)", requirements = "SUP-AS-2")
    public List<ReviewEvent> history(@PathParam("id") String id, @PathParam("companyId") String companyId, @Context SecurityContext sc) {
        return service().reportHistory(Caller.of(sc), Api.id(id, ROUND), Api.id(companyId, COMPANY));
    }

    @POST
    @Path("rounds/{id}/reports/{companyId}/submit")
    @RequiresPermission("assessment:report")
    @Doc(summary = "The company submits (or resubmits after a return) its self-reported figures with evidence", requirements = "SUP-AS-2, COS-8",
            description = "Body {values: [{indicatorId, value, evidence: [{title, fileId}]}]}: every self-reported indicator once, "
                    + "evidence where the indicator requires it (files uploaded first). 409 round.notOpen, report.pending, report.approved, "
                    + "report.notCompany; 404 for another company.")
    public Response submit(@PathParam("id") String id, @PathParam("companyId") String companyId, ReportSubmission body,
                           @Context SecurityContext sc) {
        Report r = service().submitReport(Caller.of(sc), Api.id(id, ROUND), Api.id(companyId, COMPANY), body);
        return Api.ok(r, r.version());
    }

    @POST
    @Path("rounds/{id}/reports/{companyId}/return")
    @RequiresPermission("assessment:manage")
    @Doc(summary = "Return a submitted report for correction with a reason (400 without); the company resubmits", requirements = "SUP-AS-2",
            description = "If-Match with the report's ETag. Body {reason}. 409 round.notOpen, report.illegalTransition.")
    public Response returnReport(@PathParam("id") String id, @PathParam("companyId") String companyId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Reason body, @Context SecurityContext sc) {
        Report r = service().returnReport(Caller.of(sc), Api.id(id, ROUND), Api.id(companyId, COMPANY), Api.expectedVersion(ifMatch),
                body == null ? null : body.reason());
        return Api.ok(r, r.version());
    }

    @POST
    @Path("rounds/{id}/reports/{companyId}/accept")
    @RequiresPermission("assessment:manage")
    @Doc(summary = "Accept a submitted report with the points of every self-reported indicator", requirements = "SUP-AS-2, SUP-AS-3",
            description = "If-Match required. Body {points: [{indicatorId, points (0..the indicator's weight), note}], reason}. Also "
                    + "while the round is CLOSED; 409 round.published, report.illegalTransition.")
    public Response accept(@PathParam("id") String id, @PathParam("companyId") String companyId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Acceptance body, @Context SecurityContext sc) {
        Report r = service().acceptReport(Caller.of(sc), Api.id(id, ROUND), Api.id(companyId, COMPANY), Api.expectedVersion(ifMatch), body);
        return Api.ok(r, r.version());
    }

    // ------------------------------------------------------------------ results (SUP-AS-3)

    @GET
    @Path("rounds/{id}/results")
    @RequiresPermission("assessment:read")
    @Doc(summary = "Ranked results of a closed or published round (ties share a rank)", requirements = "SUP-AS-3",
            description = "score = accepted self-reported points + computed points; a report never accepted scores only its computed "
                    + "part. 409 results.notYet while OPEN. A company user gets its own row only.")
    public List<Result> results(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().results(Caller.of(sc), Api.id(id, ROUND));
    }
}
