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
import org.smartproperty.inspection.CheckItem;
import org.smartproperty.inspection.CheckItemInput;
import org.smartproperty.inspection.InspectionService;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/** {@code /api/v1/inspections/items}: the check-item library (抽查事项清单库, SUP-DR-2, DR-1). */
@Component(service = CheckItemResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("inspections/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckItemResource extends InspectionServiceClient {

    static final String OBJECT = "objects.checkItem";

    @GET
    @RequiresPermission("inspection:read")
    @Doc(summary = "List the check items with filters, paging and sort", requirements = "SUP-DR-2, DR-1",
            description = "Filters: q (part of code or name), target (COMPANY, ESTATE), active (true, false). sort: id, code, name, target.")
    public Page<CheckItem> list(@QueryParam("q") String q, @QueryParam("target") String target, @QueryParam("active") String active,
                                @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                                @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, InspectionService.ITEM_SORT);
        return service().items(Caller.of(sc), LibraryParams.parse(q, target, active), pr);
    }

    @GET
    @Path("{id}")
    @RequiresPermission("inspection:read")
    @Doc(summary = "One check item (ETag = version)", requirements = "SUP-DR-2")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        CheckItem i = service().item(Caller.of(sc), Api.id(id, OBJECT));
        return Api.ok(i, i.version());
    }

    @POST
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Add a check item from the power and responsibility list; 409 when the code is taken", requirements = "SUP-DR-2, DR-1",
            description = "Body {code ([A-Za-z0-9_-], ≤ 32), name, legalBasis (e.g. 《物业管理条例》第三十二条), method, target (COMPANY, ESTATE), "
                    + "active (default true)}. Audited (inspection-library).")
    public Response create(CheckItemInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        CheckItem i = service().createItem(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(i.id())).build(), i, i.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("inspection:plan")
    @Doc(summary = "Update a check item; If-Match required (412 when stale)", requirements = "SUP-DR-2",
            description = "Body as for POST; active false takes it out of new tasks (tasks keep the items they name).")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CheckItemInput input,
                           @Context SecurityContext sc) {
        long itemId = Api.id(id, OBJECT);
        CheckItem i = service().updateItem(Caller.of(sc), itemId, Api.expectedVersion(ifMatch), input);
        return Api.ok(i, i.version());
    }
}
