package org.smartproperty.estate.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.estate.House;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.security.SpmPrincipal;

/** {@code /api/v1/houses/{unitCode}}: one house by its real-estate unit code, and its owners. */
@Component(service = HouseResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("houses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HouseResource extends EstateServiceClient {

    @GET
    @Path("{unitCode}")
    @RequiresPermission("estate:read")
    @Doc(summary = "Read a house by its 28-character unit code; owners masked (ID-2) unless ?unmasked=true by a caller "
            + "holding owner:view-full (audited)", requirements = "SUP-EST-2")
    public Response get(@PathParam("unitCode") String unitCode, @QueryParam("unmasked") String unmasked, @Context SecurityContext sc) {
        House h;
        if ("true".equalsIgnoreCase(unmasked)) {
            SpmPrincipal p = Caller.of(sc);
            if (!p.fullPersonalData()) {
                throw new ApiException(403, "problem.personalData", Messages.PLATFORM, null);
            }
            h = estates().houseUnmasked(p.scope(), unitCode, p.username());
        } else {
            h = estates().house(Caller.scope(sc), unitCode);
        }
        return Api.ok(h, h.version());
    }

    @POST
    @Path("{unitCode}/owners")
    @RequiresPermission("owner:write")
    @Doc(summary = "Register an owner of a house (identity document validated per type, ID-1)", requirements = "SUP-EST-2")
    public Response addOwner(@PathParam("unitCode") String unitCode, OwnerInput owner, @Context SecurityContext sc) {
        House h = estates().addOwner(unitCode, owner, Caller.name(sc));
        return Api.ok(h, h.version());
    }
}
