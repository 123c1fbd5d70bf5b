package org.smartproperty.inspection.rest;

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
import org.smartproperty.inspection.InspectObject;
import org.smartproperty.inspection.InspectObjectInput;
import org.smartproperty.inspection.InspectionService;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/** {@code /api/v1/inspections/objects}: the library of inspectable objects (检查对象名录库, DR-1): companies and estates with their risk level. */
@Component(service = InspectObjectResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("inspections/objects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InspectObjectResource extends InspectionServiceClient {

    static final String OBJECT = "objects.inspectObject";

    @GET
    @RequiresPermission("inspection:read")
    @Doc(summary = "List the inspectable objects with filters, paging and sort", requirements = "DR-1, DR-2",
            description = "Filters: q (part of the name), target (the kind: COMPANY, ESTATE), active (true, false). sort: id, name, kind, riskLevel, companyId.")
    public Page<InspectObject> list(@QueryParam("q") String q, @QueryParam("target") String target, @QueryParam("active") String active,
                                @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                                @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, InspectionService.OBJECT_SORT);
        return service().objects(Caller.of(sc), LibraryParams.parse(q, target, active), pr);
    }

    @GET
    @Path("{id}")
    @RequiresPermission("inspection:read")
    @Doc(summary = "One inspectable object (ETag = version)", requirements = "DR-1")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        InspectObject i = service().object(Caller.of(sc), Api.id(id, OBJECT));
        return Api.ok(i, i.version());
    }

    @POST
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Add an inspectable object; 409 when its (kind, refId) is listed", requirements = "DR-1, DR-2",
            description = "Body {kind (COMPANY, ESTATE), refId (company or estate id), name, companyId (the estate's managing company; for a company itself), "
                    + "riskLevel (HIGH, ELEVATED, NORMAL, LOW), active (default true)}. companyId decides the conflicts of interest. Audited.")
    public Response create(InspectObjectInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        InspectObject i = service().createObject(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(i.id())).build(), i, i.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Update an inspectable object (risk level, name, active); If-Match required", requirements = "DR-1",
            description = "Body as for POST; tasks already drawn keep the copy of the draw.")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InspectObjectInput input,
                           @Context SecurityContext sc) {
        long objectId = Api.id(id, OBJECT);
        InspectObject i = service().updateObject(Caller.of(sc), objectId, Api.expectedVersion(ifMatch), input);
        return Api.ok(i, i.version());
    }
}
