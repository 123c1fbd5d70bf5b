package org.smartproperty.adapter.gis.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/** {@code GET /api/v1/map/tiles/{layer}/{set}/{z}/{x}/{y}}: the caching tile proxy of the base map, no login (INT-GIS). */
@Component(service = TileResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("map/tiles")
public class TileResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BaseMap baseMap;

    @GET
    @Path("{layer}/{set}/{z}/{x}/{y}")
    @PublicAccess
    @Produces(MediaType.WILDCARD)
    @Doc(summary = "One base-map tile (PNG or JPEG) through the platform's cache; the provider's key is added on the server",
            requirements = "INT-GIS, MAP-1, PMAP-1",
            description = "layer and set as GET /map/base-layers lists them, z = the tile matrix (level), x = column, y = row. Header "
                    + "X-SPM-Tile-Source: provider, cache, or cache-stale (the provider is down; an older tile, with Warning: 110 and a short "
                    + "max-age). 400 for an unknown layer or set or a tile outside the matrix (every field at once), 503 "
                    + "gis.tile.unavailable when the provider fails and the tile is not cached.")
    public Response tile(@PathParam("layer") String layer, @PathParam("set") String set, @PathParam("z") String z,
                         @PathParam("x") String x, @PathParam("y") String y) {
        BaseMap m = ApiException.requireAvailable(baseMap, "gis");
        BaseMap.Tile t = m.tile(layer, set, z, x, y);
        byte[] bytes = t.bytes();
        StreamingOutput out = os -> os.write(bytes);
        Response.ResponseBuilder r = Response.ok(out, t.contentType()).header(BaseMap.SOURCE_HEADER, t.source());
        if (t.stale()) {
            r.header("Cache-Control", "public, max-age=60").header("Warning", "110 - \"Response is Stale\"");
        } else {
            r.header("Cache-Control", "public, max-age=" + m.browserMaxAgeSeconds());
        }
        return r.build();
    }
}
