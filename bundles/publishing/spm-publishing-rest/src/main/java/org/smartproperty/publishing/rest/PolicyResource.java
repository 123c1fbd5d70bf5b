package org.smartproperty.publishing.rest;

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
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.publishing.Policy;
import org.smartproperty.publishing.PolicyInput;
import org.smartproperty.publishing.PolicyLevel;
import org.smartproperty.publishing.PolicyQuery;
import org.smartproperty.publishing.PolicyStatus;
import org.smartproperty.publishing.PublishingService;

/** {@code /api/v1/policies}: the regulator's policy library (PUB-1, SVC-PUB-1). */
@Component(service = PolicyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource extends PublishingServiceClient {

    static final String POLICY = "objects.policy";

    static PolicyQuery query(String q, String level, String status) {
        Validation v = new Validation(Messages.PLATFORM);
        PolicyLevel l = QueryParams.optionalEnum(v, "level", level, PolicyLevel.class);
        PolicyStatus s = QueryParams.optionalEnum(v, "status", status, PolicyStatus.class);
        v.throwIfInvalid();
        return new PolicyQuery(q == null || q.isBlank() ? null : q.strip(), l, s);
    }

    @GET
    @RequiresPermission("publishing:read")
    @Doc(summary = "Policies of every status; q = text search (Chinese bigrams and Latin words, all must occur, ranked by hits)",
            requirements = "PUB-1, SVC-PUB-1", description = "?q, ?level (NATIONAL, PROVINCIAL, CITY, ZONE), ?status (DRAFT, PUBLISHED, WITHDRAWN); "
                    + "sort: id, title, effectiveDate, level, publishedAt, updatedAt (default -effectiveDate; a search ranks by hits). 400 for a q over 100 characters.")
    public Page<Policy> list(@QueryParam("q") String q, @QueryParam("level") String level, @QueryParam("status") String status,
                             @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                             @Context SecurityContext sc) {
        return service().policies(Caller.of(sc), query(q, level, status), PageRequest.parse(page, size, sort, PublishingService.POLICY_SORT));
    }

    @GET
    @Path("{id}")
    @RequiresPermission("publishing:read")
    @Doc(summary = "A policy with its full text and attachments", requirements = "PUB-1")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Policy p = service().policy(Caller.of(sc), id(id, POLICY));
        return Api.ok(p, p.version());
    }

    @POST
    @RequiresPermission("publishing:manage")
    @Doc(summary = "Create a policy (DRAFT); attachments uploaded first as [{title, fileId}]", requirements = "PUB-1, SVC-PUB-1",
            description = "400 with every field error (level, issuer, title, effectiveDate; repealDate before effectiveDate).")
    public Response create(PolicyInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Policy p = service().createPolicy(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(p.id())).build(), p, p.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("publishing:manage")
    @Doc(summary = "Change a policy (any status; the search index follows in the same transaction); If-Match", requirements = "PUB-1")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PolicyInput input,
                           @Context SecurityContext sc) {
        Policy p = service().updatePolicy(Caller.of(sc), id(id, POLICY), Api.expectedVersion(ifMatch), input);
        return Api.ok(p, p.version());
    }

    @POST
    @Path("{id}/publish")
    @RequiresPermission("publishing:manage")
    @Doc(summary = "Publish a DRAFT or WITHDRAWN policy (public and searchable); If-Match", requirements = "PUB-1",
            description = "409 when already PUBLISHED.")
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Policy p = service().publishPolicy(Caller.of(sc), id(id, POLICY), Api.expectedVersion(ifMatch));
        return Api.ok(p, p.version());
    }

    @POST
    @Path("{id}/withdraw")
    @RequiresPermission("publishing:manage")
    @Doc(summary = "Withdraw a PUBLISHED policy; If-Match", requirements = "PUB-1", description = "409 unless PUBLISHED.")
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Policy p = service().withdrawPolicy(Caller.of(sc), id(id, POLICY), Api.expectedVersion(ifMatch));
        return Api.ok(p, p.version());
    }
}
