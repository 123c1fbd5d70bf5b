package org.smartproperty.publishing.rest;

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
import org.smartproperty.publishing.Publishing;
import org.smartproperty.publishing.PublishingInput;
import org.smartproperty.publishing.PublishingService;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/** {@code /api/v1/publishings}: the publishing domain's Publishing list and creation. */
@Component(service = PublishingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("publishings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublishingResource extends PublishingServiceClient {

    @GET
    @RequiresPermission("publishing:read")
    @Doc(summary = "List Publishing with paging and sort", description = "sort: id, title, createdAt (prefix - for descending).")
    public Page<Publishing> list(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                              @Context SecurityContext sc) {
        return service().list(Caller.of(sc), PageRequest.parse(page, size, sort, PublishingService.SORT));
    }

    @POST
    @RequiresPermission("publishing:write")
    @Doc(summary = "Create a Publishing; body {\"title\": \"…\"}", description = "400 without a title, 409 when the title is taken.")
    public Response create(PublishingInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Publishing created = service().create(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build(), created, created.version());
    }
}
