package org.smartproperty.developer.rest;

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
import org.smartproperty.developer.Developer;
import org.smartproperty.developer.DeveloperInput;
import org.smartproperty.developer.DeveloperMessages;
import org.smartproperty.developer.DeveloperQuery;
import org.smartproperty.developer.DeveloperService;
import org.smartproperty.developer.DeveloperStatus;
import org.smartproperty.developer.EstateMatch;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/developers}: the developer organisation registry (开发建设单位, DEV-1; issue 12 item 4). The regulator's
 * staff read and write it; a DEVELOPER caller (a legal person bound to its developer) reads only its own record, every
 * other scope gets 404.
 */
@Component(service = DeveloperResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("developers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeveloperResource extends DeveloperServiceClient {

    static final String OBJECT = "objects.developer";

    @GET
    @RequiresPermission("developer:read")
    @Doc(summary = "List developers with filters, paging and sort", requirements = "DEV-1",
            description = "Filters: name (part, case-insensitive), creditCode (whole code), status (ACTIVE, REVOKED). "
                    + "sort: id, name, creditCode, status, createdAt, updatedAt (prefix - for descending). A developer sees only itself.")
    public Page<Developer> list(@QueryParam("name") String name, @QueryParam("creditCode") String creditCode,
                                @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size,
                                @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, DeveloperService.SORT);
        Validation v = new Validation(DeveloperMessages.TEXTS);
        DeveloperStatus st = QueryParams.optionalEnum(v, "status", status, DeveloperStatus.class);
        v.maxLength("name", name, Developer.NAME_MAX);
        v.maxLength("creditCode", creditCode, 64);
        v.throwIfInvalid();
        return service().list(Caller.scope(sc), new DeveloperQuery(name, creditCode, st), pr);
    }

    @POST
    @RequiresPermission("developer:write")
    @Doc(summary = "Register a developer (ACTIVE) and link the estates whose developer text is its name; 409 when the credit code is taken",
            requirements = "DEV-1", description = "Body {name, creditCode, legalRepresentative, contact, phone, address, estateIds}. The unified "
                    + "social credit code is checked per GB 32100 (both check characters). estateIds (optional) names further estates; one held "
                    + "by another developer is 409. Honours Idempotency-Key.")
    public Response create(DeveloperInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Developer d = service().create(input, Caller.name(sc));
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(d.id())).build(), d, d.version());
    }

    @GET
    @Path("{id}")
    @RequiresPermission("developer:read")
    @Doc(summary = "Read one developer with its estates (ETag = version); outside the caller's scope is 404", requirements = "DEV-1")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Developer d = service().get(Caller.scope(sc), Api.id(id, OBJECT));
        return Api.ok(d, d.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("developer:write")
    @Doc(summary = "Update an active developer; If-Match with the ETag is required (412 when stale, 409 when revoked)", requirements = "DEV-1",
            description = "estateIds: null or absent keeps the linked estates, a list replaces them.")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, DeveloperInput input,
                           @Context SecurityContext sc) {
        long developerId = Api.id(id, OBJECT);
        Developer d = service().update(developerId, Api.expectedVersion(ifMatch), input, Caller.name(sc));
        return Api.ok(d, d.version());
    }

    @POST
    @Path("{id}/revoke")
    @RequiresPermission("developer:write")
    @Doc(summary = "Revoke an active developer (final); reason required, If-Match with the ETag required", requirements = "DEV-1",
            description = "Body {\"reason\": required}. The developer's login binds nothing from the commit on (sessions follow at once). Audited.")
    public Response revoke(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Revocation body,
                           @Context SecurityContext sc) {
        long developerId = Api.id(id, OBJECT);
        Developer d = service().revoke(developerId, Api.expectedVersion(ifMatch), body == null ? null : body.reason(), Caller.name(sc));
        return Api.ok(d, d.version());
    }

    @POST
    @Path("{id}/match-estates")
    @RequiresPermission("developer:write")
    @Doc(summary = "Link the estates whose developer text equals the developer's name", requirements = "DEV-1, SUP-EST-1",
            description = "Answers {developer, linked, linkedElsewhere}: estates newly linked, and estates with the name that another developer "
                    + "holds (left as they are). Repeating it links nothing new. 409 for a revoked developer.")
    public Response matchEstates(@PathParam("id") String id, @Context SecurityContext sc) {
        EstateMatch m = service().matchEstates(Api.id(id, OBJECT), Caller.name(sc));
        return Api.ok(m, m.developer().version());
    }
}
