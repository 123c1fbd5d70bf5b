package org.smartproperty.inspection.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.inspection.InspectionService;
import org.smartproperty.inspection.PublicInspection;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/**
 * {@code /api/v1/public/inspections} (DIS-5, SUP-DR-4 一公开), no login: published spot-check tasks with, per drawn object,
 * its outcome counts and failed items. No inspector data, no notes, no photos.
 */
@Component(service = PublicInspectionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/inspections")
public class PublicInspectionResource extends InspectionServiceClient {

    @GET
    @PublicAccess
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(summary = "Published double-random spot-check results, newest first, without inspector data", requirements = "DIS-5, SUP-DR-4",
            description = "Paging page/size. Each item: number, name, authority, target, drawDate, startDate, endDate, publishedAt and objects: "
                    + "[{name, kind, pass, fail, notApplicable, failedItems}].")
    public Page<PublicInspection> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service().published(PageRequest.parse(page, size, "-statusChangedAt", InspectionService.TASK_SORT));
    }
}
