package org.smartproperty.publishing.rest;

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
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.publishing.Notice;
import org.smartproperty.publishing.NoticeCategory;
import org.smartproperty.publishing.NoticeInput;
import org.smartproperty.publishing.NoticeQuery;
import org.smartproperty.publishing.NoticeStatus;
import org.smartproperty.publishing.PublisherKind;
import org.smartproperty.publishing.PublishingService;

/**
 * {@code /api/v1/notices}: notices of the regulator (zone-wide or chosen estates) and of estates' companies and committees
 * (PUB-2, COS-9, MAP-7), the regulator's review, scheduling and withdrawal. A company or committee sees and changes only its own
 * estates' notices (404 otherwise).
 */
@Component(service = NoticeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource extends PublishingServiceClient {

    static final String NOTICE = "objects.notice";

    /** Body of approve / return. */
    public record Decision(String reason) {
    }

    @GET
    @RequiresPermission("publishing:read")
    @Doc(summary = "Notices the caller may see: all for the regulator, its own estates' for a company or committee", requirements = "PUB-2, COS-9",
            description = "?status, ?category, ?estateId, ?publisherKind (REGULATOR, COMPANY, COMMITTEE); sort: id, title, publishedAt, publishAt, "
                    + "status, updatedAt (default -id). 400 for a malformed filter.")
    public Page<Notice> list(@QueryParam("status") String status, @QueryParam("category") String category, @QueryParam("estateId") String estateId,
                             @QueryParam("publisherKind") String publisherKind, @QueryParam("page") String page, @QueryParam("size") String size,
                             @QueryParam("sort") String sort, @Context SecurityContext sc) {
        Validation v = new Validation(Messages.PLATFORM);
        NoticeStatus st = QueryParams.optionalEnum(v, "status", status, NoticeStatus.class);
        PublisherKind pk = QueryParams.optionalEnum(v, "publisherKind", publisherKind, PublisherKind.class);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        if (category != null && category.length() > 32) {
            v.error("category", "field.tooLong", 32);
        }
        v.throwIfInvalid();
        return service().notices(Caller.of(sc), new NoticeQuery(st, category == null || category.isBlank() ? null : category, estate, pk),
                PageRequest.parse(page, size, sort, PublishingService.NOTICE_SORT));
    }

    @GET
    @Path("categories")
    @RequiresPermission("publishing:read")
    @Doc(summary = "The notice categories (data): label in the caller's language, window required, reviewed for a company / committee",
            requirements = "PUB-2, MAP-7")
    public List<NoticeCategory> categories(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return service().categories(Messages.negotiate(language));
    }

    @GET
    @Path("{id}")
    @RequiresPermission("publishing:read")
    @Doc(summary = "A notice with its body, attachments and the latest return's reason", requirements = "PUB-2, COS-9")
    public Response get(@PathParam("id") String id, @Context SecurityContext sc) {
        Notice n = service().notice(Caller.of(sc), id(id, NOTICE));
        return Api.ok(n, n.version());
    }

    @POST
    @RequiresPermission(value = "publishing:manage", or = "publishing:notice")
    @Doc(summary = "Create a DRAFT notice: the regulator for the zone (estateIds empty) or chosen estates, a company or committee for one of its estates",
            requirements = "PUB-2, COS-9, MAP-7", description = "400 with every field error (category unknown, window required for cuts, "
                    + "window or expiry out of order, one estate for a company or committee); 404 for an estate outside the caller's scope.")
    public Response create(NoticeInput input, @Context UriInfo uri, @Context SecurityContext sc) {
        Notice n = service().createNotice(Caller.of(sc), input);
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(n.id())).build(), n, n.version());
    }

    @PUT
    @Path("{id}")
    @RequiresPermission(value = "publishing:manage", or = "publishing:notice")
    @Doc(summary = "Change a DRAFT or RETURNED notice of the caller's; If-Match", requirements = "PUB-2, COS-9")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, NoticeInput input,
                           @Context SecurityContext sc) {
        Notice n = service().updateNotice(Caller.of(sc), id(id, NOTICE), Api.expectedVersion(ifMatch), input);
        return Api.ok(n, n.version());
    }

    @POST
    @Path("{id}/submit")
    @RequiresPermission(value = "publishing:manage", or = "publishing:notice")
    @Doc(summary = "Release a notice: to the regulator's review where its category wants it (SUBMITTED), else SCHEDULED or PUBLISHED; If-Match",
            requirements = "PUB-2, COS-9", description = "Publishing pushes an in-app notice to the estate's owners (SMS when urgent, not zone-wide). "
                    + "409 unless DRAFT or RETURNED.")
    public Response submit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Notice n = service().submitNotice(Caller.of(sc), id(id, NOTICE), Api.expectedVersion(ifMatch));
        return Api.ok(n, n.version());
    }

    @POST
    @Path("{id}/approve")
    @RequiresPermission("publishing:review")
    @Doc(summary = "Approve a SUBMITTED estate notice (review kernel): SCHEDULED or PUBLISHED; If-Match", requirements = "PUB-2, COS-9")
    public Response approve(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body,
                            @Context SecurityContext sc) {
        Notice n = service().approveNotice(Caller.of(sc), id(id, NOTICE), Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(n, n.version());
    }

    @POST
    @Path("{id}/return")
    @RequiresPermission("publishing:review")
    @Doc(summary = "Return a SUBMITTED estate notice with a reason (required); the publisher's accounts are told in-app; If-Match",
            requirements = "PUB-2, COS-9", description = "400 reason.required without a reason.")
    public Response returnNotice(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Decision body,
                                 @Context SecurityContext sc) {
        Notice n = service().returnNotice(Caller.of(sc), id(id, NOTICE), Api.expectedVersion(ifMatch), body == null ? null : body.reason());
        return Api.ok(n, n.version());
    }

    @POST
    @Path("{id}/withdraw")
    @RequiresPermission(value = "publishing:manage", or = "publishing:notice")
    @Doc(summary = "Withdraw a notice (its publisher, or the regulator for any); If-Match", requirements = "PUB-2",
            description = "409 when EXPIRED, WITHDRAWN or under review.")
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext sc) {
        Notice n = service().withdrawNotice(Caller.of(sc), id(id, NOTICE), Api.expectedVersion(ifMatch));
        return Api.ok(n, n.version());
    }

    @GET
    @Path("{id}/history")
    @RequiresPermission("publishing:read")
    @Doc(summary = "The review history of a notice, oldest first", requirements = "COS-9")
    public List<ReviewEvent> history(@PathParam("id") String id, @Context SecurityContext sc) {
        return service().noticeHistory(Caller.of(sc), id(id, NOTICE));
    }
}
