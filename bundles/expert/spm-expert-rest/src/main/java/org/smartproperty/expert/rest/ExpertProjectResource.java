package org.smartproperty.expert.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.expert.ExpertProject;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/** {@code /api/v1/expert-projects}: the project library (SUP-EX-2), fed by tendering. */
@Component(service = ExpertProjectResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("expert-projects")
@Produces(MediaType.APPLICATION_JSON)
public class ExpertProjectResource extends ExpertServiceClient {

    static final java.util.Set<String> SORT = java.util.Set.of("id");

    @GET
    @RequiresPermission("expert:read")
    @Doc(summary = "Projects that need an evaluation panel, newest first, with bidders and the current draw", requirements = "SUP-EX-2",
            description = "The regulator's staff: all; a DEVELOPER its organisation's projects; a COMMITTEE its estate's.")
    public Page<ExpertProject> list(@QueryParam("page") String page, @QueryParam("size") String size, @Context SecurityContext sc) {
        return service().projects(Caller.of(sc), PageRequest.parse(page, size, null, SORT));
    }
}
