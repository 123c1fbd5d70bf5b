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
import java.util.List;
import java.util.Map;

import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.House;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.TitleVerification;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.security.DataScope;
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

    @POST
    @Path("{unitCode}/verification")
    @RequiresPermission("house:verify")
    @Doc(summary = "Verify an owner's title to the house against the real-estate registration system: an owner verifies one of "
            + "their own houses as themselves (?ownerId= may be left out); the regulator names the owner (?ownerId=, required). "
            + "200 with the result HELD (registered exclusive area, share, certificate number, registration date) or NOT_HELD "
            + "(recorded, not verified); 404 outside the caller's scope or for an owner of another house; 503 when the "
            + "registration system cannot be reached (nothing recorded)", requirements = "OWN-2, INT-REG")
    public TitleVerification verify(@PathParam("unitCode") String unitCode, @QueryParam("ownerId") String ownerId, @Context SecurityContext sc) {
        SpmPrincipal p = Caller.of(sc);
        Long owner = ownerId == null || ownerId.isBlank() ? null : parseOwnerId(ownerId);
        if (p.scope().kind() == DataScope.Kind.OWNER && owner == null) {
            owner = p.scope().ownerId(); // always the caller's own owner record; another id is 404 in the service
        }
        if (owner == null) {
            throw ApiException.invalid(EstateMessages.TEXTS, "ownerId", "verification.ownerRequired");
        }
        return estates().verifyTitle(p.scope(), unitCode, owner, p.username());
    }

    @GET
    @Path("{unitCode}/verification")
    @RequiresPermission("owner:read")
    @Doc(summary = "The latest title verification per owner of the house (newest first; owner names masked): an owner sees "
            + "only their own, a company or committee the houses of its estates; 404 outside the scope", requirements = "OWN-2, INT-REG")
    public Map<String, Object> verifications(@PathParam("unitCode") String unitCode, @Context SecurityContext sc) {
        List<TitleVerification> items = estates().titleVerifications(Caller.scope(sc), unitCode);
        return Map.of("items", items);
    }

    private static long parseOwnerId(String raw) {
        try {
            long id = Long.parseLong(raw.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(EstateMessages.TEXTS, "ownerId", "verification.ownerRequired");
    }
}
