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
import org.smartproperty.inspection.Inspector;
import org.smartproperty.inspection.InspectorInput;
import org.smartproperty.inspection.InspectionService;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/** {@code /api/v1/inspections/inspectors}: the inspector pool (检查执法人员库, SUP-DR-3, DR-1) with their conflicts of interest. */
@Component(service = InspectorResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("inspections/inspectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InspectorResource extends InspectionServiceClient {

    static final String OBJECT = "objects.inspector";

    @GET
    @RequiresPermission("inspection:read")
    @Doc(summary = "List the inspectors with filters, paging and sort", requirements = "SUP-DR-3, DR-1",
            description = "Filters: q (part of name or unit), active (true, false); target is ignored. sort: id, name, unit, unitKind.")
    public Page<Inspector> list(@QueryParam("q") String q, @QueryParam("target") String target, @QueryParam("active") String active,
                                @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                                @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, InspectionService.INSPECTOR_SORT);
        return service().inspectors(Caller.of(sc), LibraryParams.parse(q, target, active), pr);
    }

    @GET
    @Path("{id}")
    @RequiresPermission("inspection:read")
    @Doc(summary = "One inspector (ETag = version)", requirements = "SUP-DR-3")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Inspector i = service().inspector(Caller.of(sc), Api.id(id, OBJECT));
        return Api.ok(i, i.version());
    }

    @POST
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Add an inspector; 409 when the account name belongs to another", requirements = "SUP-DR-3, DR-1, DR-2",
            description = "Body {name, unit, unitKind (BUREAU, AUTHORISED), accountName (login of the platform account), "
                    + "ties: [{companyId, kind (EMPLOYER, FORMER_EMPLOYER, RELATED), since, until}], active (default true)}. Audited.")
    public Response create(InspectorInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Inspector i = service().createInspector(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(i.id())).build(), i, i.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Update an inspector and their conflicts of interest; If-Match required", requirements = "SUP-DR-3, DR-2",
            description = "Body as for POST (ties replaces the list); draws already made keep their recorded inputs.")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InspectorInput input,
                           @Context SecurityContext sc) {
        long inspectorId = Api.id(id, OBJECT);
        Inspector i = service().updateInspector(Caller.of(sc), inspectorId, Api.expectedVersion(ifMatch), input);
        return Api.ok(i, i.version());
    }
}
