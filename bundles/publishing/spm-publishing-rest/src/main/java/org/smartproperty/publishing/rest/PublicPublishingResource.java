package org.smartproperty.publishing.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
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
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.publishing.NoticeCategory;
import org.smartproperty.publishing.Policy;
import org.smartproperty.publishing.PublicNotice;
import org.smartproperty.publishing.PublishingService;

/** {@code /api/v1/public/policies} and {@code /api/v1/public/notices}: what is published, for anyone, no login (PUB-1, PUB-2, MAP-7). */
@Component(service = PublicPublishingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicPublishingResource extends PublishingServiceClient {

    @GET
    @Path("policies")
    @PublicAccess
    @Doc(summary = "Published policies; q = Chinese text search (bigrams; Latin words), all terms must occur, ranked by hits",
            requirements = "PUB-1", description = "?q (≤ 100 characters), ?level; sort as /policies (default -effectiveDate). Repealed ones are "
                    + "listed with repealed=true. 400 for a malformed level.")
    public Page<Policy> policies(@QueryParam("q") String q, @QueryParam("level") String level, @QueryParam("page") String page,
                                 @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return service().publicPolicies(PolicyResource.query(q, level, null), PageRequest.parse(page, size, sort, PublishingService.POLICY_SORT));
    }

    @GET
    @Path("policies/{id}")
    @PublicAccess
    @Doc(summary = "A published policy with its full text and attachments", requirements = "PUB-1", description = "404 unless PUBLISHED.")
    public Policy policy(@PathParam("id") String id) {
        return service().publicPolicy(id(id, PolicyResource.POLICY));
    }

    @GET
    @Path("notices")
    @PublicAccess
    @Doc(summary = "Published, not expired notices, newest first: of one estate (its own and the zone-wide ones) or all; an abstract of the body",
            requirements = "PUB-2, MAP-7", description = "?estateId, ?category; 400 for a malformed estateId.")
    public Page<PublicNotice> notices(@QueryParam("estateId") String estateId, @QueryParam("category") String category,
                                      @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
                                      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Validation v = new Validation(Messages.PLATFORM);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        if (category != null && category.length() > 32) {
            v.error("category", "field.tooLong", 32);
        }
        v.throwIfInvalid();
        return service().publicNotices(estate, category, Messages.negotiate(language), PageRequest.parse(page, size, sort, PublishingService.NOTICE_SORT));
    }

    @GET
    @Path("notices/categories")
    @PublicAccess
    @Doc(summary = "The notice categories with their labels in the caller's language", requirements = "PUB-2, MAP-7")
    public List<NoticeCategory> categories(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return service().categories(Messages.negotiate(language));
    }

    @GET
    @Path("notices/{id}")
    @PublicAccess
    @Doc(summary = "A published, not expired notice with its body and attachments", requirements = "PUB-2, MAP-7", description = "404 otherwise.")
    public PublicNotice notice(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return service().publicNotice(id(id, "objects.notice"), Messages.negotiate(language));
    }
}
