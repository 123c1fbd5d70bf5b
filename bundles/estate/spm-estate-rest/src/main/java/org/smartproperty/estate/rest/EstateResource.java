package org.smartproperty.estate.rest;

import java.net.URI;
import java.util.List;
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
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/** {@code /api/v1/estates}: the estate registry and its building table (SUP-EST-1, SUP-EST-2). */
@Component(service = EstateResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("estates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EstateResource extends EstateServiceClient {

    @GET
    @RequiresPermission("estate:read")
    @Doc(summary = "List estates with filters, paging and sort", requirements = "SUP-EST-1",
            description = "Filters: name (part, case-insensitive), community, companyId, status, bbox=minLon,minLat,maxLon,maxLat. "
                    + "sort: id, name, community, createdAt, updatedAt (prefix - for descending).")
    public Page<Estate> list(@QueryParam("name") String name, @QueryParam("community") String community,
                             @QueryParam("companyId") String companyId, @QueryParam("status") String status,
                             @QueryParam("bbox") String bbox, @QueryParam("page") String page,
                             @QueryParam("size") String size, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, EstateService.ESTATE_SORT);
        Validation v = new Validation(EstateMessages.TEXTS);
        Long company = QueryParams.optionalLong(v, "companyId", companyId);
        EstateStatus st = QueryParams.optionalEnum(v, "status", status, EstateStatus.class);
        double[] box = Params.bbox(v, bbox);
        v.throwIfInvalid();
        return estates().list(Caller.scope(sc), new EstateQuery(name, community, company, st, box), pr);
    }

    @POST
    @RequiresPermission("estate:write")
    @Doc(summary = "Register an estate", requirements = "SUP-EST-1",
            description = "Honours Idempotency-Key: a repeat with the same key and body returns the first response.")
    public Response create(EstateInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Estate e = estates().create(input, Caller.name(sc));
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(e.id())).build(), e, e.version());
    }

    @GET
    @Path("{id}")
    @RequiresPermission("estate:read")
    @Doc(summary = "Read one estate (ETag = version); outside the caller's scope is 404", requirements = "SUP-EST-1")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Estate e = estates().get(Caller.scope(sc), Api.id(id, "objects.estate"));
        return Api.ok(e, e.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("estate:write")
    @Doc(summary = "Update an estate; If-Match with the ETag is required (412 when stale)", requirements = "SUP-EST-1")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, EstateInput input,
                           @Context SecurityContext sc) {
        long estateId = Api.id(id, "objects.estate");
        Estate e = estates().update(estateId, Api.expectedVersion(ifMatch), input, Caller.name(sc));
        return Api.ok(e, e.version());
    }

    @POST
    @Path("{id}/archive")
    @RequiresPermission("estate:write")
    @Doc(summary = "Archive an estate (never deleted); If-Match required", requirements = "SUP-EST-1")
    public Response archive(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        long estateId = Api.id(id, "objects.estate");
        Estate e = estates().archive(estateId, Api.expectedVersion(ifMatch), Caller.name(sc));
        return Api.ok(e, e.version());
    }

    @GET
    @Path("{id}/buildings")
    @RequiresPermission("estate:read")
    @Doc(summary = "The building table: buildings, units, floors with house counts", requirements = "SUP-EST-2")
    public List<Building> buildings(@PathParam("id") String id, @Context SecurityContext sc) {
        return estates().buildings(Caller.scope(sc), Api.id(id, "objects.estate"));
    }

    @POST
    @Path("{id}/buildings")
    @RequiresPermission("estate:write")
    @Doc(summary = "Add a building with its units", requirements = "SUP-EST-2")
    public Response createBuilding(@PathParam("id") String id, BuildingInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Building b = estates().createBuilding(Api.id(id, "objects.estate"), input, Caller.name(sc));
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(b.id())).build(), b, b.version());
    }

    @GET
    @Path("{id}/houses")
    @RequiresPermission("estate:read")
    @Doc(summary = "Houses of an estate, paged with total count; owners masked (ID-2)", requirements = "SUP-EST-2",
            description = "Filters: buildingId, floor, status, use. sort: id, unitCode, floor, roomNo, measuredArea.")
    public Page<House> houses(@PathParam("id") String id, @QueryParam("buildingId") String buildingId,
                              @QueryParam("floor") String floor, @QueryParam("status") String status,
                              @QueryParam("use") String use, @QueryParam("page") String page,
                              @QueryParam("size") String size, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        long estateId = Api.id(id, "objects.estate");
        PageRequest pr = PageRequest.parse(page, size, sort, EstateService.HOUSE_SORT);
        Validation v = new Validation(EstateMessages.TEXTS);
        Long b = QueryParams.optionalLong(v, "buildingId", buildingId);
        Long f = QueryParams.optionalLong(v, "floor", floor);
        HouseStatus st = QueryParams.optionalEnum(v, "status", status, HouseStatus.class);
        HouseUse u = QueryParams.optionalEnum(v, "use", use, HouseUse.class);
        v.throwIfInvalid();
        return estates().houses(Caller.scope(sc), estateId, new HouseQuery(b, f == null ? null : f.intValue(), st, u), pr);
    }

    @POST
    @Path("{id}/houses")
    @RequiresPermission("estate:write")
    @Doc(summary = "Add a house to the building table (409 on a duplicate unit code)", requirements = "SUP-EST-2")
    public Response createHouse(@PathParam("id") String id, HouseInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        House h = estates().createHouse(Api.id(id, "objects.estate"), input, Caller.name(sc));
        URI location = uri.getBaseUriBuilder().path("houses").path(h.unitCode()).build();
        return Api.created(location, h, h.version());
    }
}
