package org.smartproperty.committee.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.committee.CommitteeMessages;
import org.smartproperty.committee.CommitteeService;
import org.smartproperty.committee.PublicCommittee;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/** {@code /api/v1/public/committees}: committees in office for public disclosure (DIS-2), no login. */
@Component(service = PublicCommitteeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/committees")
@Produces(MediaType.APPLICATION_JSON)
public class PublicCommitteeResource extends CommitteeServiceClient {

    @GET
    @PublicAccess
    @Doc(summary = "Owners' committees in office with their members; names and phones masked", requirements = "DIS-2, ID-2",
            description = "Filter: estateId. sort: id, name, estateId, termStart, termEnd, status, createdAt, updatedAt.")
    public Page<PublicCommittee> list(@QueryParam("estateId") String estateId, @QueryParam("page") String page,
                                      @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest pr = PageRequest.parse(page, size, sort, CommitteeService.SORT);
        Validation v = new Validation(CommitteeMessages.TEXTS);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        v.throwIfInvalid();
        return committees().publicList(estate, pr);
    }
}
