package org.smartproperty.tender.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.tender.PublicTender;
import org.smartproperty.tender.TenderService;

/** {@code /api/v1/public/tenders}: published announcements and results (DIS-3), no login. */
@Component(service = PublicTenderResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/tenders")
@Produces(MediaType.APPLICATION_JSON)
public class PublicTenderResource extends TenderServiceClient {

    @GET
    @PublicAccess
    @Doc(summary = "Published tender announcements (kind=announcement, default) or results (kind=result), optionally of one estate",
            requirements = "DIS-3, MAP-5", description = "sort: id, number, title, stage, createdAt, updatedAt. 400 for another kind or a malformed estateId.")
    public Page<PublicTender> list(@QueryParam("kind") String kind, @QueryParam("estateId") String estateId, @QueryParam("page") String page,
                                   @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest pr = PageRequest.parse(page, size, sort, TenderService.SORT);
        Long estate = null;
        if (estateId != null && !estateId.isBlank()) {
            try {
                estate = Long.valueOf(estateId.trim());
            } catch (NumberFormatException e) {
                Validation v = new Validation(Messages.PLATFORM);
                v.error("estateId", "field.integer");
                v.throwIfInvalid();
            }
        }
        return service().publicList(kind, estate, pr);
    }

    @GET
    @Path("{id}")
    @PublicAccess
    @Doc(summary = "A published tender: the announcement; once the result is published the winner, scores per bidder and the panel's names",
            requirements = "DIS-3, TND-5")
    public PublicTender get(@PathParam("id") String id) {
        return service().publicGet(Api.id(id, "objects.tender"));
    }
}
