package org.smartproperty.assessment.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.assessment.Top10;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/** {@code /api/v1/public/assessment}: the latest published round's TOP 10 (DIS-6), no login. */
@Component(service = PublicAssessmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/assessment")
@Produces(MediaType.APPLICATION_JSON)
public class PublicAssessmentResource extends AssessmentServiceClient {

    @GET
    @Path("top10")
    @PublicAccess
    @Doc(summary = "The latest published assessment round's TOP 10 with scores; no personal data", requirements = "DIS-6, SUP-AS-3",
            description = "{roundId, roundName, periodFrom, periodTo, publishedAt, items: [{rank, companyId, companyName, score}]}; ranks "
                    + "1..10, ties at rank 10 all shown; roundId null and no items while nothing is published.")
    public Top10 top10() {
        return service().top10();
    }
}
