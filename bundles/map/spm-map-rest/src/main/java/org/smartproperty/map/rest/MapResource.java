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
import org.smartproperty.map.Panel;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/map/estates}: the one map's estates layer and panels for the staff (MAP-1..11); the thematic layers are
 * {@link MapThemeResource}. Each resource has a path of its own under {@code map/} so that other resources there (the base
 * map's, INT-GIS) never share a root path with them. Scope in the service: the regulator sees every estate, a
 * company the estates it manages, a committee its estate (an estate outside the scope is 404). Each panel and thematic layer
 * also needs the read permission of the domain it shows (403 without it).
 */
@Component(service = MapResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("map/estates")
@Produces(MediaType.APPLICATION_JSON)
public class MapResource extends MapServiceClient {

    @GET
    @RequiresPermission("map:read")
    @Doc(summary = "The estates layer as GeoJSON: points and boundaries in the bbox, grid clusters with counts at low zoom",
            requirements = {"MAP-1", "INT-GIS"},
            description = "bbox=minLon,minLat,maxLon,maxLat (CGCS2000, required), zoom=0..22 (default 16). Below the clustering zoom "
                    + "(PID org.smartproperty.map, default 13) features are clusters (properties.kind=cluster, count) or single points; "
                    + "from it on each estate is a point and its boundary, simplified by Douglas-Peucker with a tolerance of about one "
                    + "pixel at the zoom. Only the caller's scope. 400 with field errors for a bad bbox or zoom.")
    public FeatureCollection estates(@QueryParam("bbox") String bbox, @QueryParam("zoom") String zoom,
                                     @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        return service().estates(Caller.of(sc), MapParams.query(bbox, zoom), Messages.negotiate(language));
    }

    @GET
    @Path("{id}/panels/{panel}")
    @RequiresPermission("map:read")
    @Doc(summary = "One panel of an estate: overview, company, committee, tenders, votes, notices, complaints, patrols, repairs, "
            + "satisfaction", requirements = {"MAP-2", "MAP-3", "MAP-4", "MAP-5", "MAP-6", "MAP-7", "MAP-8", "MAP-9", "MAP-10", "MAP-11"},
            description = "404 for an estate outside the caller's scope or an unknown panel; 403 without the read permission of the "
                    + "panel's domain. Lists: items (newest first, at most 20) and total.")
    public Panel panel(@PathParam("id") String id, @PathParam("panel") String panel,
                       @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        long estateId = Api.id(id, "objects.estate");
        return service().panel(Caller.of(sc), estateId, MapParams.name(panel, "map.panel.unknown"), Messages.negotiate(language));
    }
}
