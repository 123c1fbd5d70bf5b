package org.smartproperty.tender.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderInput;
import org.smartproperty.tender.TenderService;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/** {@code /api/v1/tenders}: the tender domain's tendering list and creation. */
@Component(service = TenderResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("tenders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenderResource extends TenderServiceClient {

    @GET
    @RequiresPermission("tender:read")
    @Doc(summary = "List tendering with paging and sort", description = "sort: id, title, createdAt (prefix - for descending).")
    public Page<Tender> list(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                              @Context SecurityContext sc) {
        return service().list(Caller.of(sc), PageRequest.parse(page, size, sort, TenderService.SORT));
    }

    @POST
    @RequiresPermission("tender:write")
    @Doc(summary = "Create a tendering; body {\"title\": \"…\"}", description = "400 without a title, 409 when the title is taken.")
    public Response create(TenderInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Tender created = service().create(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build(), created, created.version());
    }
}
