package org.smartproperty.service.rest;

import java.io.InputStream;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.FileContent;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.PatrolService;
import org.smartproperty.service.PublicPatrol;
import org.smartproperty.service.ServiceMessages;

/**
 * {@code /api/v1/public/patrols} (SVC-PAT-1, DIS-5), no login: results of closed patrol tasks with
 * estate, company, findings, fix, dates and photo ids, and those photos' thumbnails. No personal
 * data: no reporter, no account, no report photos.
 */
@Component(service = PublicPatrolResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/patrols")
public class PublicPatrolResource extends PatrolServiceClient {

    /** Who reads a published photo: nobody in particular (the task policy lets anyone read the photos of a closed task). */
    private static final SpmPrincipal PUBLIC = new SpmPrincipal(0, "(public)", Set.of(), Set.of(), DataScope.NONE, false, null);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile FileStore files;

    @GET
    @PublicAccess
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(summary = "Published patrol results (closed tasks), newest first, without personal data", requirements = "SVC-PAT-1, DIS-5, ID-2",
            description = "Filters: estateId, companyId. Paging page/size. Each item: estate, company, title, findings, fix, createdAt, "
                    + "dueAt, closedAt and photoIds (thumbnails at /api/v1/public/patrols/{id}/photos/{fileId}).")
    public Page<PublicPatrol> list(@QueryParam("estateId") String estateId, @QueryParam("companyId") String companyId,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest pr = PageRequest.parse(page, size, "-statusChangedAt", PatrolService.TASK_SORT);
        Validation v = new Validation(ServiceMessages.TEXTS);
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        Long company = QueryParams.optionalId(v, "companyId", companyId);
        v.throwIfInvalid();
        return patrols().published(estate, company, pr);
    }

    @GET
    @Path("{id}/photos/{fileId}")
    @PublicAccess
    @Produces(MediaType.WILDCARD)
    @Doc(summary = "JPEG thumbnail of a photo of a published patrol result (404 for anything else)", requirements = "SVC-PAT-1, DIS-5")
    public Response thumbnail(@PathParam("id") String id, @PathParam("fileId") String fileId) {
        long taskId = Api.id(id, "objects.patrolTask");
        if (!patrols().publishedPhoto(taskId, fileId)) {
            throw ApiException.notFound("objects.file", fileId);
        }
        FileStore store = ApiException.requireAvailable(files, "files");
        FileContent content = store.open(PUBLIC, fileId, true);
        StreamingOutput out = os -> {
            try (InputStream in = content.open()) {
                in.transferTo(os);
            }
        };
        return Response.ok(out, content.contentType()).header("Content-Length", content.length())
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "public, max-age=3600").build();
    }
}
