package org.smartproperty.map.rest;

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
import org.smartproperty.map.FeatureCollection;
import org.smartproperty.map.Panel;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/**
 * {@code /api/v1/public/map/estates}: the public one map (PMAP, MAP-1..7), no login. Active estates only; the panels overview,
 * company, committee, tenders, votes and notices (the others are 404), personal data masked and no owner named.
 */
@Component(service = PublicMapResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/map/estates")
@Produces(MediaType.APPLICATION_JSON)
public class PublicMapResource extends MapServiceClient {

    @GET
    @PublicAccess
    @Doc(summary = "The public estates layer as GeoJSON (active estates; points, boundaries, clusters at low zoom)",
            requirements = {"PMAP-1", "MAP-1"}, description = "bbox (required), zoom=0..22 (default 16); as /map/estates. 400 with field errors.")
    public FeatureCollection estates(@QueryParam("bbox") String bbox, @QueryParam("zoom") String zoom,
                                     @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return service().estates(null, MapParams.query(bbox, zoom), Messages.negotiate(language));
    }

    @GET
    @Path("{id}/panels/{panel}")
    @PublicAccess
    @Doc(summary = "A public panel of an active estate: overview, company, committee, tenders, votes, notices (masked)",
            requirements = {"PMAP-1", "MAP-2", "MAP-3", "MAP-4", "MAP-5", "MAP-6", "MAP-7"},
            description = "404 for another panel, an unknown or archived estate. Tenders: published announcements and results; votes: "
                    + "public votes; notices: published ones. Names and phones masked as the public lists of the domains show them.")
    public Panel panel(@PathParam("id") String id, @PathParam("panel") String panel,
                       @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        long estateId = Api.id(id, "objects.estate");
        return service().panel(null, estateId, MapParams.name(panel, "map.panel.unknown"), Messages.negotiate(language));
    }
}
