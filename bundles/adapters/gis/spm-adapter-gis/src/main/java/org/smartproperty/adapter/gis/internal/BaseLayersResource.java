package org.smartproperty.adapter.gis.internal;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/** {@code GET /api/v1/map/base-layers}: the base map's layers for the console and portal maps, no login (INT-GIS, MAP-1, PMAP-1). */
@Component(service = BaseLayersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("map/base-layers")
public class BaseLayersResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BaseMap baseMap;

    @GET
    @PublicAccess
    @Produces(MediaType.APPLICATION_JSON)
    @Doc(summary = "The base map's layers (WMTS, Tianditu style) with titles in the caller's language, their matrix sets, tile grids and the "
            + "tile proxy's URL template; never the provider's key", requirements = "INT-GIS, MAP-1, PMAP-1",
            description = "layers[]: name (vec, cva, img, cia), matrixSet (c = CGCS2000 lon/lat EPSG:4490, w = Web Mercator EPSG:3857), title, "
                    + "kind (base | annotation, base = the layer an annotation labels), projection, gcj02, format, url "
                    + "(/api/v1/map/tiles/{layer}/{set}/{TileMatrix}/{TileCol}/{TileRow}), tileGrid {origin, resolutions, matrixIds, tileSize, "
                    + "extent}; attribution; defaultLayer. Cache-Control: public, max-age=300. 503 while the adapter is being updated.")
    public Response baseLayers(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        BaseMap m = ApiException.requireAvailable(baseMap, "gis");
        CacheControl cc = new CacheControl();
        cc.setMaxAge(300);
        cc.setPrivate(false);
        return Response.ok(m.baseLayers(Messages.negotiate(language)), MediaType.APPLICATION_JSON_TYPE).cacheControl(cc)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
