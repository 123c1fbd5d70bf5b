package org.smartproperty.survey.rest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
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
import org.smartproperty.survey.AnswerInput;
import org.smartproperty.survey.MySurvey;
import org.smartproperty.survey.Survey;
import org.smartproperty.survey.SurveyInput;
import org.smartproperty.survey.SurveyQuery;
import org.smartproperty.survey.SurveyResults;
import org.smartproperty.survey.SurveyService;
import org.smartproperty.survey.SurveyStatus;
import org.smartproperty.survey.SurveySubject;

/**
 * {@code /api/v1/surveys}: satisfaction surveys (SVC-SAT-1/2, OWN-6, OCS-9, ANA-5). The regulator's staff (survey:manage)
 * build and run questionnaires; companies and committees (survey:read) see their own surveys and results; verified owners
 * and committees (survey:answer) answer once.
 */
@Component(service = SurveyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyResource extends SurveyServiceClient {

    private static final String SURVEY = "objects.survey";

    @GET
    @RequiresPermission("survey:read")
    @Doc(summary = "Surveys in the caller's scope (regulator: all; company: its COMPANY surveys; committee: those of its estate), paged",
            requirements = {"SVC-SAT-1", "SVC-SAT-2"}, description = "status: DRAFT, OPEN, CLOSED, PUBLISHED; subject: COMPANY, COMMITTEE; "
            + "sort: id, title, status, periodFrom, createdAt, updatedAt (prefix - for descending).")
    public Page<Survey> list(@QueryParam("status") String status, @QueryParam("subject") String subject, @QueryParam("page") String page,
                             @QueryParam("size") String size, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, SurveyService.SORT);
        SurveyQuery q = new SurveyQuery(parse("status", status, SurveyStatus.class), parse("subject", subject, SurveySubject.class));
        return service().list(Caller.of(sc), q, pr);
    }

    @GET
    @Path("mine")
    @RequiresPermission("survey:answer")
    @Doc(summary = "OPEN surveys the caller may answer (verified owner: its estates'; committee: its company's evaluation), with answered flag",
            requirements = {"OWN-6", "OCS-9"})
    public List<MySurvey> mine(@Context SecurityContext sc) {
        return service().mine(Caller.of(sc));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(value = "survey:read", or = "survey:answer")
    @Doc(summary = "One survey with its questions and targets (ETag = version); 404 outside the caller's scope", requirements = "SVC-SAT-1")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Survey s = service().get(Caller.of(sc), Api.id(id, SURVEY));
        return Api.ok(s, s.version());
    }

    @POST
    @RequiresPermission("survey:manage")
    @Doc(summary = "A new DRAFT questionnaire: title, subject (COMPANY or COMMITTEE), period, estates or allEstates, questions "
            + "(SINGLE, MULTIPLE, SCORE 1-5, TEXT) optionally linked to indicators of an assessment indicator set", requirements = "SVC-SAT-1",
            description = "400 with all field errors; 409 title.duplicate.")
    public Response create(SurveyInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Survey created = service().create(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build(), created, created.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("survey:manage")
    @Doc(summary = "Replaces a DRAFT questionnaire (If-Match)", requirements = "SVC-SAT-1", description = "409 survey.notDraft once opened; 412 stale.")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, SurveyInput input,
                           @Context SecurityContext sc) {
        Survey s = service().update(Caller.of(sc), Api.id(id, SURVEY), Api.expectedVersion(ifMatch), input);
        return Api.ok(s, s.version());
    }

    @POST
    @Path("{id}/open")
    @RequiresPermission("survey:manage")
    @Doc(summary = "DRAFT → OPEN (If-Match): targets frozen, verified owners and committees notified in-app (SURVEY_OPENED, SURVEY_EVALUATE)",
            requirements = {"SVC-SAT-1", "OWN-6", "OCS-9"}, description = "409 survey.notDraft, survey.noTargets; 503 while the estate or notification domain is away.")
    public Response open(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Survey s = service().open(Caller.of(sc), Api.id(id, SURVEY), Api.expectedVersion(ifMatch));
        return Api.ok(s, s.version());
    }

    @POST
    @Path("{id}/close")
    @RequiresPermission("survey:manage")
    @Doc(summary = "OPEN → CLOSED (If-Match): no more answers, eligible (verified) owners per estate counted", requirements = "SVC-SAT-2",
            description = "The job survey.close-due does the same at the end of the period. 409 survey.notOpen.")
    public Response close(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Survey s = service().close(Caller.of(sc), Api.id(id, SURVEY), Api.expectedVersion(ifMatch));
        return Api.ok(s, s.version());
    }

    @POST
    @Path("{id}/publish")
    @RequiresPermission("survey:manage")
    @Doc(summary = "CLOSED → PUBLISHED (If-Match): results public; evaluated companies and committees notified (SURVEY_PUBLISHED)",
            requirements = {"SVC-SAT-2", "MAP-11"}, description = "409 survey.notClosed.")
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Survey s = service().publish(Caller.of(sc), Api.id(id, SURVEY), Api.expectedVersion(ifMatch));
        return Api.ok(s, s.version());
    }

    @POST
    @Path("{id}/answers")
    @RequiresPermission("survey:answer")
    @Doc(summary = "Answers an OPEN survey once: a verified owner of a targeted estate (OWN-6) or the committee evaluating its company (OCS-9)",
            requirements = {"OWN-6", "OCS-9"}, description = "Body {estateId?, answers: [{questionId, score | choices | text}]}. 204; "
            + "400 field errors; 404 not targeted; 409 answer.already, survey.notOpen. Answers are stored without account or owner.")
    public Response answer(@PathParam("id") String id, AnswerInput input, @Context SecurityContext sc) {
        service().answer(Caller.of(sc), Api.id(id, SURVEY), input);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/results")
    @RequiresPermission("survey:read")
    @Doc(summary = "Results: per company or committee score 0-100, response rate, rank; per question aggregates (free texts for the regulator only)",
            requirements = {"SVC-SAT-2", "ANA-5", "OCS-9"}, description = "A company sees its own row, a committee its estate's; 409 results.notYet before CLOSED "
            + "(the regulator sees them while OPEN).")
    public SurveyResults results(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().results(Caller.of(sc), Api.id(id, SURVEY));
    }

    static <E extends Enum<E>> E parse(String field, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            Validation v = new Validation(Messages.PLATFORM);
            v.error(field, "field.enum", Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            v.throwIfInvalid();
            return null;
        }
    }
}
