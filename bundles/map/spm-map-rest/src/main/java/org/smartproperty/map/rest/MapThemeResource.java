package org.smartproperty.map.rest;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.map.FeatureCollection;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/map/themes/{theme}}: the one map's thematic layers for the staff (complaint density, credit grade,
 * assessment result, open repairs), each needing its domain's read permission besides map:read.
 */
@Component(service = MapThemeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("map/themes")
@Produces(MediaType.APPLICATION_JSON)
public class MapThemeResource extends MapServiceClient {

    @GET
    @Path("{theme}")
    @RequiresPermission("map:read")
    @Doc(summary = "A thematic layer: complaint-density, credit-grade, assessment-result or open-repairs — a value and class per estate, "
            + "the legend's classes in the answer", requirements = {"MAP-1", "MAP-3", "MAP-8", "MAP-10"},
            description = "bbox (required), zoom. Features: one point per estate with properties value and cls; foreign members theme "
                    + "and legend [{key, label, min, max, color}]. Needs complaint:read, credit:read, assessment:read or repair:read "
                    + "(403). 404 for another theme; 400 when the bbox holds more estates than the layer covers (zoom in).")
    public FeatureCollection theme(@PathParam("theme") String theme, @QueryParam("bbox") String bbox, @QueryParam("zoom") String zoom,
                                   @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        String name = MapParams.name(theme, "map.theme.unknown");
        return service().theme(Caller.of(sc), name, MapParams.query(bbox, zoom), Messages.negotiate(language));
    }
}
