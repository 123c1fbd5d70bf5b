package org.smartproperty.survey.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.survey.PublicSatisfaction;
import org.smartproperty.survey.SurveySubject;

/** {@code /api/v1/public/surveys}: published satisfaction results (MAP-11, ANA-5), no login; names, scores, rates and ranks only. */
@Component(service = PublicSurveyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/surveys")
@Produces(MediaType.APPLICATION_JSON)
public class PublicSurveyResource extends SurveyServiceClient {

    @GET
    @Path("results")
    @PublicAccess
    @Doc(summary = "An estate's latest published satisfaction results: its property company and its owners' committee (null when none)",
            requirements = {"MAP-11", "SVC-SAT-2"}, description = "400 without or with a malformed estateId.")
    public PublicSatisfaction results(@QueryParam("estateId") String estateId) {
        Long estate = null;
        Validation v = new Validation(Messages.PLATFORM);
        if (estateId == null || estateId.isBlank()) {
            v.error("estateId", "field.required");
        } else {
            try {
                estate = Long.valueOf(estateId.trim());
            } catch (NumberFormatException e) {
                v.error("estateId", "field.integer");
            }
        }
        v.throwIfInvalid();
        return service().publicResults(estate);
    }

    @GET
    @Path("ranking")
    @PublicAccess
    @Doc(summary = "The latest published ranking of property companies (subject=COMPANY, default) or owners' committees (COMMITTEE)",
            requirements = {"SVC-SAT-2", "ANA-5"}, description = "Rows with a score only, by rank; 400 for another subject.")
    public PublicSatisfaction.Ranking ranking(@QueryParam("subject") String subject) {
        SurveySubject s = SurveyResource.parse("subject", subject, SurveySubject.class);
        return service().publicRanking(s);
    }
}
