package org.smartproperty.estate.rest;

import java.math.BigDecimal;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.security.DataScope;

/**
 * {@code /api/v1/public/estates}: the estates of the public one map (PMAP-1, MAP-1, MAP-2; issue 13 item 3), no
 * login. Only ACTIVE estates, and only what the estate panel shows the public: name, address, community, location,
 * boundary, developer, property company, fee standard, overview, counts. No owner, no house, no project code.
 */
@Component(service = PublicEstateResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public/estates")
@Produces(MediaType.APPLICATION_JSON)
public class PublicEstateResource extends EstateServiceClient {

    /** One estate as the public sees it on the map (MAP-2). */
    public record PublicEstate(long id, String name, String address, String community, GeoPoint location,
                               Map<String, Object> boundary, String developer, Long companyId, String companyName,
                               BigDecimal feeStandard, String overview, long buildingCount, long houseCount) {

        static PublicEstate of(Estate e) {
            return new PublicEstate(e.id(), e.name(), e.address(), e.community(), e.location(), e.boundary(),
                    e.developer(), e.companyId(), e.companyName(), e.feeStandard(), e.overview(), e.buildingCount(),
                    e.houseCount());
        }
    }

    @GET
    @PublicAccess
    @Doc(summary = "Active estates for the public one map: location, boundary (GeoJSON, WGS 84), developer, property company, "
            + "fee standard, overview", requirements = "PMAP-1, MAP-1, MAP-2",
            description = "Filters: name (part), companyId, bbox=minLon,minLat,maxLon,maxLat. sort: id, name, community, createdAt, "
                    + "updatedAt.")
    public Page<PublicEstate> list(@QueryParam("name") String name, @QueryParam("companyId") String companyId,
                                   @QueryParam("bbox") String bbox, @QueryParam("page") String page,
                                   @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest pr = PageRequest.parse(page, size, sort, EstateService.ESTATE_SORT);
        Validation v = new Validation(EstateMessages.TEXTS);
        Long company = QueryParams.optionalLong(v, "companyId", companyId);
        double[] box = Params.bbox(v, bbox);
        v.throwIfInvalid();
        Page<Estate> estates = estates().list(DataScope.ALL,
                new EstateQuery(name, null, company, EstateStatus.ACTIVE, box), pr);
        return new Page<>(estates.items().stream().map(PublicEstate::of).toList(), estates.page(), estates.size(),
                estates.total());
    }
}
